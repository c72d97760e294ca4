/**
 * The page's changes, gathered into batches: which nodes to look at again, and which elements
 * left the page. Shared by the content script, which watches for a first reference, and the page
 * scanner, which marks what arrives.
 */

/** Changes arrive in bursts (a search result list rendering); one batch per burst. */
export const QUIET_MS = 120;
/**
 * A burst that never pauses (a clock ticking every 100 ms) would otherwise hold a batch back
 * forever: whatever else changes, content added is looked at within this long.
 */
export const MAX_WAIT_MS = 500;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface Debounced {
  /** Something happened: flush once things are quiet, or at the latest maxWaitMs after the first poke. */
  poke(): void;
  cancel(): void;
}

/** A trailing debounce with a maximum wait, counted from the first poke since the last flush. */
export function debounceWithMaxWait(flush: () => void, quietMs: number, maxWaitMs: number): Debounced {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let latest: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(quiet);
    clearTimeout(latest);
    quiet = latest = undefined;
  };
  const fire = () => {
    cancel();
    flush();
  };
  return {
    poke() {
      clearTimeout(quiet);
      quiet = setTimeout(fire, quietMs);
      latest ??= setTimeout(fire, maxWaitMs);
    },
    cancel,
  };
}

export interface ChangedRoot {
  /** what to read again: an added node, or the element whose text changed */
  node: Node;
  /**
   * The node that stays while its content comes and goes: the parent an added node was added to,
   * the changed node itself otherwise. A page that keeps putting its markup back keeps changing
   * the same part (churn.ts).
   */
  part: Node;
}

export interface MutationBatch {
  /** still in the page, none inside another, in the order they changed */
  roots: ChangedRoot[];
  /** elements the page removed (text nodes are left out: none of them can hold a mark) */
  removed: Element[];
}

export interface MutationBatches {
  /**
   * Runs `work` with the observer off: what it changes is ours, not news. The page's changes
   * before it are kept for the next batch.
   */
  unobserved(work: () => void): void;
  stop(): void;
}

export interface WatchOptions {
  signal: AbortSignal;
  /** text changes to leave out (the text of our own marks) */
  ignoreText?: (text: Node) => boolean;
  quietMs?: number;
  maxWaitMs?: number;
}

/**
 * Where to read again when a text node's data changed: its parent element, since a reference may
 * run across the node's siblings; but not a parent that is the whole page (a text node straight
 * in `<body>`), or one ticking clock there would have the whole page read again each time.
 */
function textRoot(text: Node, watched: Node): Node {
  const parent = text.parentNode;
  if (!parent || parent === watched || parent === text.ownerDocument?.body || parent === text.ownerDocument?.documentElement) return text;
  return parent;
}

/** Drops roots that left the page and roots inside another root (read with it). */
function outermostConnected(pending: Map<Node, Node>): ChangedRoot[] {
  const roots: ChangedRoot[] = [];
  for (const [node, part] of pending) {
    if (!node.isConnected) continue;
    let inside = false;
    for (let ancestor = node.parentNode; ancestor && !inside; ancestor = ancestor.parentNode) inside = pending.has(ancestor);
    if (!inside) roots.push({ node, part });
  }
  return roots;
}

/** Watches `root` for added nodes and changed text; calls `onBatch` once per burst. */
export function watchMutations(root: Node, onBatch: (batch: MutationBatch) => void, options: WatchOptions): MutationBatches {
  const { signal, ignoreText } = options;
  let pending = new Map<Node, Node>();
  let removed: Element[] = [];
  const debounced = debounceWithMaxWait(
    () => {
      const batch = { roots: outermostConnected(pending), removed };
      pending = new Map();
      removed = [];
      if (batch.roots.length || batch.removed.length) onBatch(batch);
    },
    options.quietMs ?? QUIET_MS,
    options.maxWaitMs ?? MAX_WAIT_MS,
  );
  const take = (records: MutationRecord[]) => {
    let changed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (ignoreText?.(record.target)) continue;
        const node = textRoot(record.target, root);
        if (!pending.has(node)) pending.set(node, node);
        changed = true;
        continue;
      }
      record.addedNodes.forEach((node) => {
        if (!pending.has(node)) pending.set(node, record.target);
        changed = true;
      });
      record.removedNodes.forEach((node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        removed.push(node as Element);
        changed = true;
      });
    }
    if (changed) debounced.poke();
  };
  const observer = new MutationObserver(take);
  let stopped = false;
  const stop = () => {
    stopped = true;
    observer.disconnect();
    debounced.cancel();
    pending = new Map();
    removed = [];
  };
  observer.observe(root, OBSERVED);
  signal.addEventListener('abort', stop);
  return {
    unobserved(work) {
      if (stopped) return work();
      take(observer.takeRecords());
      observer.disconnect();
      try {
        work();
      } finally {
        if (!stopped && !signal.aborted) observer.observe(root, OBSERVED);
      }
    },
    stop,
  };
}
