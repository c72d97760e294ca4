/**
 * Links whose address names a document (references/addresses.ts) are references to it, whatever
 * their text: a search result's title, "►M1", "ELI", "Datenschutz-Grundverordnung". Such a link
 * is marked as a whole, on the link itself: it already takes the keyboard's focus, so the mark
 * adds no Tab stop and the link keeps its own behaviour; its text is never walked again (the
 * walk skips marked elements).
 *
 * What is left to the text: a link whose text itself names a document keeps the marks of its
 * text (the reader reads the text; "Directive 2009/65/EC" linking to its consolidated version is
 * one reference, not two, and a link reading "COM(2016) 731" that leads elsewhere says what the
 * reader sees). A link to the page's own document (the portal's language versions, its PDF, the
 * ELI of the act shown) is the page itself, not a reference it makes.
 */
import { findReferences, type Reference } from '../../references';
import { documentOfAddress } from '../../references/addresses';
import { MARK_CLASS } from './mark';
import { MARK_ATTRIBUTE, MAY_HOLD_REFERENCE } from './text-blocks';

/** Set on a link marked as a whole, beside `data-euref`: it is the page's element, not our span. */
export const LINK_MARK_ATTRIBUTE = 'data-euref-link';

/** The longest text a mention keeps (the reading history keeps up to 1,000 characters). */
const MAX_TEXT = 1_000;

/**
 * The reference a link makes as a whole, or null: its address names a document that is not the
 * page's own (`pageDocument`), and its text names none.
 */
export function linkReference(link: HTMLAnchorElement, pageDocument: string | null): Reference | null {
  const href = link.getAttribute('href');
  if (!href || link.hasAttribute(MARK_ATTRIBUTE)) return null;
  const base = link.baseURI;
  // A place in the page itself (a footnote, a heading), unless a <base> sends it elsewhere: the
  // page, whether or not its own document is known, and no address to parse, for the tens of
  // thousands of footnote links a long act holds.
  if (href.startsWith('#') && base === link.ownerDocument.URL) return null;
  const identity = documentOfAddress(href, base);
  if (!identity || identity.id === pageDocument) return null;
  const text = link.textContent ?? '';
  if (text.trim() === '') return null;
  if (MAY_HOLD_REFERENCE.test(text) && findReferences(text).length > 0) return null;
  const kept = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  return { start: 0, end: kept.length, text: kept, ...identity };
}

/** Marks a link as the document it names; the link is its own mark. */
export function markLink(link: HTMLAnchorElement, id: string): HTMLElement {
  link.setAttribute(MARK_ATTRIBUTE, id);
  link.setAttribute(LINK_MARK_ATTRIBUTE, '');
  link.classList.add(MARK_CLASS);
  return link;
}

/** True for a mark that is a page's link marked as a whole (its focus is the page's to keep). */
export function isLinkMark(mark: Element): boolean {
  return mark.hasAttribute(LINK_MARK_ATTRIBUTE);
}
