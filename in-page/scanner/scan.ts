/**
 * Finds and marks references under a root, in slices of a few milliseconds so that a long
 * document never blocks the page: the reader can scroll while the scan goes on.
 */
import { findReferences, type Reference } from '../../references';
import { markBlock } from '../marks/mark';
import { linkReference, markLink } from '../marks/links';
import { blockNodes, createTextBlockCollector, MARK_ATTRIBUTE, type TextBlock } from '../marks/text-blocks';
import { renderTimeOfNextFrame } from './frame-cost';
import { yieldToPage } from '../yield';

export interface Occurrence {
  reference: Reference;
  marks: readonly HTMLElement[];
}

/** The marks of a reference not marked yet: one array for them all, of the hundreds of thousands a long page may hold. */
export const NOT_MARKED: readonly HTMLElement[] = Object.freeze([]);

/** Long enough to do real work, short enough to stay far below the 50 ms of a long task. */
const SLICE_MS = 8;

/**
 * Whether the grammar has run in this page yet. Its first call compiles its expressions and the
 * scanner's own code, 15-45 ms in Chromium (traced on the bench's dense pages), so it gets a task
 * of its own: after a slice of walking, it made the first slice 29-46 ms, a long task on a slow
 * moment.
 */
let grammarWarm = false;
/**
 * Before that first call, the walk goes only this long: the first block the grammar compiles on
 * is the page's first, and every millisecond walked past it delays the first screen's marks.
 */
const COLD_WALK_MS = 2;

/** What a scan cost the main thread: filled in by `scan` when given (the benchmark reads it). */
export interface ScanStats {
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  /** of busyMs: walking and the grammar; marking is the rest */
  findMs?: number;
  /** performance.now() when the last reference was marked */
  markedAt?: number;
}

/**
 * Every slice that changes the DOM costs the page a style, layout and paint pass when it next
 * renders, in two parts: one in proportion to what the slice marked (the paragraphs laid out
 * again), one in proportion to the document (Chromium walks the 10,000 paragraphs of their
 * container each time). Where the first part dominates, short marking slices, each rendered in a
 * frame of its own, keep the frames short: on 1,000 dense paragraphs the longest frame during
 * marking went from 102-170 ms to 64-99 ms, and its blocking time from 42-78 to 7-36 ms
 * (long-animation-frame entries). Where the second dominates, short slices only multiply the
 * passes: 15 ms slices took 10,000 dense paragraphs 2.7-3.3 s instead of 2.3 s, each frame as
 * long. So marking starts with short slices, waits for the frame after each (without that, the
 * browser renders several slices in one frame), and goes on with long ones once a frame is long.
 * Finding does not touch the DOM; its slices cost no rendering.
 */
const MARK_SLICE_MS = 15;
const MARK_SLICE_LONG_MS = 30;
/** A frame this long after a marking slice: the document's part of it dominates. */
const LONG_FRAME_MS = 60;
/** References found and not yet marked, past which marking starts (so marks appear early). */
const MARK_BATCH = 3000;

/** A block's references, or a link that names a document by its address (marks/links.ts). */
export type Found = { block: TextBlock; references: Reference[] } | { link: HTMLAnchorElement; reference: Reference };

/**
 * True when a block's first and last text nodes are still in the page, still as long as we read
 * them, and not inside a mark made since (a scan of changed content may have marked them first):
 * a check of a few properties, for passes over every mention. Marking reads the block's nodes
 * again and checks all of its text (`blockNodes`).
 */
export function intact(block: TextBlock): boolean {
  const { first, last } = block;
  return (
    first.isConnected &&
    last.isConnected &&
    first.data.length === block.firstLength &&
    block.lastStart + last.data.length === block.text.length &&
    first.parentElement?.closest(`[${MARK_ATTRIBUTE}]`) == null
  );
}

/** True while what `found` read can still be marked as it was read. */
export function stillThere(found: Found): boolean {
  return 'link' in found ? found.link.isConnected && !found.link.hasAttribute(MARK_ATTRIBUTE) : intact(found.block);
}

