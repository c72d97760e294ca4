import { publishedSentinel } from '../../in-page/contract';
import { startScanner } from '../../in-page/scanner/start';

/**
 * Not a content script of the manifest: the background injects it (same isolated world) when the
 * content script has seen text that could hold a reference, or when the popup asks about a page.
 */
export default defineUnlistedScript(() => {
  const sentinel = publishedSentinel();
  // Injected into a page the content script never ran on: nothing to do.
  if (sentinel) startScanner(sentinel);
});
