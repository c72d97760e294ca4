import type { ScanStats } from './scanner/scan';

/**
 * Stable test hook: once the first full scan and its lookup are done, the page's root element
 * carries `data-eurefs-scanned="<count>"` and `eurefs:scanned` is dispatched on the document with
 * timings (performance.now() clock of the page). Read by the benchmark and the e2e tests.
 */
export function announceScanned(count: number, loadedAt: number, startedAt: number, stats: ScanStats, lookupRoundTrips: number, lookupMs: number): void {
  const doneAt = performance.now();
  const detail = {
    count,
    /** the content script's bundle began to run */
    loadedAt,
    startedAt,
    /** every reference marked (before the lookup) */
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
