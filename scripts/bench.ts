/**
 * `npm run bench` (issue #8): Eurefs beside the best DOM markers and the floor, in real Chromium.
 *
 * Builds the extension itself (`wxt build --mode bench` into `.output/chrome-mv3-bench`, so a parallel
 * build of `.output/chrome-mv3` cannot swap it mid-run; `--no-build` reuses that directory).
 * Options: `--quick` (1,000 and 10,000 paragraphs, one repetition), `--reps N` (default 3;
 * medians are reported), `--sizes 1000,10000`, `--import-sizes 1000,10000`, `--no-pages` (the dataset
 * part only), `--no-staff` (no staff import after each import).
 *
 * What is measured, per page, in one run (runs interleaved so that drift hits every contender):
 * - Eurefs: the built extension in Chromium, page served at a EUR-Lex address, each visit traced
 *   (scripts/bench/trace.ts) and taken again with an extension whose content script only sets the
 *   hook (scripts/bench/empty-extension.ts). From the content script's start (`loadedAt`):
 *   `firstScreenMs`, until the last mark in the window at load appeared (a MutationObserver in the
 *   page's world, scripts/bench/visit.ts), and `listCompleteMs`, until every reference was found.
 *   `eurefsReadyMs` is DOMContentLoaded to the hook (all found, what is near the window marked,
 *   looked up). `mainThreadCpuMs` is the thread time of every task of the page's renderer main
 *   thread from navigation to two frames after the hook, less the baseline's: Eurefs' own tasks
 *   and the style and layout its marks cause in the page's frames. `visitCpuMs` is the same over the
 *   load and a scripted scroll to the end, a window's height per frame, which brings every
 *   reference on screen once (pages with references); `cpuPerReferenceUs` is that per reference.
 *   `longestFrameBlockingMs` is the longest blocking duration of a 'long-animation-frame' entry
 *   during Eurefs' work at load (content script start to hook), `scrollLongestFrameBlockingMs`
 *   during the scroll, and `pageScrollLongestFrameBlockingMs` during the same scroll with the
 *   empty content script (the page's own frames). `contentScriptAddedCpuMs`, on pages without
 *   references, is the thread time of the tasks in which extension code ran, less the baseline's. `findMs` is the time of the
 *   scan's finding slices (walk + grammar, no DOM writes); `heapMB` is the JS heap after the load
 *   and a forced GC, minus the same page's heap without the extension. No cap: the list must be
 *   complete, however long the page.
 * - mark.js `markRegExp` and findAndReplaceDOMText wrapping every match of PATTERN_SOURCE, and the
 *   floor (a bare TreeWalker over text nodes running the same expression, no wrapping), each in a
 *   browser without the extension, timed around the synchronous call once the page has loaded
 *   (capped at `--cap`, 45 s). `markjsCpuMs`: mark.js' run traced, the renderer main thread's thread
 *   time from navigation to two frames after the call, less a traced load of the bare page.
 * - the dataset: in an extension page (its origin, its IndexedDB, its CSP: `bench.html`, added to
 *   the bench build, loads the bundle of scripts/bench/in-extension.ts), JSON.parse +
 *   zod validation (`parseDataset`) + `loadBundledDataset` (one read-write transaction, real schema)
 *   of N generated documents into a scratch database; peak = highest CDP JSHeapUsedSize polled during it;
 *   then lookups of 1,000 and of 50 ids straight from that database. The staff path after it: the same
 *   N documents applied with `applyImport` (merge) over the bundled dataset, a lookup of 1,000 ids
 *   through both layers, and the undo (its own peak).
 *   The lookup: `{type:'lookup', ids}` of 1,000 ids sent with chrome.runtime.sendMessage from that
 *   extension page to the background and answered (round trip).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { chromiumPath, type ExtensionBrowser } from './launch-browser';
import { launchExtensionFrom } from './bench/launch';
import { checkPrefilter } from './bench/check-prefilter';
import { benchPages, PATTERN_FLAGS, PATTERN_SOURCE, type BenchPage } from './bench/pages';
import { writeEmptyExtension } from './bench/empty-extension';
import { mainThreadOfExtension, rendererMainThreads, type TraceEvent } from './bench/trace';
import { firstScreen, MARK_TIMES_INIT, scrollToEnd, settle, untilScanned, watchScanned, type Scrolled } from './bench/visit';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(ROOT, 'tests/bench/results.json');
/** The benchmark's own build (`wxt build --mode bench`), apart from the one tests and demo use. */
const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3-bench');

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const REPS = Number(option('--reps') ?? (QUICK ? 1 : 3));
const SIZES = (option('--sizes') ?? (QUICK ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
const IMPORT_SIZES = (option('--import-sizes') ?? (QUICK ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
/** `--no-pages`: the dataset part only (import, staff import, lookups), no page marking. */
const NO_PAGES = flag('--no-pages');
/** `--no-staff`: skip the staff import (applyImport and undo) after each import. */
const NO_STAFF = flag('--no-staff');

/** One run's cap: a run past it is reported as not finished (with what it had done), not waited for. */
const CAP_MS = Number(option('--cap') ?? 45_000);
/**
 * The scroll's cap: where each frame of the scroll is long, a scroll through 100,000 paragraphs
 * takes a quarter of an hour or more; past the cap it stops, and the row says how far it came.
 */
const SCROLL_CAP_MS = Number(option('--scroll-cap') ?? 120_000);

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);
const log = (...parts: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

/**
 * Records every long task and every long animation frame from the start of the document (page's
 * world). A long task leaves out the style, layout and paint of a frame; a long animation frame
 * holds them, and its blocking duration is what a reader's input would have waited.
 */
const INIT_SCRIPT = `(() => {
  // tsx names the functions it compiles with a __name helper; page.evaluate carries them over.
  globalThis.__name ??= (f) => f;
  const tasks = [];
  const frames = [];
  window.__benchLongTasks = tasks;
  window.__benchLongFrames = frames;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) frames.push([e.startTime, e.duration, e.blockingDuration]); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  ${MARK_TIMES_INIT}
})();`;

let currentBody = '';
let currentUrl = '';
async function serveCurrent(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === currentUrl) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: currentBody });
    } else if (url.startsWith('chrome-extension://')) {
      await route.continue();
    } else {
      await route.abort('blockedbyclient');
    }
  });
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

