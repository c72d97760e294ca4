/**
 * The direction to the background, from the page scripts and from the extension's own pages:
 * every message type with the schema of its request, parsed by the background on arrival (a
 * message is input that crosses a boundary, and the background can be sent anything by whatever
 * reaches `runtime.sendMessage`), and the schema of its answer, parsed by the sender. The
 * exchanges live by what they are about, so a page script carries only the schemas it parses:
 * the dataset's (dataset.ts), the reader's notes and history (annotations.ts), and those the page
 * scripts parse, in zod/mini (page-to-background.ts, ui-catalogue.ts). Named by direction, as Dark Reader does.
 */
import { browser, type Browser } from 'wxt/browser';
import { annotations } from './annotations';
import { dataset } from './dataset';
import { dispatch, parseAnswer, type Answer, type Handlers, type MessageInput } from './exchange';
import { pageToBackground } from './page-to-background';
import { uiCatalogue } from './ui-catalogue';

export const toBackground = { ...dataset, ...annotations, ...pageToBackground(), ...uiCatalogue() };
export type ToBackground = typeof toBackground;
export type ToBackgroundType = keyof ToBackground;
export type ToBackgroundMessage = MessageInput<ToBackground>;
export type ToBackgroundAnswer<T extends ToBackgroundType> = Answer<ToBackground, T>;

export type { DocumentView, LookupResponse, StatsResponse } from './dataset';
export type { PageReference, PageReferencesResponse } from './to-page';

/**
 * Sends `message` and returns the background's answer parsed with that message's answer schema;
 * rejects where it does not answer. For the extension's own pages, which may carry every schema.
 */
export async function sendToBackground<M extends ToBackgroundMessage>(
  message: M,
  // Not postToBackground: that module takes its types from this one, and a loop of imports,
  // even of types, is one more thing to hold in mind when reading either.
  send: (message: M) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Promise<ToBackgroundAnswer<M['type']>> {
  return parseAnswer<ToBackground, M['type']>(toBackground, message.type, await send(message));
}

/**
 * The background's one listener: a handler per message type, each given the parsed request and
 * its sender. A message of no known type, one that does not parse, or one a handler answers
 * with `undefined`, gets no answer at all.
 */
export function onBackgroundMessage(handlers: Handlers<ToBackground, Browser.runtime.MessageSender>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => dispatch(toBackground, handlers, raw, sender));
}
