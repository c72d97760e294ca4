/**
 * Who may ask the background about the reader's notes and history. Notes, tags, the history and
 * the pages they were written on are answered only to the extension's own pages (the options
 * page, the popup, the Notes frame): a content script runs in pages whose own scripts may one day
 * find a way into it, and it has no business reading them. The one annotation message a content
 * script sends, a page's visit, must name the page it comes from: the address its script started
 * on, or, in a tab's top frame, the tab's address now (a single-page app moves with
 * `history.pushState`, and Chromium keeps giving a script's messages the address it started on).
 * Pure, so it can be tested without a browser.
 */
import type { AnnotationMessage } from '../../messaging/annotations';

/** The part of `runtime.MessageSender` the gate reads. */
export interface SenderFacts {
  id?: string | undefined;
  url?: string | undefined;
  /** 0 for a tab's top frame */
  frameId?: number | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

/** This extension: its id and the address of its root (`runtime.getURL('/')`). */
export interface OwnExtension {
  id: string;
  root: string;
}

/** The address without its fragment: a page that moved to `#section-2` is the same document. */
function documentAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export function isOwnPage(sender: SenderFacts, extension: OwnExtension): boolean {
  return sender.id === extension.id && sender.url !== undefined && sender.url.startsWith(extension.root);
}

export function mayAsk(message: AnnotationMessage, sender: SenderFacts, extension: OwnExtension): boolean {
  if (sender.id !== extension.id) return false;
  if (message.type === 'history:record-visit') {
    if (!sender.url) return false;
    const claimed = documentAddress(message.url);
    if (claimed === null) return false;
    const tabNow = sender.frameId === 0 && sender.tab?.url ? documentAddress(sender.tab.url) : null;
    return claimed === documentAddress(sender.url) || claimed === tabNow;
  }
  return isOwnPage(sender, extension);
}

/**
 * "Read it in the report": asked by a content script of this extension in a tab (the popover
 * sends it on the reader's own click only, in-page/popover/trusted.ts) or by one of the
 * extension's pages (the report page has the popover too). The background opens nothing but its
 * own report page, at an address it builds, so a page that forged the message gains no more than
 * the reader's click would.
 */
export function mayOpenReport(sender: SenderFacts, extension: OwnExtension): boolean {
  return sender.id === extension.id && (sender.tab !== undefined || isOwnPage(sender, extension));
}