interface EurefsRun {
  /** DOMContentLoaded -> every reference near the window marked */
  ms: number;
  /** DOMContentLoaded -> that, and looked up (the hook fires) */
  readyMs: number;
  busyMs: number;
  findMs: number;
  longestSliceMs: number;
  slices: number;
  startMs: number;
  /** DOMContentLoaded -> the content script's bundle begins to run (the browser's injection) */
  injectMs: number;
  /** the content script's bundle begins to run -> every reference near the window marked */
  ownMs: number;
  /** the content script's bundle begins to run -> every reference in the window at load marked */
  firstScreenMs: number;
  /** marks in the window at load, and matches of the peers' expression there that no mark holds */
  firstScreenMarks: number;
  firstScreenUnmarked: number;
  /** the content script's bundle begins to run -> every reference found (the list is complete) */
  listCompleteMs: number;
  longestTaskMs: number;
  /** the longest long-animation-frame entry during Eurefs' work at load, and the longest blocking duration of one */
  longestFrameMs: number;
  longestFrameBlockingMs: number;
  heapAfterMB: number;
  references: number;
  marks: number;
  lookupRoundTrips: number;
  lookupMs: number;
  /** thread time of the tasks in which extension code ran, at load (trace.ts) */
  extensionCpuMs: number;
  longestExtensionTaskMs: number;
  /** thread time of every renderer main-thread task: load (navigation to the hook and two frames after), and the scroll */
  loadTotalCpuMs: number;
  scrollTotalCpuMs: number;
  /** the scroll to the end: the longest blocking duration of a frame during it, and its frames */
  scrollLongestFrameBlockingMs: number;
  scrollSteps: number;
  scrollStepsToEnd: number;
  scrollFinished: boolean;
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute'];

/** Traces what `work` makes the browser do; returns the events. */
async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/**
 * One visit of `page` with an extension (Eurefs, or the empty baseline): load until the hook
 * (no cap: the list must be complete), traced; the first screen read; then, with `scroll`, a
 * scripted scroll to the end, traced apart.
 */
async function runEurefs(ext: ExtensionBrowser, page: BenchPage, scroll: boolean): Promise<EurefsRun> {
  const tab = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const loadEvents = await traced(cdp, async () => {
    const scanned = untilScanned(tab, 600_000);
    await tab.goto(page.url, { waitUntil: 'commit', timeout: 600_000 });
    await scanned;
    await settle(tab);
  });
  const screen = await firstScreen(tab, PATTERN_SOURCE, PATTERN_FLAGS);
  const seen = await tab.evaluate(() => {
    const timing = JSON.parse(document.documentElement.dataset.eurefsTiming ?? '{}') as Record<string, number>;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks;
    // From the moment the content script began to run: the task that evaluates it is Eurefs' too,
    // even where the scan starts in a later task.
    const from = timing.loadedAt ?? timing.startedAt!;
    const until = timing.doneAt!;
    const overlapping = tasks.filter(([start, duration]) => start + duration > from && start < until);
    const frames = (window as unknown as { __benchLongFrames: [number, number, number][] }).__benchLongFrames;
    const framesOverlapping = frames.filter(([start, duration]) => start + duration > from && start < until);
    return {
      timing,
      dcl: nav.domContentLoadedEventEnd,
      longestTask: Math.max(0, ...overlapping.map(([, d]) => d)),
      longestFrame: Math.max(0, ...framesOverlapping.map(([, d]) => d)),
      longestFrameBlocking: Math.max(0, ...framesOverlapping.map(([, , b]) => b)),
      marks: document.querySelectorAll('[data-euref]:not([data-euref-part])').length,
    };
  });
  const heapAfterMB = await heapMB(cdp);
  let scrollEvents: TraceEvent[] = [];
  let scrolled: Scrolled = { start: 0, end: 0, steps: 0, stepsToEnd: 0, finished: true };
  let scrollBlocking = NaN;
  if (scroll) {
    scrollEvents = await traced(cdp, async () => {
      scrolled = await scrollToEnd(tab, SCROLL_CAP_MS);
    });
    scrollBlocking = await tab.evaluate(({ start, end }) => {
      const frames = (window as unknown as { __benchLongFrames: [number, number, number][] }).__benchLongFrames;
      return Math.max(0, ...frames.filter(([at, duration]) => at + duration > start && at < end).map(([, , b]) => b));
    }, scrolled);
  }
  const t = seen.timing;
  const loadedAt = t.loadedAt ?? NaN;
  const attributed = mainThreadOfExtension(loadEvents, ext.extensionId);
  const load = rendererMainThreads(loadEvents, page.url);
  if (load.threads.size !== 1) log(`  ${load.threads.size} renderer main threads named ${page.url}`);
  const run: EurefsRun = {
    ms: t.markedAt! - seen.dcl,
    readyMs: t.doneAt! - seen.dcl,
    busyMs: t.busyMs!,
    findMs: t.findMs ?? NaN,
    startMs: t.startedAt! - seen.dcl,
    injectMs: loadedAt - seen.dcl,
    ownMs: t.markedAt! - loadedAt,
    // No mark in the window: nothing there to wait for.
    firstScreenMs: screen.lastMarkAt === null ? 0 : Math.max(0, screen.lastMarkAt - loadedAt),
    firstScreenMarks: screen.marks,
    firstScreenUnmarked: screen.unmarked,
    listCompleteMs: (t.foundAt ?? t.markedAt!) - loadedAt,
    longestSliceMs: t.longestSliceMs!,
    slices: t.slices!,
    longestTaskMs: seen.longestTask,
    longestFrameMs: seen.longestFrame,
    longestFrameBlockingMs: seen.longestFrameBlocking,
    heapAfterMB,
    references: t.count!,
    marks: seen.marks,
    lookupRoundTrips: t.lookupRoundTrips!,
    lookupMs: t.lookupMs!,
    extensionCpuMs: attributed.cpuMs,
    longestExtensionTaskMs: attributed.longestMs,
    loadTotalCpuMs: load.cpuMs,
    scrollTotalCpuMs: scroll ? rendererMainThreads(scrollEvents, load.threads).cpuMs : NaN,
    scrollLongestFrameBlockingMs: scrollBlocking,
    scrollSteps: scrolled.steps,
    scrollStepsToEnd: scrolled.stepsToEnd,
    scrollFinished: scrolled.finished,
  };
  await cdp.detach();
  await tab.close();
  return run;
}

/** `none`: the page alone, loaded and left as the others are (the baseline of mark.js' thread time). */
type Peer = 'markjs' | 'far' | 'floor' | 'none';
const PEER_SCRIPTS: Record<Peer, string | null> = {
  markjs: require.resolve('mark.js/dist/mark.min.js'),
  far: require.resolve('findandreplacedomtext/src/findAndReplaceDOMText.js'),
  floor: null,
  none: null,
};

interface PeerRun {
  ms: number;
  callMs: number;
  count: number;
  baseHeapMB: number;
  /** traced runs: thread time of every renderer main-thread task, from navigation to two frames after the call */
  totalCpuMs: number;
}

async function runPeer(context: BrowserContext, page: BenchPage, peer: Peer, trace = false): Promise<PeerRun> {
  const tab: Page = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  let result: { ms: number; callMs: number; count: number } | null = null;
  let baseHeapMB = NaN;
  const work = async () => {
    await tab.goto(page.url, { waitUntil: 'load', timeout: 300_000 });
    const script = PEER_SCRIPTS[peer];
    if (script) await tab.addScriptTag({ path: script });
    if (!trace) baseHeapMB = await heapMB(cdp);
    result = peer === 'none' ? { ms: 0, callMs: 0, count: 0 } : await callPeer(tab, peer);
    if (trace) await settle(tab);
  };
  const events = trace ? await traced(cdp, work) : (await work(), []);
  await cdp.detach().catch(() => undefined);
  await tab.close();
  return { ...(result ?? { ms: NaN, callMs: NaN, count: -1 }), baseHeapMB, totalCpuMs: trace && result ? rendererMainThreads(events, page.url).cpuMs : NaN };
}

async function callPeer(tab: Page, peer: Peer): Promise<{ ms: number; callMs: number; count: number } | null> {
  const timeout = new Promise<null>((done) => setTimeout(() => done(null), CAP_MS));
  const evaluation = tab.evaluate(
    ({ peer, source, flags }) => {
      const re = new RegExp(source, flags);
      const w = window as unknown as {
        Mark: new (ctx: Element) => { markRegExp(re: RegExp, opt: object): void };
        findAndReplaceDOMText: (node: Element, opt: object) => void;
      };
      let count = 0;
      const t0 = performance.now();
      if (peer === 'markjs') {
        new w.Mark(document.body).markRegExp(re, { className: 'bench-peer', each: () => count++ });
      } else if (peer === 'far') {
        w.findAndReplaceDOMText(document.body, { find: re, wrap: 'span', wrapClass: 'bench-peer' });
      } else {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node as Text).data;
          re.lastIndex = 0;
          while (re.exec(text)) count++;
        }
      }
      const callMs = performance.now() - t0;
      // The marks are not on screen until style and layout have run: Eurefs' figure includes the
      // rendering between its slices, so the peers' include the one style+layout they cause.
      void document.body.offsetHeight;
      const ms = performance.now() - t0;
      // findAndReplaceDOMText wraps each text-node portion of a match: pieces, not matches.
      if (peer === 'far') count = document.querySelectorAll('.bench-peer').length;
      return { ms, callMs, count };
    },
    { peer, source: PATTERN_SOURCE, flags: PATTERN_FLAGS },
  );
  const result = await Promise.race([evaluation, timeout]);
  evaluation.catch(() => undefined);
  if (!result) log(`  ${peer} did not finish within ${CAP_MS} ms`);
  return result;
}

