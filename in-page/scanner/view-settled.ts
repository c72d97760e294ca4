/**
 * When a single-page app's new view is on the page and marked, told from what the scanner
 * does rather than by a question to it (its scanning is its own business, and changing): it
 * scans every addition to the page and then looks up what the scan found, even nothing, so a
 * lookup begun after the page's last change and finished means the change is marked and its
 * documents known. Where one change adds several subtrees, each is scanned and looked up in turn:
 * one that takes longer than quietMs to search, with nothing marked yet, is not waited for.
 */

import { MARK_ATTRIBUTE } from '../marks/text-blocks';

/** The scanner's lookups, as they tell of its scans (SummaryClient). */
export interface ScanActivity {
  readonly busy: boolean;
  onResolved(listener: (call: { startedAt: number }) => void): () => void;
}

export interface SettleTiming {
  /** no change under the root for this long: the app has finished drawing the view */
  readonly quietMs: number;
  /** whatever happens, no later than this (a ticking clock is never quiet) */
  readonly maxWaitMs: number;
}

/**
 * Longer than the scanner's wait for a burst of changes to end (120 ms), and than a router's
 * usual pause between the new address and the new content.
 */
export const VIEW_SETTLE: SettleTiming = { quietMs: 600, maxWaitMs: 10_000 };

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Changes the scanner scans: added nodes, changed text outside its marks. */
function scanned(record: MutationRecord): boolean {
  if (record.type === 'characterData') return !record.target.parentElement?.closest(`[${MARK_ATTRIBUTE}]`);
  return record.addedNodes.length > 0;
}

/** Resolves once the view under `root` has settled (or `signal` aborts). */
export function viewSettled(root: Node, scans: ScanActivity, signal: AbortSignal, timing: SettleTiming = VIEW_SETTLE): Promise<void> {
  return new Promise((resolve) => {
    let lastChange = performance.now();
    let scanOwed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((records) => {
      lastChange = performance.now();
      if (records.some(scanned)) scanOwed = true;
      check();
    });
    const stopListening = scans.onResolved(({ startedAt }) => {
      if (startedAt >= lastChange) scanOwed = false;
      check();
    });
    const deadline = setTimeout(() => done(), timing.maxWaitMs);
    const done = () => {
      observer.disconnect();
      stopListening();
      clearTimeout(timer);
      clearTimeout(deadline);
      signal.removeEventListener('abort', done);
      resolve();
    };
    function check(): void {
      clearTimeout(timer);
      const quietFor = performance.now() - lastChange;
      if (quietFor < timing.quietMs) timer = setTimeout(check, timing.quietMs - quietFor);
      // Otherwise a finished lookup checks again.
      else if (!scanOwed && !scans.busy) done();
    }
    if (signal.aborted) return done();
    signal.addEventListener('abort', done);
    observer.observe(root, OBSERVED);
    check();
  });
}
