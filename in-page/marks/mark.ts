/**
 * Wraps found references in `<span data-euref="ID">` without changing the page's text: only
 * elements are added around existing text, never a character inserted or removed.
 */
import { blockNodes, MARK_ATTRIBUTE, type BlockNodes, type TextBlock } from './text-blocks';

export const MARK_CLASS = 'eurefs-ref';

/** On the root element once the scanner has stopped: its marks left on the page lose their look (marks.css). */
export const STOPPED_ATTRIBUTE = 'data-eurefs-stopped';

export interface BlockMatch {
  start: number;
  end: number;
  id: string;
}

/** Where an offset of the block's text falls: the node's index in the block and the offset in it. */
function locate(block: BlockNodes, offset: number, preferNext: boolean): { index: number; offset: number } {
  // Binary search for the node holding `offset`; at a boundary, the start of a match belongs to
  // the next node and its end to the previous one, so no empty piece is wrapped.
  let lo = 0;
  let hi = block.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (start === offset && preferNext)) lo = mid;
    else hi = mid - 1;
  }
  return { index: lo, offset: offset - block.starts[lo]! };
}

/** The text node and the offset in it where a block's text offset falls (a reference's start). */
export function textAt(block: BlockNodes, offset: number): { node: Text; offset: number } {
  const { index, offset: inNode } = locate(block, offset, true);
  return { node: block.nodes[index]!, offset: inNode };
}

/**
 * The same for a block not marked yet, as found: where the offset falls in its first or last
 * node, without reading its nodes again (the keyboard asks it of every reference waiting on a
 * long page at each move); null where the page changed the block since.
 */
export function foundTextAt(block: TextBlock, offset: number, ownHost: string): { node: Text; offset: number } | null {
  if (offset < block.firstLength) return { node: block.first, offset };
  if (offset >= block.lastStart) return { node: block.last, offset: offset - block.lastStart };
  const nodes = blockNodes(block, ownHost);
  return nodes && textAt(nodes, offset);
}

/** One template per document: cloning it is cheaper than building each span. */
const templates = new WeakMap<Document, HTMLSpanElement>();

function makeMark(doc: Document, id: string, part: number): HTMLSpanElement {
  let template = templates.get(doc);
  if (!template) {
    template = doc.createElement('span');
    template.className = MARK_CLASS;
    templates.set(doc, template);
  }
  const span = template.cloneNode(false) as HTMLSpanElement;
  span.setAttribute(MARK_ATTRIBUTE, id);
  // Focusable (the shortcuts and the list move focus to it) but out of the Tab order, which the
  // scanner puts it in only where the reader asked (PageScanner.markTracking).
  if (part === 0) span.tabIndex = -1;
  else span.setAttribute('data-euref-part', String(part));
  return span;
}

/**
 * Wraps characters [from, to) of a text node. The node keeps the text before `from` (so earlier
 * offsets into it stay valid, as the backwards marking needs); the rest is split off. No Range:
 * a Range stays live in the document until it is garbage-collected, and every later DOM change
 * updates every live Range, which made marking a long page quadratic.
 */
function wrapText(node: Text, from: number, to: number, mark: HTMLElement): void {
  const target = from > 0 ? node.splitText(from) : node;
  if (to - from < target.data.length) target.splitText(to - from);
  target.parentNode!.insertBefore(mark, target);
  mark.appendChild(target);
}

/** Wraps one match; returns the marks made (one, or one per text node where elements interleave). */
function wrapMatch(block: BlockNodes, match: BlockMatch): HTMLElement[] {
  const first = locate(block, match.start, true);
  const last = locate(block, match.end, false);
  const firstNode = block.nodes[first.index]!;
  const lastNode = block.nodes[last.index]!;
  const doc = firstNode.ownerDocument;
  if (first.index === last.index) {
    const mark = makeMark(doc, match.id, 0);
    wrapText(firstNode, first.offset, last.offset, mark);
    return [mark];
  }
  const parent = firstNode.parentNode;
  if (parent && parent === lastNode.parentNode) {
    // Start and end are siblings (`COM(2017) <b>793</b> final`): one mark around everything
    // between them, the page's elements inside it whole.
    if (last.offset < lastNode.data.length) lastNode.splitText(last.offset);
    const head = first.offset > 0 ? firstNode.splitText(first.offset) : firstNode;
    const mark = makeMark(doc, match.id, 0);
    parent.insertBefore(mark, head);
    for (let node: Node | null = head; node; ) {
      const next: Node | null = node.nextSibling;
      mark.appendChild(node);
      if (node === lastNode) break;
      node = next;
    }
    return [mark];
  }
  // The match starts inside one element and ends outside it (`<b>COM(2017) 793</b> final`):
  // wrap each text piece on its own, so the page's elements stay whole.
  const marks: HTMLElement[] = [];
  for (let i = last.index; i >= first.index; i--) {
    const node = block.nodes[i]!;
    const from = i === first.index ? first.offset : 0;
    const to = i === last.index ? last.offset : node.data.length;
    if (to <= from || node.data.slice(from, to).trim() === '') continue;
    const part = makeMark(doc, match.id, i - first.index);
    wrapText(node, from, to, part);
    marks.unshift(part);
  }
  if (marks[0]) {
    // Whatever piece comes first takes the focus stop and the occurrence's identity.
    marks[0].removeAttribute('data-euref-part');
    marks[0].tabIndex = -1;
  }
  return marks;
}

/**
 * Marks matches in a block (its nodes as read just before, text-blocks.ts `blockNodes`), last to
 * first: wrapping splits text nodes at the match, and going backwards keeps every earlier offset
 * valid.
 */
export function markBlock(block: BlockNodes, matches: readonly BlockMatch[]): HTMLElement[][] {
  const made: HTMLElement[][] = new Array<HTMLElement[]>(matches.length);
  for (let i = matches.length - 1; i >= 0; i--) {
    made[i] = wrapMatch(block, matches[i]!);
  }
  return made;
}
