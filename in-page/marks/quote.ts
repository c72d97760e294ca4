/**
 * Where a note is written: the marked reference as a W3C-style quote — its exact text, the text
 * just before and after (for re-anchoring) and its position, as offsets into the text of `root`
 * (what `root.textContent` reads; UTF-16 code units). For the note editor in the popover.
 */
import type { Quote } from '../../storage/annotations/schema';

export const QUOTE_CONTEXT = 32;

export function quoteOf(mark: Node, root: Node = document.body, context = QUOTE_CONTEXT): Quote {
  const exact = mark.textContent ?? '';
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  let start = -1;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (start === -1 && (node === mark || mark.contains(node))) start = text.length;
    text += node.nodeValue ?? '';
  }
  if (start === -1) return { exact, prefix: '', suffix: '', start: 0, end: 0 };
  const end = start + exact.length;
  return {
    exact,
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
    end,
  };
}

/**
 * The position of every occurrence at once, in one walk over the page's text: `quoteOf` for each
 * of thousands of references would walk the page thousands of times. `occurrences` gives each
 * mention's first mark and its text (which may run over several marks and elements), or, for a
 * mention not marked (near-view.ts marks only what the reader comes near), the text node it
 * starts in and its offset there.
 * With `pause`, the work gives the page the main thread back every `sliceMs`: on a page of
 * 100,000 paragraphs one walk is a long task (issue #8). A page that changes between two slices
 * may shift the positions after the change; the reading history keeps them as found.
 */
export async function positionsOf(
  occurrences: readonly { firstMark: Node; text: string; offset?: number }[],
  root: Node = document.body,
  pause?: () => Promise<void>,
  sliceMs = 8,
): Promise<({ exact: string; start: number; end: number } | null)[]> {
  const doc = root.ownerDocument ?? (root as Document);
  let sliceEnd = performance.now() + sliceMs;
  /** every 256 steps, a look at the clock; past the slice, a pause */
  const maybePause = async (step: number) => {
    if (!pause || (step & 255) !== 0 || performance.now() < sliceEnd) return;
    await pause();
    sliceEnd = performance.now() + sliceMs;
  };
  // Several unmarked mentions may start in one text node.
  const firstText = new Map<Node, number[]>();
  for (let index = 0; index < occurrences.length; index++) {
    const { firstMark } = occurrences[index]!;
    const inner = firstMark.nodeType === 3 /* Node.TEXT_NODE */ ? firstMark : doc.createTreeWalker(firstMark, 4 /* NodeFilter.SHOW_TEXT */).nextNode();
    if (inner) {
      const list = firstText.get(inner);
      if (!list) firstText.set(inner, [index]);
      else if (firstMark.nodeType === 3) list.push(index);
    }
    await maybePause(index + 1);
  }
  const positions: ({ exact: string; start: number; end: number } | null)[] = occurrences.map(() => null);
  // The walk stops at the last mention: the text after it moves no offset.
  let left = firstText.size;
  if (left === 0) return positions;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let offset = 0;
  let step = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const indexes = firstText.get(node);
    if (indexes !== undefined) {
      for (const index of indexes) {
        const { text: exact, offset: within = 0 } = occurrences[index]!;
        positions[index] = { exact, start: offset + within, end: offset + within + exact.length };
      }
      if (--left === 0) break;
    }
    offset += node.nodeValue?.length ?? 0;
    await maybePause(++step);
  }
  return positions;
}
