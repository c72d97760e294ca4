/**
 * A message to the background, typed by the direction's map and sent as it is, its answer not
 * parsed: for the lookout, which must stay tiny and does not read the answer, and as the raw send
 * under the page scripts' retrying asks (ask-background.ts), which parse the answer themselves.
 * Builds no schema: only types come from to-background.ts.
 */
import { browser } from 'wxt/browser';
import type { ToBackgroundMessage } from './to-background';

export function postToBackground(message: ToBackgroundMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