/** Marks one found block or link; nothing where the page changed it since. */
export function markFound(found: Found, ownHost: string): Occurrence[] {
  if (!stillThere(found)) return [];
  if ('link' in found) return [{ reference: found.reference, marks: [markLink(found.link, found.reference.id)] }];
  const nodes = blockNodes(found.block, ownHost);
  if (!nodes) return [];
  const marks = markBlock(nodes, found.references);
  return found.references.map((reference, i) => ({ reference, marks: marks[i] ?? [] }));
}

/**
 * Finds the references under a root, then marks them, in slices: finding (the walk and the
 * grammar) in SLICE_MS slices that leave the DOM alone, marking in MARK_SLICE_MS slices, batch by
 * batch. The walk itself is sliced too, so a page of 100,000 paragraphs never blocks the reader.
 */
export interface ScanOptions {
  /** the tag of Eurefs' own host element (the popover's), whose content is never scanned */
  ownHost: string;
  signal: AbortSignal;
  /** what each marking slice marked, as soon as it is marked */
  onSlice?: (found: Occurrence[]) => void;
  stats?: ScanStats;
  /** whether the reader's settings let Eurefs mark this site; finding starts before they are read */
  mayMark?: Promise<boolean>;
  /** runs each marking slice (the scanner's, with its mutation observer off: ours are not news) */
  whileMarking?: (work: () => void) => void;
  /** the id of the page's own document (this-page.ts): links to it are the page, not references */
  pageDocument?: string | null;
  /**
   * Where given, nothing is marked: what each slice of finding found goes here, in page order
   * (near-view.ts marks it as the reader comes near it), and `scan` resolves once all is found.
   */
  defer?: (found: Found[]) => void;
  /**
   * How finding yields between its slices, told the element of the last block it read
   * (near-view.ts paces it to the first screen's marking).
   */
  pace?: (walkedTo: Element | null) => Promise<void>;
}

