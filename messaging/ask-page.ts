/**
 * Asks the page in a tab what the popup needs of it, and returns the answer parsed. Its page
 * scanner answers; the scanner comes into a page only once the page shows text that could be a
 * reference (in-page/lookout), so on a page without any nobody answers yet: the background is
 * asked to bring the scanner in, and the question is asked again.
 */
import { browser } from 'wxt/browser';
import { parseAnswer, type Answer } from './exchange';
import { sendToBackground } from './to-background';
import { toPage, type ToPage, type ToPageMessage } from './to-page';

export async function askPage<M extends ToPageMessage>(tabId: number, message: M): Promise<Answer<ToPage, M['type']>> {
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, message);
  } catch (nobodyAnswered) {
    const loaded = await sendToBackground({ type: 'load-scanner', tabId }).catch(() => null);
    // Not a page Eurefs reads (no host permission), or one its content script has not run on.
    if (!loaded?.loaded) throw nobodyAnswered;
    answer = await browser.tabs.sendMessage(tabId, message);
  }
  return parseAnswer<ToPage, M['type']>(toPage(), message.type, answer);
}
