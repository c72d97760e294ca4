/**
 * Collects the page's text as blocks: the text nodes under one block-level element, in document
 * order, joined, so that a reference split across inline elements (`COM(2017) <b>793</b> final`)
 * reads as one string. Offsets into a block's text map back to (text node, offset).
 *
 * The walk is a plain first-child/next-sibling traversal that carries the current block down
 * with it (no per-node callback, no walk up to find the block) and can stop at a deadline and
 * resume, so that the scanner collects and marks a long document in slices.
 *
 * A block keeps only its text and its first and last text nodes: a long page's blocks wait,
 * found, for the reader to come near them (scanner/near-view.ts), and holding every text node of
 * every block kept hundreds of thousands of the nodes' script wrappers alive for the garbage
 * collector to trace. Its nodes are read again when it is marked (`blockNodes`). And a block
 * element that holds no other block, nothing skipped and no mark (most paragraphs) is read with
 * one `textContent`, not node by node.
 */

/** Elements whose text is never ours to touch: code, form fields, hidden templates (local names). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'iframe',
  'object', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'title',
]);

/** Boundaries across which a reference cannot run (a table cell, a paragraph, a list item). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'button',
]);

export const MARK_ATTRIBUTE = 'data-euref';

export interface TextBlock {
  /** the block's first and last text nodes (the same node for a block of one) */
  first: Text;
  last: Text;
  /** as read: the first node's length, and where the last one starts in `text` */
  firstLength: number;
  lastStart: number;
  text: string;
}

/** A block's text nodes, as marking needs them: `starts[i]` is the offset of `nodes[i]` in its text. */
export interface BlockNodes {
  nodes: Text[];
  starts: number[];
}

/**
 * An element the reader edits. The attribute, not `isContentEditable`: that property makes
 * Chromium bring style up to date, which between two slices of marking means a style recalc per
 * element visited. The walk never enters an editable element, so its descendants (which inherit
 * editability) are never reached; `designMode` is checked once per walk.
 */
function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  if (value === null) return false;
  const v = value.toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/**
 * Every element isSkipped() is true of, as one CSS selector (the same names and values), for
 * native queries that must agree with the walk (glance.ts).
 */
export function skippedSelector(ownHost: string): string {
  return [
    ...SKIPPED,
    ownHost,
    `[${MARK_ATTRIBUTE}]`,
    '[contenteditable=""]',
    '[contenteditable="true" i]',
    '[contenteditable="plaintext-only" i]',
  ].join(',');
}

/** What an element must not hold to be read with one `textContent`: a block, or anything the walk skips. */
function notLeafSelector(ownHost: string): string {
  return `${[...BLOCKS].join(',')},${skippedSelector(ownHost)}`;
}

function isSkipped(element: Element, ownHost: string): boolean {
  const name = element.localName;
  if (SKIPPED.has(name)) return true;
  if (name === ownHost) return true;
  if (element.hasAttribute(MARK_ATTRIBUTE)) return true;
  return isEditable(element);
}

/**
 * True when text can hold a reference at all. Every form the grammar in references/ knows has
 * one of: "digits/digits" (acts, procedures, `COM/2017/0793`, ELI), a document prefix's last
 * letter before "(" and a year (`COM(2017)`, `SWD (2018)`, `C(97)`), a four-digit year before
 * "(" (the swapped `COM 2017 (555)`), a year between colons (`COM:2017:663`, `%3A`), or a CELEX number.
 * A block without any of them is dropped before the grammar runs: most text of a legal page
 * ("Article 5(3)", "12 December 2017", footnote numbers) never reaches it. Checked against the
 * grammar on the fixtures by scripts/bench/check-prefilter.ts (before every benchmark); a new form in
 * references/ must be added here.
 * No flags: the letters are spelled in both cases, with the two signs Unicode folds to ASCII
 * letters (U+212A KELVIN SIGN, U+017F LONG S), so it matches what the `iu` form matched; compiling
 * `iu` took about 0.4 ms more on every page (tests/unit/in-page/marks/text-blocks.test.ts).
 */
