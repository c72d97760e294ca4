/**
 * Asks the page in a tab what the popup needs of it. Its page scanner answers; the scanner comes
 * into a page only once the page shows text that could be a reference (entrypoints/content), so
 * on a page without any nobody answers yet: the background is asked to bring the scanner in, and
 * the question is asked again.
 */
import { browser } from 'wxt/browser';
import { loadUiResponseSchema, type ToContent } from './page-side';

export async function askPage(tabId: number, message: ToContent): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch (nobodyAnswered) {
    const loaded = loadUiResponseSchema().safeParse(await browser.runtime.sendMessage({ type: 'load-scanner', tabId }));
    // Not a page Eurefs reads (no host permission), or one its content script has not run on.
    if (!loaded.success || !loaded.data.loaded) throw nobodyAnswered;
    return browser.tabs.sendMessage(tabId, message);
  }
}
