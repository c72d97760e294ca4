/**
 * The lookout: on every page Eurefs may read, it walks the page's text for anything that could be
 * a reference (the grammar's own prefilter, marks/text-blocks.ts) and, at the first such block,
 * has the background inject the page scanner (in-page/scanner), which holds the grammar, the
 * marks, the schemas and the lookup. A page without references (most pages a reader opens) pays
 * for this small script and a glance at its text, nothing more: not even the browser's extension
 * API, which it touches only to ask for the scanner. It keeps watching for content added later.
 * The popup's questions go to the scanner, which the popup has brought in if it is not there yet.
 */
import { postToBackground } from '../../messaging/post-to-background';
import { POPOVER_HOST, publishSentinel, type SentinelOffer } from '../contract';
import { createTextBlockCollector } from '../marks/text-blocks';
import { watchMutations } from '../mutation-batches';
import { announceScanned } from '../scanned-hook';
import type { ScanStats } from '../scanner/scan';
import { yieldToPage } from '../yield';
import { holdsDocumentLink, mayHoldReferenceAtAGlance } from './glance';
import { loadedAt } from './loaded-at';

/** A finding slice: as the page scanner's, far below the 50 ms of a long task. */
const SLICE_MS = 8;
/**
 * The first slice, before the glance: long enough for a page with references to show one (the
 * walk reads a few hundred nodes a millisecond), short enough that a page without any loses little.
 */
const FIRST_SLICE_MS = 2;

/** Looks over the page until `signal` aborts, and hands over to the page scanner at the first find. */
export async function runLookout(signal: AbortSignal): Promise<void> {
  if (!document.body) return;
  const offer: SentinelOffer = { loadedAt, signal };
  publishSentinel(offer);

  let loading: Promise<boolean> | null = null;
  /** Has the background inject the page scanner; true once it is running in this page. */
  const loadScanner = (): Promise<boolean> =>
    (loading ??= postToBackground({ type: 'load-scanner' }).then(
      // The answer is not read: the scanner's presence is what counts.
      () => offer.scannerStarted === true,
      () => false,
    )).then((ok) => {
      if (!ok) loading = null;
      return ok;
    });

  const startedAt = performance.now();
  const stats: ScanStats = { busyMs: 0, longestSliceMs: 0, slices: 0 };
  if (await mayHoldReferences(document.body, signal, stats)) {
    void loadScanner();
    return;
  }
  if (signal.aborted) return;
  // Nothing here could be a reference: the same hook the scanner sets, with a count of 0.
  stats.markedAt = performance.now();
  announceScanned(0, loadedAt, startedAt, stats, 0, 0);
  watchForReferences(signal, () => void loadScanner());
}

/**
 * True as soon as a block under `root` passes the grammar's prefilter, or `root` holds a link
 * whose address may name a document. A short first slice of the walk (a page with references
 * shows one early: a title, a first recital), then the look for such links, then a glance at all
 * of the text (glance.ts), which rules out a page without references in a few native calls, then,
 * if the glance cannot rule it out, the rest of the walk, in slices. The links come after the
 * first slice: their query runs over every element, 2-9 ms on 10,000 dense paragraphs and
 * 47-70 ms on 100,000, and a page that shows a reference in its text at once need not wait for it.
 */
async function mayHoldReferences(root: Node, signal: AbortSignal, stats?: ScanStats): Promise<boolean> {
  const collector = createTextBlockCollector(root, POPOVER_HOST);
  let sliceMs = FIRST_SLICE_MS;
  let glanced = root.nodeType !== Node.ELEMENT_NODE;
  let linksLooked = false;
  while (!signal.aborted) {
    const sliceStart = performance.now();
    const found = !collector.done && collector.next(sliceStart + sliceMs).length > 0;
    if (!found && !linksLooked) {
      linksLooked = true;
      if (holdsDocumentLink(root)) {
        if (stats) count(stats, performance.now() - sliceStart);
        return true;
      }
    }
    let ruledOut = false;
    if (!found && !collector.done && !glanced) {
      glanced = true;
      ruledOut = !mayHoldReferenceAtAGlance(root as Element, POPOVER_HOST);
    }
    if (stats) count(stats, performance.now() - sliceStart);
    if (found) return true;
    if (ruledOut || collector.done) return false;
    sliceMs = SLICE_MS;
    await yieldToPage();
  }
  return false;
}

function count(stats: ScanStats, ms: number): void {
  stats.busyMs += ms;
  stats.findMs = (stats.findMs ?? 0) + ms;
  stats.slices++;
  stats.longestSliceMs = Math.max(stats.longestSliceMs, ms);
}

/** Calls `found` once content added to the page could hold a reference (a search result list). */
function watchForReferences(signal: AbortSignal, found: () => void): void {
  let seen = false;
  // One look at a time: batches come at least every MAX_WAIT_MS while the page keeps changing.
  let looking = Promise.resolve();
  const look = async (roots: Node[]) => {
    for (const root of roots) {
      if (seen || signal.aborted) return;
      if (!root.isConnected || !(await mayHoldReferences(root, signal))) continue;
      seen = true;
      watch.stop();
      found();
    }
  };
  const watch = watchMutations(document.body, ({ roots }) => {
    looking = looking.then(() => look(roots.map(({ node }) => node)));
  }, { signal });
}