export const MAY_HOLD_REFERENCE =
  /\d\/\d|[mnckdMNCKD\u212a]\s*\(\s*\d\d|(?:19|20)\d\d\s*\(\s*\d|(?::|%3[aA])\d{4}(?::|%3[aA])\d|[035](?:19|20)\d\d[a-zA-Z\u017f\u212a]{1,2}\d{4}/;

/** Collects text blocks under a root, a deadline at a time. */
export interface TextBlockCollector {
  /** Blocks completed before `deadline` (a performance.now() time); [] once done. */
  next(deadline: number): TextBlock[];
  readonly done: boolean;
}

/** How many nodes between two looks at the clock. */
const CLOCK_EVERY = 128;

/**
 * `onLink`, where given, is called with each link (`<a href>`) the walk enters, in document order
 * (links.ts: a link may name a document by its address alone), `root` itself included.
 */
export function createTextBlockCollector(
  root: Node,
  ownHost: string,
  onLink?: (link: HTMLAnchorElement) => void,
): TextBlockCollector {
  const doc = root.ownerDocument ?? (root as Document);
  let done = false;
  // A root that is itself inside a skipped element (a mutation inside a textarea) yields nothing.
  if (doc.designMode === 'on') done = true;
  for (let el = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement; el && !done; el = el.parentElement) {
    if (isSkipped(el, ownHost)) done = true;
  }
  if (!done && root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    let given = false;
    return {
      next() {
        if (given) return [];
        given = true;
        const data = text.data;
        return MAY_HOLD_REFERENCE.test(data) ? [{ first: text, last: text, firstLength: data.length, lastStart: 0, text: data }] : [];
      },
      get done() {
        return given;
      },
    };
  }

  if (!done && onLink && isLink(root)) onLink(root);

  // Walk state: the next node to visit, and the block of every element on the path to it.
  let node: Node | null = done ? null : root.firstChild;
  const blockAt: Node[] = [root];
  let block: Node = root;

  // The run of text nodes being read: its first and last node, its parts.
  let first: Text | null = null;
  let last: Text | null = null;
  let parts: string[] = [];
  let length = 0;
  let currentBlock: Node | null = null;
  const notLeaf = notLeafSelector(ownHost);

  const flush = (out: TextBlock[]) => {
    if (first) {
      const text = parts.length === 1 ? parts[0]! : parts.join('');
      if (MAY_HOLD_REFERENCE.test(text)) out.push({ first, last: last!, firstLength: first.data.length, lastStart: length - last!.data.length, text });
      first = last = null;
    }
    parts = [];
    length = 0;
  };

  /**
   * A block element with text and nothing in it that the walk would skip or that starts another
   * block: its text is one run of its own, read at once. False where the walk must go node by node.
   */
  const readLeaf = (element: Element, out: TextBlock[]): boolean => {
    if (element.querySelector(notLeaf) !== null) return false;
    if (onLink) for (const link of element.querySelectorAll('a[href]')) onLink(link as HTMLAnchorElement);
    const text = element.textContent ?? '';
    // No text: no run of its own, and the run around it goes on across it, as node by node.
    if (text.length === 0) return true;
    // The run before it ends here; the text after it starts a new one.
    flush(out);
    if (!MAY_HOLD_REFERENCE.test(text)) return true;
    const firstNode = edgeText(element, true)!;
    const lastNode = edgeText(element, false)!;
    out.push({ first: firstNode, last: lastNode, firstLength: firstNode.data.length, lastStart: text.length - lastNode.data.length, text });
    return true;
  };

  /** The node after `from`'s subtree: its next sibling, or an ancestor's, below root. */
  const after = (from: Node): Node | null => {
    let current: Node | null = from;
    while (current) {
      const sibling: Node | null = current.nextSibling;
      if (sibling) return sibling;
      current = current.parentNode;
      if (!current || current === root) return null;
      blockAt.pop();
      block = blockAt[blockAt.length - 1]!;
    }
    return null;
  };

  return {
    next(deadline: number): TextBlock[] {
      const out: TextBlock[] = [];
      let count = 0;
      while (node) {
        if (++count === CLOCK_EVERY) {
          count = 0;
          if (performance.now() >= deadline) return out;
        }
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node as Text;
          const data = text.data;
          if (data.length !== 0) {
            if (block !== currentBlock) {
              flush(out);
              currentBlock = block;
            }
            first ??= text;
            last = text;
            parts.push(data);
            length += data.length;
          }
          node = after(node);
        } else if (node.nodeType === Node.ELEMENT_NODE && !isSkipped(node as Element, ownHost)) {
          const child = node.firstChild;
          const isBlock = BLOCKS.has((node as Element).localName);
          if (child && isBlock && readLeaf(node as Element, out)) {
            node = after(node);
            continue;
          }
          if (onLink && isLink(node)) onLink(node);
          if (child) {
            if (isBlock) block = node;
            blockAt.push(block);
            node = child;
          } else {
            node = after(node);
          }
        } else {
          node = after(node);
        }
      }
      flush(out);
      done = true;
      return out;
    },
    get done() {
      return done || node === null;
    },
  };
}

/** The first (or last) text node with text under an element that holds nothing the walk skips. */
function edgeText(element: Element, fromStart: boolean): Text | null {
  let node: Node | null = fromStart ? element.firstChild : element.lastChild;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE && (node as Text).data.length !== 0) return node as Text;
    const inner: Node | null = fromStart ? node.firstChild : node.lastChild;
    if (inner) {
      node = inner;
      continue;
    }
    while (node && node !== element && !(fromStart ? node.nextSibling : node.previousSibling)) node = node.parentNode;
    if (!node || node === element) return null;
    node = fromStart ? node.nextSibling : node.previousSibling;
  }
  return null;
}

/**
 * A block's text nodes, read again from its first to its last in the walk's order (what it skips
 * left out), for marking; null where the page has changed them since, so that they no longer
 * hold the block's text.
 */
export function blockNodes(block: TextBlock, ownHost: string): BlockNodes | null {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const { first, last, text } = block;
  if (!first.isConnected || !last.isConnected) return null;
  let node: Node | null = first;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length !== 0) {
        if (!text.startsWith(data, length)) return null;
        nodes.push(node as Text);
        starts.push(length);
        length += data.length;
      }
      if (node === last) break;
    } else if (node.nodeType === Node.ELEMENT_NODE && !isSkipped(node as Element, ownHost) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // The node after this one's subtree; `last` comes after `first`, so an ancestor of both ends it.
    while (node && !node.nextSibling) node = node.parentNode;
    node = node?.nextSibling ?? null;
  }
  return node === last && length === text.length ? { nodes, starts } : null;
}

function isLink(node: Node): node is HTMLAnchorElement {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'a' && (node as Element).hasAttribute('href');
}

export function collectTextBlocks(root: Node, ownHost: string): TextBlock[] {
  return createTextBlockCollector(root, ownHost).next(Infinity);
}
