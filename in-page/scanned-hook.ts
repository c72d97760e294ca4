import type { ScanStats } from './scanner/scan';

/**
 * Stable test hook: once every reference on the page is found, those near the window (within a
 * few screens of it: scanner/near-view.ts) are marked, and the lookup has answered, the page's
 * root element carries `data-eurefs-scanned="<count>"` (every reference found, marked or not) and
 * `eurefs:scanned` is dispatched on the document with timings (performance.now() clock of the
 * page). References further down are marked as the reader scrolls toward them, or when the
 * keyboard or the toolbar list goes to them. Read by the benchmark and the e2e tests.
 */
export function announceScanned(
  count: number,
  loadedAt: number,
  startedAt: number,
  stats: ScanStats,
  lookupRoundTrips: number,
  lookupMs: number,
  foundAt = stats.markedAt ?? performance.now(),
): void {
  const doneAt = performance.now();
  const detail = {
    count,
    /** the content script's bundle began to run */
    loadedAt,
    startedAt,
    /** every reference found (the list and the history need no more) */
    foundAt,
    /** every reference near the window marked */
    markedAt: stats.markedAt ?? doneAt,
    /** marked and looked up */
    doneAt,
    busyMs: stats.busyMs,
    longestSliceMs: stats.longestSliceMs,
    slices: stats.slices,
    findMs: stats.findMs ?? 0,
    lookupRoundTrips,
    lookupMs,
  };
  document.documentElement.dataset.eurefsScanned = String(count);
  // Strings cross from the content script's world to the page's; objects in `detail` may not.
  document.documentElement.dataset.eurefsTiming = JSON.stringify(detail);
  document.dispatchEvent(new CustomEvent('eurefs:scanned', { detail }));
}
