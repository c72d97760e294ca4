/**
 * The direction to a page: what the popup (and, for the shortcuts, the background) asks of the
 * page scanner in a tab, and the scanner's answers. Written with `zod/mini`: the scanner, which
 * parses the questions, runs in web pages (page-to-background.ts says why that matters). The
 * popup asks through `askPage` (ask-page.ts), the background through `tellPage`.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { dispatch, parseAnswer, type Answer, type Handlers, type MessageInput } from './exchange';
import { lazily } from './lazily';
import { STAGES } from '../storage/dataset/stages';
import { REFERENCE_TYPES } from '../references/types';

const pageReference = () =>
  z.strictObject({
    id: z.string(),
    type: z.enum(REFERENCE_TYPES),
    label: z.string(),
    count: z.int().check(z.positive()),
    stage: z.nullable(z.enum(STAGES)),
    title: z.nullable(z.string()),
  });

/**
 * The document the page itself is, by its own address or metadata (in-page/scanner/this-page.ts),
 * with the dataset's stage and title; `inForce` and `dateDocument` are the page's word (ELI
 * `eli:in_force`, `eli:date_document`), never the dataset's.
 */
const thisPage = () =>
  z.strictObject({
    id: z.string(),
    type: z.enum(REFERENCE_TYPES),
    label: z.string(),
    stage: z.nullable(z.enum(STAGES)),
    title: z.nullable(z.string()),
    /** whether the dataset tracks it; null where it could not be asked */
    tracked: z.nullable(z.boolean()),
    inForce: z.optional(z.boolean()),
    dateDocument: z.optional(z.string()),
  });

// Built on first use: most pages the scanner is in are never asked anything.
export const toPage = lazily(() => ({
  /** The page's references, one row per document, for the popup's list. */
  'list-references': {
    request: z.strictObject({ type: z.literal('list-references') }),
    answer: z.strictObject({
      url: z.string(),
      title: z.string(),
      references: z.array(pageReference()),
      /** parts of the page left unmarked because they kept undoing their marks (their references are listed) */
      stoppedParts: z.optional(z.int().check(z.nonnegative())),
      thisPage: z.optional(thisPage()),
    }),
  },
  /**
   * The reader's shortcut (the manifest's `commands`, through the background): focus the next or
   * previous reference from where they are and open its popover. Which one it went to, if any.
   */
  'move-to-reference': {
    request: z.strictObject({ type: z.literal('move-to-reference'), direction: z.enum(['next', 'previous']) }),
    answer: z.strictObject({ moved: z.boolean(), id: z.optional(z.string()) }),
  },
  /** Scrolls to a document's first mention; whether there was one to show. */
  reveal: {
    request: z.strictObject({ type: z.literal('reveal'), id: z.string() }),
    answer: z.boolean(),
  },
}));
export type ToPage = ReturnType<typeof toPage>;
export type ToPageMessage = MessageInput<ToPage>;
export type PageReferencesResponse = Answer<ToPage, 'list-references'>;
export type PageReference = PageReferencesResponse['references'][number];
export type ThisPageRow = NonNullable<PageReferencesResponse['thisPage']>;

/**
 * Tells the page in a tab's top frame what the background was asked to (a shortcut), and returns
 * its answer parsed. A tab without Eurefs' scanner (no references, or a page Eurefs does not
 * read) has nobody to answer: that rejects.
 */
export async function tellPage<M extends ToPageMessage>(tabId: number, message: M): Promise<Answer<ToPage, M['type']>> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return parseAnswer<ToPage, M['type']>(toPage(), message.type, answer);
}

/**
 * Answers the popup's questions with a handler per question, until `signal` aborts. Anything
 * else sent to the page is left for other listeners.
 */
export function onPageMessage(handlers: Handlers<ToPage, undefined>, signal: AbortSignal): void {
  // sendResponse and `true`: Chromium's own API does not read a listener's promise.
  const listener = (raw: unknown, _sender: unknown, sendResponse: (reply?: unknown) => void): boolean => {
    if (signal.aborted) return false;
    const reply = dispatch(toPage(), handlers, raw, undefined);
    if (!reply) return false;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
