/**
 * Wraps found references in `<span data-euref="ID">` without changing the page's text: only
 * elements are added around existing text, never a character inserted or removed.
 */
import { MARK_ATTRIBUTE, type TextBlock } from './text-blocks';

export const MARK_CLASS = 'eurefs-ref';

export interface BlockMatch {
  start: number;
  end: number;
  id: string;
}

function locate(block: TextBlock, offset: number, preferNext: boolean): { node: Text; offset: number } {
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
  return { node: block.nodes[lo]!, offset: offset - block.starts[lo]! };
}

function makeMark(doc: Document, id: string, part: number): HTMLSpanElement {
  const span = doc.createElement('span');
  span.setAttribute(MARK_ATTRIBUTE, id);
  span.className = MARK_CLASS;
  if (part === 0) span.tabIndex = 0;
  else span.setAttribute('data-euref-part', String(part));
  return span;
}

/** Wraps one match; returns the marks made (one, or one per text node where elements interleave). */
function wrapMatch(block: TextBlock, match: BlockMatch): HTMLElement[] {
  const first = locate(block, match.start, true);
  const last = locate(block, match.end, false);
  const doc = first.node.ownerDocument;
  const range = doc.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset);
  const mark = makeMark(doc, match.id, 0);
  try {
    range.surroundContents(mark);
    return [mark];
  } catch {
    // The match starts inside one element and ends outside it (`<b>COM(2017) 793</b> final`):
    // wrap each text piece on its own, so the page's elements stay whole.
  }
  const marks: HTMLElement[] = [];
  const firstIndex = block.nodes.indexOf(first.node);
  const lastIndex = block.nodes.indexOf(last.node);
  for (let i = lastIndex; i >= firstIndex; i--) {
    const node = block.nodes[i]!;
    const from = i === firstIndex ? first.offset : 0;
    const to = i === lastIndex ? last.offset : node.data.length;
    if (to <= from || node.data.slice(from, to).trim() === '') continue;
    const piece = doc.createRange();
    piece.setStart(node, from);
    piece.setEnd(node, to);
    const part = makeMark(doc, match.id, i - firstIndex);
    piece.surroundContents(part);
    marks.unshift(part);
  }
  if (marks[0]) {
    // Whatever piece comes first takes the focus stop and the occurrence's identity.
    marks[0].removeAttribute('data-euref-part');
    marks[0].tabIndex = 0;
  }
  return marks;
}

/**
 * Marks matches in a block, last to first: wrapping splits text nodes at the match, and going
 * backwards keeps every earlier offset valid.
 */
export function markBlock(block: TextBlock, matches: readonly BlockMatch[]): HTMLElement[][] {
  const made: HTMLElement[][] = new Array<HTMLElement[]>(matches.length);
  for (let i = matches.length - 1; i >= 0; i--) {
    made[i] = wrapMatch(block, matches[i]!);
  }
  return made;
}
