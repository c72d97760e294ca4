/**
 * What the benchmark does in a page besides waiting for Eurefs' hook, in the page's own world:
 * notes when each mark appears (for the first screen's time), tells which references the window
 * showed at load and whether they were marked, and scrolls a page to its end a window at a time,
 * so that every reference comes on screen once, as a reader going through the page would.
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Added to the page's init script: from the moment the parser is done (readyState
 * "interactive", before any content script at document_end), a MutationObserver notes the time
 * each mark appears. Stopped before the scroll, so that it costs nothing there; until then it sees
 * only the first screen's marks.
 */
export const MARK_TIMES_INIT = `
  const markTimes = new Map();
  let markObserver = null;
  window.__benchMarkTimes = markTimes;
  window.__benchStopMarkTimes = () => markObserver?.disconnect();
  const startMarkTimes = () => {
    if (markObserver || !document.documentElement) return;
    window.__benchMarkTimesFrom = performance.now();
    markObserver = new MutationObserver((records) => {
      const t = performance.now();
      for (const record of records) {
        if (record.type === 'attributes') {
          if (!markTimes.has(record.target)) markTimes.set(record.target, t);
          continue;
        }
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && node.hasAttribute('data-euref') && !markTimes.has(node)) markTimes.set(node, t);
        }
      }
    });
    markObserver.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-euref'] });
  };
  document.addEventListener('readystatechange', () => { if (document.readyState !== 'loading') startMarkTimes(); });
`;

/**
 * How the benchmark learns that Eurefs has set its scanned hook: a MutationObserver in the page
 * calls a binding. Polling the hook with page.waitForFunction made Playwright evaluate its
 * injected script in the page during the load, 8-16 ms of parsing and compiling on the main
 * thread, in the middle of the first screen's work (traced, between the scanner's injection and
 * its start); a binding and a MutationObserver cost the page nothing until then.
 */
const SCANNED_BINDING = '__benchScanned';
const SCANNED_INIT = `(() => {
  new MutationObserver((records, observer) => {
    if (document.documentElement?.dataset.eurefsScanned === undefined) return;
    observer.disconnect();
    window.${SCANNED_BINDING}();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-eurefs-scanned'] });
})();`;

const scannedWaiters = new WeakMap<Page, () => void>();

/** Has every page of `context` tell untilScanned when its hook is set; once per context, before its pages load. */
export async function watchScanned(context: BrowserContext): Promise<void> {
  await context.exposeBinding(SCANNED_BINDING, ({ page }: { page: Page }) => scannedWaiters.get(page)?.());
  await context.addInitScript({ content: SCANNED_INIT });
}

/**
 * Resolves once `page` (of a context given watchScanned) has set Eurefs' scanned hook, for a
 * navigation begun after this call; rejects after `timeoutMs`.
 */
export function untilScanned(page: Page, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no scanned hook within ${timeoutMs} ms`)), timeoutMs);
    scannedWaiters.set(page, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface FirstScreen {
  /** performance.now() when the last mark in the window at load appeared (null: none there) */
  lastMarkAt: number | null;
  /** marks in the window */
  marks: number;
  /** matches of the peers' expression in text in the window that no mark holds */
  unmarked: number;
}

/** Reads, before any scroll, when the window's marks appeared, and what in it is left unmarked. */
export async function firstScreen(page: Page, source: string, flags: string): Promise<FirstScreen> {
  // tsx names the functions it compiles with a __name helper; page.evaluate carries them over.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    ({ source, flags }) => {
      const w = window as unknown as { __benchMarkTimes: Map<Node, number>; __benchMarkTimesFrom: number; __benchStopMarkTimes(): void };
      w.__benchStopMarkTimes();
      const inWindow = (element: Element) => {
        const rect = element.getBoundingClientRect();
        return (rect.width > 0 || rect.height > 0) && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
      };
      let lastMarkAt: number | null = null;
      let marks = 0;
      for (const mark of document.querySelectorAll('[data-euref]:not([data-euref-part])')) {
        if (!inWindow(mark)) continue;
        marks++;
        const at = w.__benchMarkTimes.get(mark) ?? w.__benchMarkTimesFrom;
        lastMarkAt = Math.max(lastMarkAt ?? 0, at);
      }
      const re = new RegExp(source, flags);
      let unmarked = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('[data-euref], script, style') || !inWindow(parent)) continue;
        re.lastIndex = 0;
        while (re.exec((node as Text).data)) unmarked++;
      }
      return { lastMarkAt, marks, unmarked };
    },
    { source, flags },
  );
}

export interface Scrolled {
  start: number;
  end: number;
  steps: number;
  /** the window's heights from top to end: the steps a whole scroll takes */
  stepsToEnd: number;
  /** false where the scroll was stopped at its cap before the end */
  finished: boolean;
}

/**
 * Scrolls from the top to the end of the page, one window's height per frame, then waits for the
 * last marks; returns the scroll's window on the page's clock. A scroll whose frames are long
 * enough to take more than `capMs` stops there, and says how far it came.
 */
export function scrollToEnd(page: Page, capMs = Infinity): Promise<Scrolled> {
  return page.evaluate(async (capMs) => {
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    window.scrollTo(0, 0);
    await frame();
    const start = performance.now();
    const stepsToEnd = Math.ceil((document.documentElement.scrollHeight - innerHeight) / innerHeight);
    let steps = 0;
    let finished = true;
    for (;;) {
      const max = document.documentElement.scrollHeight - innerHeight;
      if (window.scrollY >= max - 1) break;
      if (performance.now() - start > capMs) {
        finished = false;
        break;
      }
      window.scrollTo(0, Math.min(max, window.scrollY + innerHeight));
      steps++;
      await frame();
    }
    const end = performance.now();
    await frame();
    await frame();
    await new Promise((done) => setTimeout(done, 200));
    return { start, end, steps, stepsToEnd, finished };
  }, Number.isFinite(capMs) ? capMs : Number.MAX_SAFE_INTEGER);
}

/** Waits until the page has rendered two frames and been quiet a moment (the last marks drawn). */
export function settle(page: Page, ms = 300): Promise<void> {
  return page.evaluate(
    (ms) =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, ms)))),
    ms,
  );
}
