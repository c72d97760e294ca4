// First, so that it reads the clock before the rest of the bundle is evaluated.
import { loadedAt } from '../in-page/lookout/loaded-at';
import '../in-page/marks/marks.css';
import { EURLEX_DOCUMENTS } from '../in-page/matches';
import { publishSentinel, type SentinelOffer } from '../in-page/contract';
import { untilReallyInvalidated } from '../in-page/invalidation';
import { startScanner } from '../in-page/scanner/start';

/**
 * EUR-Lex's document pages (`/legal-content/`: an act, a proposal, its summary) all but always
 * hold references, so there the page scanner comes with the page instead of after the content
 * script's look and a round trip to the background for its injection, which took 100-200 ms
 * between the content script's start and the scan's (issue #8). The content script does not run
 * on these pages (its excludeMatches); this script offers the page what it would have.
 */
export default defineContentScript({
  matches: EURLEX_DOCUMENTS,
  runAt: 'document_end',
  // The marks' look, in the manifest: the browser has it before the page holds any element.
  cssInjectionMode: 'manifest',
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!document.body) return;
    const offer: SentinelOffer = { loadedAt, signal: untilReallyInvalidated(ctx) };
    publishSentinel(offer);
    startScanner(offer);
  },
});