/**
 * Adds a page of its own to the bench build: `bench.html` loading the bundle of
 * scripts/bench/in-extension.ts, so the import runs as extension code under the extension's CSP
 * (as the options page would run it), not as code evaluated through DevTools.
 */
async function addBenchPage(): Promise<void> {
  await build({
    entryPoints: [resolve(ROOT, 'scripts/bench/in-extension.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    outfile: resolve(EXTENSION_DIR, 'bench-import.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    resolve(EXTENSION_DIR, 'bench.html'),
    '<!doctype html><meta charset="utf-8"><title>Eurefs bench</title><script src="/bench-import.js"></script>\n',
  );
}

async function benchDataset(ext: ExtensionBrowser) {
  const tab = await ext.context.newPage();
  await tab.goto(`chrome-extension://${ext.extensionId}/bench.html`);
  await tab.waitForFunction(() => 'eurefsBench' in globalThis);
  const cdp = await ext.context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const imports: Record<string, number | null>[] = [];
  /** Runs `what` in the bench page; the peak is the highest JS heap polled meanwhile. */
  const measured = async (what: 'importOnce' | 'staffOnce', n: number) => {
    let peak = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] as { name: string; value: number }[] }));
        peak = Math.max(peak, (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
        await new Promise((done) => setTimeout(done, 25));
      }
    })();
    const result = await tab
      .evaluate(
        ([what, count]) => (globalThis as unknown as { eurefsBench: Record<string, (n: number) => Promise<Record<string, number>>> }).eurefsBench[what]!(count),
        [what, n] as const,
      )
      .finally(() => {
        polling = false;
      });
    await poller;
    return { result, peak };
  };
  for (const n of IMPORT_SIZES) {
    const reps = n >= 100_000 ? 1 : REPS;
    const runs: Record<string, number>[] = [];
    const staffRuns: Record<string, number>[] = [];
    let peak = 0;
    let staffPeak = 0;
    for (let r = 0; r < reps; r++) {
      const base = await heapMB(cdp);
      const load = await measured('importOnce', n);
      peak = Math.max(peak, load.peak);
      const result = load.result;
      runs.push({ ...result, baseMB: base });
      log(
        `import ${n}: ${result.ms!.toFixed(0)} ms (parse ${result.parseMs!.toFixed(0)}, validate ${result.validateMs!.toFixed(0)}, write ${result.writeMs!.toFixed(0)}); ` +
          `lookup 1000 ${result.lookup1000DirectMs!.toFixed(0)} ms, 50 ${result.lookup50DirectMs!.toFixed(0)} ms`,
      );
      if (NO_STAFF) continue;
      await heapMB(cdp);
      const staff = await measured('staffOnce', n);
      staffPeak = Math.max(staffPeak, staff.peak);
      staffRuns.push(staff.result);
      log(`  staff import ${n}: apply ${staff.result.applyMs!.toFixed(0)} ms, lookup 1000 ${staff.result.lookup1000LayerMs!.toFixed(0)} ms, undo ${staff.result.undoMs!.toFixed(0)} ms`);
    }
    const m = (key: string) => round(median(runs.map((run) => run[key]!)));
    const ms = (key: string) => round(median(staffRuns.map((run) => run[key]!)));
    imports.push({
      documents: n,
      ms: m('ms'),
      peakMB: round(peak),
      baseMB: m('baseMB'),
      parseMs: m('parseMs'),
      validateMs: m('validateMs'),
      writeMs: m('writeMs'),
      fileMB: round(runs[0]!.bytes! / 2 ** 20),
      lookup1000DirectMs: m('lookup1000DirectMs'),
      lookup50DirectMs: m('lookup50DirectMs'),
      staffApplyMs: ms('applyMs'),
      staffPeakMB: staffRuns.length ? round(staffPeak) : null,
      staffLookup1000Ms: ms('lookup1000LayerMs'),
      staffUndoMs: ms('undoMs'),
    });
  }
  // The real path: one message from an extension page to the background, 1,000 ids, half tracked.
  const ids = await tab.evaluate(async () => {
    const dataset = (await (await fetch('/dataset.json')).json()) as { documents: { id: string }[] };
    const known = dataset.documents.map((d) => d.id);
    return Array.from({ length: 1000 }, (_, i) => (i < known.length ? known[i]! : `COM(2099) ${i}`));
  });
  const lookupTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    lookupTimes.push(
      await tab.evaluate(async (ids) => {
        const t0 = performance.now();
        const answer = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ documents: object }> } } }).chrome.runtime.sendMessage({ type: 'lookup', ids })) as { documents: object };
        if (Object.keys(answer.documents).length !== ids.length) throw new Error('lookup answered the wrong ids');
        return performance.now() - t0;
      }, ids),
    );
  }
  await cdp.detach();
  await tab.close();
  return { imports, lookup1000Ms: round(median(lookupTimes)), lookup1000Runs: lookupTimes.map((t) => round(t)) };
}