export async function scan(
  root: Node,
  { ownHost, signal, onSlice, stats, mayMark = Promise.resolve(true), whileMarking = (work) => work(), pageDocument = null, defer, pace = yieldToPage }: ScanOptions,
): Promise<Occurrence[]> {
  let allowed: boolean | undefined;
  void mayMark.then(
    (yes) => (allowed = yes),
    () => (allowed = false),
  );
  const occurrences: Occurrence[] = [];
  let pending: TextBlock[] = [];
  let next = 0;
  const toMark: Found[] = [];
  let unmarkedReferences = 0;
  /**
   * Links the walk met (it meets them as it enters them, before the blocks around them are
   * complete), waiting for their turn: each goes to be marked before the first block that comes
   * after it, so that the mentions keep the page's order (within one block, a link comes after
   * the block's text references).
   */
  const links: { link: HTMLAnchorElement; reference: Reference }[] = [];
  let nextLink = 0;
  const linksUpTo = (node: Node | null) => {
    for (; nextLink < links.length; nextLink++) {
      const found = links[nextLink]!;
      if (node && !(found.link.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      toMark.push(found);
      unmarkedReferences++;
    }
    if (nextLink === links.length) links.length = nextLink = 0;
  };
  const collector = createTextBlockCollector(root, ownHost, (link) => {
    const reference = linkReference(link, pageDocument);
    if (reference) links.push({ link, reference });
  });
  /** the element of the last block the grammar read: where the walk has got to */
  let walkedTo: Element | null = null;
  let marked = 0;
  let finding = true;
  let marking = false;
  let markSliceMs = MARK_SLICE_MS;
  let measuring = true;
  while (!signal.aborted) {
    if (defer) {
      if (toMark.length) defer(toMark.splice(0));
      unmarkedReferences = 0;
    }
    // Once a batch is being marked, it is marked to the end before finding goes on.
    marking = !defer && (marking || !finding || unmarkedReferences >= MARK_BATCH);
    if (marking && allowed === undefined) allowed = await mayMark.catch(() => false);
    if (allowed === false || signal.aborted) return [];
    const sliceStart = performance.now();
    const markingSlice = marking;
    if (!marking) {
      const deadline = sliceStart + SLICE_MS;
      for (;;) {
        if (next === pending.length) {
          if (collector.done) {
            linksUpTo(null);
            finding = false;
            break;
          }
          pending = collector.next(grammarWarm ? deadline : Math.min(deadline, sliceStart + COLD_WALK_MS));
          next = 0;
          if (pending.length === 0 && !collector.done) break;
          continue;
        }
        const cold = !grammarWarm;
        // not after other work in the same slice: see grammarWarm
        if (cold && performance.now() - sliceStart >= 1) break;
        const block = pending[next++]!;
        walkedTo = block.first.parentElement;
        const references = findReferences(block.text);
        grammarWarm = true;
        if (nextLink < links.length) linksUpTo(block.first);
        if (references.length) {
          toMark.push({ block, references });
          unmarkedReferences += references.length;
          if (unmarkedReferences >= MARK_BATCH) break;
        }
        if (cold || performance.now() >= deadline) break;
      }
    } else {
      const deadline = sliceStart + markSliceMs;
      const sliceFound: Occurrence[] = [];
      // Nothing found (the usual batch of a ticking clock): no need to switch the observer off.
      if (marked < toMark.length) whileMarking(() => {
        while (marked < toMark.length) {
          const found = toMark[marked]!;
          toMark[marked++] = undefined as unknown as Found;
          unmarkedReferences -= 'link' in found ? 1 : found.references.length;
          // Gone or changed while we yielded (a single-page app re-rendered it), or marked
          // meanwhile by a scan of changed content: the mutation observer scans its replacement.
          for (const occurrence of markFound(found, ownHost)) sliceFound.push(occurrence);
          if (performance.now() >= deadline) break;
        }
      });
      if (marked === toMark.length) {
        toMark.length = 0;
        marked = 0;
        marking = false;
      }
      for (const occurrence of sliceFound) occurrences.push(occurrence);
      if (sliceFound.length) onSlice?.(sliceFound);
    }
    if (stats) {
      const ms = performance.now() - sliceStart;
      if (!markingSlice) stats.findMs = (stats.findMs ?? 0) + ms;
      stats.busyMs += ms;
      stats.slices++;
      if (ms > stats.longestSliceMs) stats.longestSliceMs = ms;
    }
    if (!finding && (toMark.length === 0 || defer)) {
      if (defer && toMark.length) defer(toMark.splice(0));
      break;
    }
    if (markingSlice && measuring && !root.ownerDocument?.hidden) {
      // One frame per marking slice, or the browser renders several slices' marks in one frame;
      // and that frame's length tells which part of the rendering dominates.
      const frameMs = await renderTimeOfNextFrame();
      if (frameMs === null) measuring = false;
      else if (frameMs > LONG_FRAME_MS) markSliceMs = MARK_SLICE_LONG_MS;
      continue;
    }
    // Handed over before the page gets the thread back: at the top of the loop, it would wait for
    // the pace (near-view.ts marks what is near the window as it takes it).
    if (defer && toMark.length) {
      defer(toMark.splice(0));
      unmarkedReferences = 0;
    }
    await (markingSlice ? yieldToPage() : pace(walkedTo));
  }
  if (stats) stats.markedAt = performance.now();
  return occurrences;
}

/**
 * The references under a root, found and not marked: a part of the page the scanner leaves
 * alone (churn.ts) still counts in the page's list. In slices, as the scan.
 */
export async function findUnmarked(root: Node, ownHost: string, signal: AbortSignal): Promise<Reference[]> {
  const collector = createTextBlockCollector(root, ownHost);
  const found: Reference[] = [];
  while (!collector.done && !signal.aborted) {
    const deadline = performance.now() + SLICE_MS;
    for (const block of collector.next(deadline)) {
      for (const reference of findReferences(block.text)) found.push(reference);
      grammarWarm = true;
    }
    if (!collector.done) await yieldToPage();
  }
  return found;
}
