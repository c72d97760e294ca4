// First, so that it reads the clock before the rest of the bundle is evaluated.
import '../../in-page/lookout/loaded-at';
import '../../in-page/marks/marks.css';
import { untilReallyInvalidated } from '../../in-page/invalidation';
import { runLookout } from '../../in-page/lookout/lookout';
import { EURLEX_DOCUMENTS } from '../../in-page/matches';

/** The content script of every page Eurefs may read: the lookout (in-page/lookout/lookout.ts). */
export default defineContentScript({
  // EUR-Lex and the other europa.eu sites; other sites come later, by the reader's grant.
  matches: ['https://eur-lex.europa.eu/*', 'https://*.europa.eu/*'],
  // Document pages get the scanner at once (entrypoints/document-scanner.content.ts).
  excludeMatches: EURLEX_DOCUMENTS,
  // At document_end, right at DOMContentLoaded: document_idle would wait for Chrome's idle time
  // (up to the load event), and the walk runs in slices anyway, so starting early costs nothing.
  runAt: 'document_end',
  // The marks' look, in the manifest: the browser has it before the page holds any element.
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script (after an extension update) to stop with a DOM event;
  // its second signal, a window.postMessage to the page, cost 10-80 ms on every page measured, and
  // reaches the page's own message listeners. The event alone does the job.
  noScriptStartedPostMessage: true,
  main: (ctx) => runLookout(untilReallyInvalidated(ctx)),
});