function pad(value: unknown, width: number, left = false): string {
  const text = value === null || value === undefined ? '-' : String(value);
  return left ? text.padEnd(width) : text.padStart(width);
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`reps ${REPS}, sizes ${SIZES.join(', ')}, imports ${IMPORT_SIZES.join(', ')}`);
  const prefilter = checkPrefilter();
  if (prefilter.missed.length) throw new Error(`text-blocks.ts' MAY_HOLD_REFERENCE misses references: ${JSON.stringify(prefilter.missed.slice(0, 5))}`);
  log(`prefilter agrees with the grammar on ${prefilter.withReferences} strings with references`);
  if (!flag('--no-build')) {
    log('wxt build --mode bench (-> .output/chrome-mv3-bench)');
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('wxt build failed');
  }
  await addBenchPage();
  const ext = await launchExtensionFrom(EXTENSION_DIR);
  const empty = await launchExtensionFrom(writeEmptyExtension(resolve(ROOT, '.output/bench-empty-content-script')));
  const plain: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--disable-quic'],
  });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  // the peers' pages have no hook: mark.js and the floor are timed by their own calls
  for (const context of [ext.context, empty.context]) await watchScanned(context);
  for (const context of [ext.context, empty.context, plainContext]) {
    await context.addInitScript({ content: INIT_SCRIPT });
    await serveCurrent(context);
  }
  // Let the background load its bundled dataset before anything is timed.
  await ext.serviceWorker.evaluate(() => new Promise((done) => setTimeout(done, 500)));

  const pages: Record<string, unknown>[] = [];
  try {
    // The dataset first, the 100,000-paragraph pages last: a run cut short still has the rest.
    log('dataset');
    const dataset = await benchDataset(ext);
    mkdirSync(resolve(ROOT, 'tests/bench'), { recursive: true });
    for (const page of NO_PAGES ? [] : benchPages(SIZES)) {
      currentUrl = page.url;
      currentBody = page.html();
      if (page.kind === 'real') page.paragraphs = (currentBody.match(/<p[\s>]/g) ?? []).length;
      // The 100,000-paragraph pages once each (a run takes tens of seconds), and not traced.
      const big = page.paragraphs >= 100_000;
      const reps = big ? 1 : REPS;
      log(`${page.name}: ${(currentBody.length / 2 ** 20).toFixed(1)} MB, ${reps} reps`);
      const eurefs: EurefsRun[] = [];
      const baseline: EurefsRun[] = [];
      const peers: Record<Peer, PeerRun[]> = { markjs: [], far: [], floor: [], none: [] };
      // A whole visit (the load, then a scroll to the end) where there are references to bring on screen.
      const scroll = page.kind !== 'none';
      for (let r = 0; r < reps; r++) {
        eurefs.push(await runEurefs(ext, page, scroll));
        baseline.push(await runEurefs(empty, page, scroll));
        peers.markjs.push(await runPeer(plainContext, page, 'markjs', true));
        peers.none.push(await runPeer(plainContext, page, 'none', true));
        for (const peer of ['far', 'floor'] as const) peers[peer].push(await runPeer(plainContext, page, peer));
        const e = eurefs.at(-1)!;
        log(
          `  rep ${r + 1}: eurefs first screen ${e.firstScreenMs.toFixed(1)} ms, list ${e.listCompleteMs.toFixed(1)} ms, hook ${e.readyMs.toFixed(1)} ms (find ${e.findMs.toFixed(1)}), ` +
            `CPU load ${(e.loadTotalCpuMs - baseline.at(-1)!.loadTotalCpuMs).toFixed(1)} scroll ${(e.scrollTotalCpuMs - baseline.at(-1)!.scrollTotalCpuMs).toFixed(1)} (${e.scrollSteps}${e.scrollFinished ? '' : ` of ${e.scrollStepsToEnd}, capped`} steps, blocking ${e.scrollLongestFrameBlockingMs}, the page alone ${baseline.at(-1)!.scrollLongestFrameBlockingMs}); ` +
            `mark.js ${peers.markjs.at(-1)!.ms.toFixed(1)} ms, CPU ${(peers.markjs.at(-1)!.totalCpuMs - peers.none.at(-1)!.totalCpuMs).toFixed(1)}; fAR ${peers.far.at(-1)!.ms.toFixed(1)}, floor ${peers.floor.at(-1)!.ms.toFixed(1)}`,
        );
      }
      const m = (xs: number[]) => median(xs);
      const of = (key: keyof EurefsRun) => m(eurefs.map((e) => e[key] as number));
      /** per repetition, Eurefs' run less the baseline's run of the same repetition */
      const added = (pick: (run: EurefsRun) => number) => m(eurefs.map((e, i) => pick(e) - pick(baseline[i]!)));
      const eurefsMs = of('ms');
      const markjsMs = m(peers.markjs.map((p) => p.ms));
      const findAndReplaceMs = m(peers.far.map((p) => p.ms));
      const floorMs = m(peers.floor.map((p) => p.ms));
      const busyMs = of('busyMs');
      const findMs = of('findMs');
      const loadCpuMs = added((run) => run.loadTotalCpuMs);
      // A scroll stopped at its cap is no whole visit, and its CPU would compare with nothing.
      const scrollFinished = eurefs.every((e) => e.scrollFinished);
      const visitCpuMs = scroll && scrollFinished ? added((run) => run.loadTotalCpuMs + run.scrollTotalCpuMs) : NaN;
      const markjsCpuMs = m(peers.markjs.map((p, i) => p.totalCpuMs - peers.none[i]!.totalCpuMs));
      const references = eurefs[0]!.references;
      pages.push({
        name: page.name,
        paragraphs: page.paragraphs,
        references,
        firstScreenMs: round(of('firstScreenMs')),
        firstScreenMarks: eurefs[0]!.firstScreenMarks,
        firstScreenUnmarked: Math.max(...eurefs.map((e) => e.firstScreenUnmarked)),
        listCompleteMs: round(of('listCompleteMs')),
        eurefsMs: round(eurefsMs),
        eurefsReadyMs: round(of('readyMs')),
        markjsMs: round(markjsMs),
        findAndReplaceMs: round(findAndReplaceMs),
        floorMs: round(floorMs),
        longestTaskMs: round(Math.max(...eurefs.map((e) => e.longestTaskMs))),
        longestFrameMs: round(of('longestFrameMs')),
        longestFrameBlockingMs: round(of('longestFrameBlockingMs')),
        scrollLongestFrameBlockingMs: scroll ? round(of('scrollLongestFrameBlockingMs')) : null,
        // The same scroll of the page with the empty content script: what the page's own frames block, marks or none.
        pageScrollLongestFrameBlockingMs: scroll ? round(m(baseline.map((b) => b.scrollLongestFrameBlockingMs))) : null,
        scrollSteps: eurefs[0]!.scrollSteps,
        scrollStepsToEnd: eurefs[0]!.scrollStepsToEnd,
        scrollFinished: scroll ? scrollFinished : null,
        heapMB: round(of('heapAfterMB') - m(peers.floor.map((p) => p.baseHeapMB)), 2),
        busyMs: round(busyMs),
        findMs: round(findMs),
        startMs: round(of('startMs')),
        injectMs: round(of('injectMs')),
        ownMs: round(of('ownMs')),
        markjsCallMs: round(m(peers.markjs.map((p) => p.callMs))),
        findAndReplaceCallMs: round(m(peers.far.map((p) => p.callMs))),
        floorCallMs: round(m(peers.floor.map((p) => p.callMs))),
        mainThreadCpuMs: round(loadCpuMs),
        visitCpuMs: round(visitCpuMs),
        markjsCpuMs: round(markjsCpuMs),
        cpuPerReferenceUs: references > 0 && scroll ? round((visitCpuMs * 1000) / references) : null,
        extensionCpuMs: round(of('extensionCpuMs')),
        emptyContentScriptCpuMs: round(m(baseline.map((b) => b.extensionCpuMs))),
        contentScriptAddedCpuMs: page.kind === 'none' ? round(added((run) => run.extensionCpuMs)) : null,
        longestExtensionTaskMs: round(of('longestExtensionTaskMs')),
        longestSliceMs: round(Math.max(...eurefs.map((e) => e.longestSliceMs))),
        slices: eurefs[0]!.slices,
        lookupRoundTrips: eurefs[0]!.lookupRoundTrips,
        lookupMs: round(of('lookupMs')),
        markjsMatches: peers.markjs[0]!.count,
        floorMatches: peers.floor[0]!.count,
        ratioMarkjs: round(eurefsMs / markjsMs, 2),
        ratioFloor: round(eurefsMs / floorMs, 2),
        cpuRatioMarkjs: round(loadCpuMs / markjsCpuMs, 2),
        visitCpuRatioMarkjs: round(visitCpuMs / markjsCpuMs, 2),
        findRatioFloor: round(findMs / floorMs, 2),
        url: page.url,
        ...(peers.markjs.some((p) => !Number.isFinite(p.ms)) ? { markjsUnfinishedAfterMs: CAP_MS } : {}),
      });
      currentBody = '';
      writeFileSync(RESULTS, `${JSON.stringify(resultsOf(pages, dataset, started, plain.version()), null, 2)}\n`);
    }
    const results = resultsOf(pages, dataset, started, plain.version());
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
  } finally {
    await plain.close();
    await ext.context.close();
    await empty.context.close();
  }
}

