/**
 * Which reference the shortcut goes to: the next (or previous) one after where the reader is, in
 * the page's order, going round at the end as the browser's own find does.
 */

export type Direction = 'next' | 'previous';

/**
 * Where the reader is. A node: the focused element, or the end of the selection; the next
 * reference is the first after it (or inside it: a focused link that holds one). The viewport:
 * nothing focused or selected in view; the next reference is the first from the window's top.
 */
export type ReadingPosition = { kind: 'node'; node: Node } | { kind: 'viewport' };

/**
 * A reference to go to: its first mark, or, for one not marked yet (marked only near the window:
 * scanner/near-view.ts), the text node it starts in (or the link that is it), marked once picked.
 */
export interface Picked<T = HTMLElement> {
  mark: T;
  /** its place among the references that could be picked, from 0 */
  index: number;
  /** the end of the page was passed: from the last to the first, or the first to the last */
  wrapped: boolean;
}

export interface PickOptions<T = HTMLElement> {
  /** the node a stop stands at (a mark is its own) */
  nodeOf?: (stop: T) => Node;
  /** a mark's top edge, relative to the window's top (getBoundingClientRect) */
  topOf?: (mark: T) => number;
  /** false for a mark the reader cannot see here (in a closed section): it is passed over */
  isRendered?: (mark: T) => boolean;
}

/** The element whose box stands for a stop: the mark itself, or a text node's parent. */
const boxOf = (stop: Node): Element | null => (stop instanceof Element ? stop : stop.parentElement);
const defaultTop = (stop: Node) => boxOf(stop)?.getBoundingClientRect().top ?? 0;
const defaultRendered = (stop: Node) => (boxOf(stop)?.getClientRects().length ?? 0) > 0;

/**
 * Two lists of stops, each in page order, as one in page order: the marks the page holds and the
 * references not marked yet. Linear: one comparison per stop.
 */
export function mergeInPageOrder<T>(a: readonly T[], b: readonly T[], nodeOf: (stop: T) => Node): T[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (nodeOf(a[i]!).compareDocumentPosition(nodeOf(b[j]!)) & Node.DOCUMENT_POSITION_PRECEDING) out.push(b[j++]!);
    else out.push(a[i++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** True when `mark` comes after `node` in the page, or inside it. */
function isAfter(mark: Node, node: Node): boolean {
  if (mark === node) return false;
  const where = node.compareDocumentPosition(mark);
  return (where & Node.DOCUMENT_POSITION_CONTAINED_BY) !== 0 || ((where & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && (where & Node.DOCUMENT_POSITION_CONTAINS) === 0);
}

/** The number of marks, at the start of `marks`, for which `before` holds (they are in page order). */
function countBefore<T>(marks: readonly T[], before: (mark: T) => boolean): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(marks[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The reference to go to among `marks` (each reference's first mark, in page order), or null when
 * there is none the reader could see. A binary search, so that a page of 27,000 references asks
 * for a few dozen positions, not all of them.
 */
export function pickReference<T = HTMLElement>(
  marks: readonly T[],
  position: ReadingPosition,
  direction: Direction,
  options: PickOptions<T> = {},
): Picked<T> | null {
  const nodeOf = options.nodeOf ?? ((stop: T) => stop as unknown as Node);
  const topOf = options.topOf ?? ((stop: T) => defaultTop(nodeOf(stop)));
  const isRendered = options.isRendered ?? ((stop: T) => defaultRendered(nodeOf(stop)));
  if (marks.length === 0) return null;
  // `split`: the first mark the reader has not passed. `current`: a mark the reader is on, which
  // "previous" must pass over as "next" does.
  let split: number;
  let onMark = false;
  if (position.kind === 'viewport') {
    split = countBefore(marks, (mark) => topOf(mark) < 0);
  } else {
    const { node } = position;
    split = countBefore(marks, (mark) => !isAfter(nodeOf(mark), node));
    // The reader is on a mark, or inside one (the selection's end in its text).
    const holder = split > 0 ? nodeOf(marks[split - 1]!) : null;
    onMark = holder !== null && (holder === node || holder.contains(node));
  }
  const count = marks.length;
  const step = direction === 'next' ? 1 : -1;
  const first = direction === 'next' ? split : split - 1 - (onMark ? 1 : 0);
  for (let tried = 0; tried < count; tried++) {
    const raw = first + step * tried;
    const index = ((raw % count) + count) % count;
    const mark = marks[index]!;
    if (isRendered(mark)) return { mark, index, wrapped: raw !== index };
  }
  return null;
}
