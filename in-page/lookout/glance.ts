/**
 * A glance at a subtree's text before walking it. The walk (text-blocks.ts) visits every node from
 * script, a few microseconds each, which on a page of a thousand paragraphs is tens of
 * milliseconds, for most pages to find nothing. The browser hands over the same text at once: a
 * Range between the elements the walk skips reads every text node it would read, in order. If
 * that text, joined, cannot hold a reference, no block of it can, since each block is a run of it
 * (issue #8). If it might, the walk decides, because the joined text runs across blocks.
 */
import { MAY_HOLD_REFERENCE, skippedSelector } from '../marks/text-blocks';

/**
 * Above this many elements, reading the text at once is no longer a short task (about 1 ms per
 * thousand paragraphs, plus the test); the walk, in slices, decides.
 */
export const GLANCE_MAX_ELEMENTS = 8_000;

/**
 * The text the walk would read under `root`: every text node outside the elements it skips, in
 * document order, joined. Null when `root` is too large for one short task.
 */
export function readableText(root: Element, ownHost: string): string | null {
  const doc = root.ownerDocument;
  const selector = skippedSelector(ownHost);
  if (doc.designMode === 'on' || root.closest(selector)) return '';
  // Whether there is an element past the limit, not how many there are: counting all 152,000
  // elements of a 100,000-paragraph page took 17 ms; this looks at the first 8,001.
  if (root.getElementsByTagName('*').item(GLANCE_MAX_ELEMENTS) !== null) return null;
  const range = doc.createRange();
  range.selectNodeContents(root);
  const parts: string[] = [];
  let outer: Element | null = null;
  for (const skipped of root.querySelectorAll(selector)) {
    // In document order, so one inside the last outer skipped element comes right after it.
    if (outer?.contains(skipped)) continue;
    range.setEndBefore(skipped);
    parts.push(range.toString());
    range.setStartAfter(skipped);
    outer = skipped;
  }
  range.setEnd(root, root.childNodes.length);
  parts.push(range.toString());
  range.detach();
  return parts.join('');
}

/** False only when no text block under `root` can pass the walk's prefilter. */
export function mayHoldReferenceAtAGlance(root: Element, ownHost: string): boolean {
  const text = readableText(root, ownHost);
  return text === null || MAY_HOLD_REFERENCE.test(text);
}

/**
 * Links whose address may name a document (references/addresses.ts reads them exactly): the
 * page scanner marks such a link whatever its text, so a page whose text holds no reference but
 * whose links do (a list of results, "Datenschutz-Grundverordnung") needs it too. Broader than
 * what the scanner marks: one native query, and the scanner decides.
 */
export const DOCUMENT_LINK_SELECTOR = [
  ...['uri=celex', 'uri=com', 'uri=join', 'uri=swd', 'uri=sec', 'uri=c:', '/eli/'].map((part) => `a[href*="${part}" i]`),
  ...['reference=', 'procnum='].map((part) => `a[href*="/oeil/" i][href*="${part}" i]`),
].join(',');

/** True when `root` is or holds a link whose address may name a document. */
export function holdsDocumentLink(root: Node): boolean {
  if (root.nodeType !== Node.ELEMENT_NODE) return false;
  const element = root as Element;
  return element.matches(DOCUMENT_LINK_SELECTOR) || element.querySelector(DOCUMENT_LINK_SELECTOR) !== null;
}