function resultsOf(
  pages: Record<string, unknown>[],
  dataset: Awaited<ReturnType<typeof benchDataset>>,
  started: number,
  chromiumVersion: string,
) {
  return {
    generatedAt: new Date().toISOString(),
    chromium: chromiumVersion,
    machine: `${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`,
    reps: REPS,
    capMs: CAP_MS,
    pattern: PATTERN_SOURCE,
    pages,
    import: dataset.imports,
    lookup1000Ms: dataset.lookup1000Ms,
    lookup1000Runs: dataset.lookup1000Runs,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

function printTable(results: { pages: Record<string, unknown>[]; import: Record<string, unknown>[]; lookup1000Ms: unknown; seconds: number }): void {
  const cols: [string, string, number][] = [
    ['page', 'name', 46],
    ['paras', 'paragraphs', 7],
    ['refs', 'references', 7],
    ['1stScr', 'firstScreenMs', 7],
    ['list', 'listCompleteMs', 8],
    ['hook', 'eurefsReadyMs', 8],
    ['inject', 'injectMs', 7],
    ['find', 'findMs', 7],
    ['floor', 'floorMs', 7],
    ['mark.js', 'markjsMs', 8],
    ['loadCPU', 'mainThreadCpuMs', 8],
    ['mjsCPU', 'markjsCpuMs', 8],
    ['visitCPU', 'visitCpuMs', 9],
    ['us/ref', 'cpuPerReferenceUs', 7],
    ['CSadded', 'contentScriptAddedCpuMs', 8],
    ['block', 'longestFrameBlockingMs', 6],
    ['scrBlock', 'scrollLongestFrameBlockingMs', 9],
    ['pageScr', 'pageScrollLongestFrameBlockingMs', 8],
    ['slice', 'longestSliceMs', 6],
    ['heapMB', 'heapMB', 7],
    ['lookups', 'lookupRoundTrips', 8],
  ];
  const lines: string[] = [];
  lines.push(cols.map(([title, , w], i) => pad(title, w, i === 0)).join(' '));
  for (const row of results.pages) lines.push(cols.map(([, key, w], i) => pad(row[key], w, i === 0)).join(' '));
  lines.push('');
  lines.push('import (parse + validate + one transaction)   docs      ms  peakMB  (parse/validate/write ms)  lookup 1000/50 ids ms');
  for (const row of results.import) {
    lines.push(`${pad('', 46)} ${pad(row.documents, 6)} ${pad(row.ms, 7)} ${pad(row.peakMB, 7)}  (${row.parseMs}/${row.validateMs}/${row.writeMs})  ${row.lookup1000DirectMs}/${row.lookup50DirectMs}`);
  }
  lines.push('staff import (applyImport, merge over the bundled dataset)  docs  apply ms  peakMB  lookup 1000 ms  undo ms');
  for (const row of results.import) {
    if (row.staffApplyMs === null) continue;
    lines.push(`${pad('', 46)} ${pad(row.documents, 6)} ${pad(row.staffApplyMs, 9)} ${pad(row.staffPeakMB, 7)} ${pad(row.staffLookup1000Ms, 15)} ${pad(row.staffUndoMs, 8)}`);
  }
  lines.push(`lookup of 1,000 ids (extension page -> background, one message): ${results.lookup1000Ms} ms`);
  lines.push(
    `(ms are medians; 1stScr = the content script begins to run -> every reference in the window at load marked; list = -> every reference found; ` +
      `hook = DOMContentLoaded -> found, near the window marked, looked up; inject = DOMContentLoaded -> the content script begins to run; find = Eurefs' walk + grammar; ` +
      `loadCPU / visitCPU = renderer main-thread thread time with Eurefs less with an empty content script, load / load + scroll to the end; mjsCPU = the same for mark.js against the bare page; ` +
      `us/ref = visitCPU per reference; CSadded = thread time of extension tasks over the empty content script's; block / scrBlock = longest frame blocking during the load's work / the scroll; pageScr = scrBlock of the same scroll with the empty content script; bench took ${results.seconds} s)`,
  );
  lines.push('');
  const perReference: number[] = [];
  for (const row of results.pages) {
    if (row.references === 0) {
      lines.push(`${String(row.name)}: content script adds ${row.contentScriptAddedCpuMs} ms CPU (target <= 5); find/floor ${row.findRatioFloor} (<= 3)`);
      continue;
    }
    if (typeof row.cpuPerReferenceUs === 'number' && String(row.name).includes('dense')) perReference.push(row.cpuPerReferenceUs);
    lines.push(
      `${String(row.name)}: first screen ${row.firstScreenMs} ms (<= 100), list ${row.listCompleteMs} ms, frame blocking ${row.longestFrameBlockingMs} / scroll ${row.scrollLongestFrameBlockingMs} ms (<= 50; the page alone ${row.pageScrollLongestFrameBlockingMs}), ` +
        `CPU/mark.js load ${row.cpuRatioMarkjs} (<= 0.5) visit ${row.visitCpuRatioMarkjs} (<= 1.0), find/floor ${row.findRatioFloor} (<= 3), ${row.cpuPerReferenceUs} us CPU per reference`,
    );
  }
  if (perReference.length > 1) {
    lines.push(`CPU per reference on the dense pages: ${perReference.join(', ')} us, highest/lowest ${round(Math.max(...perReference) / Math.min(...perReference), 2)} (<= 1.5)`);
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
