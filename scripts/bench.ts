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
 * - Eurefs: the built extension in Chromium, page served at a EUR-Lex address. `eurefsMs` is from
 *   DOMContentLoaded (end) to the content script's `eurefs:scanned` hook (every reference marked and
 *   its one batched lookup answered). `busyMs` is the main-thread time of Eurefs' scan slices as the
 *   content script measures it; `mainThreadMs` (one traced run per page; on pages without
 *   references the median of REPS) is the total duration of every main-thread task in which an
 *   extension script ran (upper bound: it includes bundle evaluation, the popover host, style and
 *   layout work inside those tasks); `emptyContentScriptMainThreadMs`, on pages without
 *   references, is the same for an extension whose content script only sets the hook
 *   (scripts/bench/empty-extension.ts), traced taking turns with Eurefs. `mainThreadCpuMs` and
 *   `emptyContentScriptMainThreadCpuMs` are the same tasks' thread time, which the machine's other
 *   load does not inflate (scripts/bench/trace.ts). `longestTaskMs` is the
 *   longest 'longtask' entry (PerformanceObserver) overlapping the scan, and `longestFrameMs` and
 *   `longestFrameBlockingMs` the longest 'long-animation-frame' entry and blocking duration in the
 *   same window (medians of the reps): a long task leaves out the style and layout that marks
 *   cause, a frame holds them (the page's own first rendering too, where it comes after the
 *   content script's start); `heapMB` is the JS heap
 *   after the scan and a forced GC, minus the same page's heap without the extension.
 * - mark.js `markRegExp` and findAndReplaceDOMText wrapping every match of PATTERN_SOURCE, and the
 *   floor (a bare TreeWalker over text nodes running the same expression, no wrapping), each in a
 *   browser without the extension, timed around the synchronous call once the page has loaded.
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
import { mainThreadOfExtension, type TraceEvent } from './bench/trace';

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
  /** DOMContentLoaded -> every reference marked */
  ms: number;
  /** DOMContentLoaded -> marked and looked up (the hook fires) */
  readyMs: number;
  busyMs: number;
  findMs: number;
  longestSliceMs: number;
  slices: number;
  startMs: number;
  /** DOMContentLoaded -> the content script's bundle begins to run (the browser's injection) */
  injectMs: number;
  /** the content script's bundle begins to run -> every reference marked */
  ownMs: number;
  longestTaskMs: number;
  /** the longest long-animation-frame entry in the same window, and the longest blocking duration of one */
  longestFrameMs: number;
  longestFrameBlockingMs: number;
  heapAfterMB: number;
  references: number;
  marks: number;
  lookupRoundTrips: number;
  lookupMs: number;
  unfinishedAfterMs?: number;
  mainThreadMs?: number;
  /** thread time of the same tasks (trace.ts) */
  mainThreadCpuMs?: number;
  longestExtensionTaskMs?: number;
}

async function runEurefs(ext: ExtensionBrowser, page: BenchPage, traced = false): Promise<EurefsRun> {
  const tab = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  if (traced) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
        recordMode: 'recordAsMuchAsPossible',
      },
      transferMode: 'ReportEvents',
    });
  }
  await tab.goto(page.url, { waitUntil: 'domcontentloaded', timeout: 300_000 });
  const finished = await tab
    .waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined, null, { timeout: CAP_MS, polling: 100 })
    .then(() => true)
    .catch(() => false);
  if (!finished) {
    const marks = await tab.evaluate(() => document.querySelectorAll('[data-euref]:not([data-euref-part])').length).catch(() => -1);
    log(`  Eurefs did not finish within ${CAP_MS} ms (${marks} references marked by then)`);
    await cdp.detach().catch(() => undefined);
    await tab.close();
    return { ms: NaN, readyMs: NaN, busyMs: NaN, findMs: NaN, longestSliceMs: NaN, slices: 0, startMs: NaN, injectMs: NaN, ownMs: NaN, longestTaskMs: NaN, longestFrameMs: NaN, longestFrameBlockingMs: NaN, heapAfterMB: NaN, references: marks, marks, lookupRoundTrips: 0, lookupMs: NaN, unfinishedAfterMs: CAP_MS };
  }
  const seen = await tab.evaluate(() => {
    const timing = JSON.parse(document.documentElement.dataset.eurefsTiming ?? '{}') as Record<string, number>;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks;
    // From the moment the content script began to run: the task that evaluates it is Eurefs' too,
    // even where the scan starts in a later task.
    const from = timing.loadedAt ?? timing.startedAt!;
    const overlapping = tasks.filter(([start, duration]) => start + duration > from && start < timing.markedAt!);
    const frames = (window as unknown as { __benchLongFrames: [number, number, number][] }).__benchLongFrames;
    const framesOverlapping = frames.filter(([start, duration]) => start + duration > from && start < timing.markedAt!);
    return {
      timing,
      dcl: nav.domContentLoadedEventEnd,
      longestTask: Math.max(0, ...overlapping.map(([, d]) => d)),
      longestFrame: Math.max(0, ...framesOverlapping.map(([, d]) => d)),
      longestFrameBlocking: Math.max(0, ...framesOverlapping.map(([, , b]) => b)),
      marks: document.querySelectorAll('[data-euref]:not([data-euref-part])').length,
    };
  });
  const run: EurefsRun = {
    ms: seen.timing.markedAt! - seen.dcl,
    readyMs: seen.timing.doneAt! - seen.dcl,
    busyMs: seen.timing.busyMs!,
    findMs: seen.timing.findMs ?? NaN,
    startMs: seen.timing.startedAt! - seen.dcl,
    injectMs: (seen.timing.loadedAt ?? NaN) - seen.dcl,
    ownMs: seen.timing.markedAt! - (seen.timing.loadedAt ?? NaN),
    longestSliceMs: seen.timing.longestSliceMs!,
    slices: seen.timing.slices!,
    longestTaskMs: seen.longestTask,
    longestFrameMs: seen.longestFrame,
    longestFrameBlockingMs: seen.longestFrameBlocking,
    heapAfterMB: NaN,
    references: seen.timing.count!,
    marks: seen.marks,
    lookupRoundTrips: seen.timing.lookupRoundTrips!,
    lookupMs: seen.timing.lookupMs!,
  };
  if (traced) {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    const attributed = mainThreadOfExtension(events, ext.extensionId);
    run.mainThreadMs = attributed.totalMs;
    run.mainThreadCpuMs = attributed.cpuMs;
    run.longestExtensionTaskMs = attributed.longestMs;
  } else {
    run.heapAfterMB = await heapMB(cdp);
  }
  await cdp.detach();
  await tab.close();
  return run;
}

type Peer = 'markjs' | 'far' | 'floor';
const PEER_SCRIPTS: Record<Peer, string | null> = {
  markjs: require.resolve('mark.js/dist/mark.min.js'),
  far: require.resolve('findandreplacedomtext/src/findAndReplaceDOMText.js'),
  floor: null,
};

interface PeerRun {
  ms: number;
  callMs: number;
  count: number;
  baseHeapMB: number;
}

async function runPeer(context: BrowserContext, page: BenchPage, peer: Peer): Promise<PeerRun> {
  const tab: Page = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(page.url, { waitUntil: 'load', timeout: 300_000 });
  const script = PEER_SCRIPTS[peer];
  if (script) await tab.addScriptTag({ path: script });
  const baseHeapMB = await heapMB(cdp);
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
  await cdp.detach().catch(() => undefined);
  await tab.close();
  return { ...(result ?? { ms: NaN, callMs: NaN, count: -1 }), baseHeapMB };
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
      const peers: Record<Peer, PeerRun[]> = { markjs: [], far: [], floor: [] };
      for (let r = 0; r < reps; r++) {
        eurefs.push(await runEurefs(ext, page));
        for (const peer of ['markjs', 'far', 'floor'] as const) peers[peer].push(await runPeer(plainContext, page, peer));
        log(
          `  rep ${r + 1}: eurefs ${eurefs.at(-1)!.ms.toFixed(1)} ms (busy ${eurefs.at(-1)!.busyMs.toFixed(1)}), mark.js ${peers.markjs.at(-1)!.ms.toFixed(1)}, fAR ${peers.far.at(-1)!.ms.toFixed(1)}, floor ${peers.floor.at(-1)!.ms.toFixed(1)}`,
        );
      }
      const traced: Partial<EurefsRun> = big ? {} : await runEurefs(ext, page, true);
      // Pages without references: what the content script costs, traced REPS times against the
      // baseline (an empty content script) taking turns, medians.
      const cost = { eurefs: [] as number[], empty: [] as number[], eurefsCpu: [] as number[], emptyCpu: [] as number[] };
      if (page.kind === 'none' && !big) {
        for (let r = 0; r < REPS; r++) {
          const own = await runEurefs(ext, page, true);
          const baseline = await runEurefs(empty, page, true);
          cost.eurefs.push(own.mainThreadMs ?? NaN);
          cost.eurefsCpu.push(own.mainThreadCpuMs ?? NaN);
          cost.empty.push(baseline.mainThreadMs ?? NaN);
          cost.emptyCpu.push(baseline.mainThreadCpuMs ?? NaN);
        }
      }
      const m = (xs: number[]) => median(xs);
      const eurefsMs = m(eurefs.map((e) => e.ms));
      const markjsMs = m(peers.markjs.map((p) => p.ms));
      const findAndReplaceMs = m(peers.far.map((p) => p.ms));
      const floorMs = m(peers.floor.map((p) => p.ms));
      const busyMs = m(eurefs.map((e) => e.busyMs));
      pages.push({
        name: page.name,
        paragraphs: page.paragraphs,
        references: eurefs[0]!.references,
        eurefsMs: round(eurefsMs),
        eurefsReadyMs: round(m(eurefs.map((e) => e.readyMs))),
        markjsMs: round(markjsMs),
        findAndReplaceMs: round(findAndReplaceMs),
        floorMs: round(floorMs),
        longestTaskMs: round(Math.max(...eurefs.map((e) => e.longestTaskMs))),
        longestFrameMs: round(m(eurefs.map((e) => e.longestFrameMs))),
        longestFrameBlockingMs: round(m(eurefs.map((e) => e.longestFrameBlockingMs))),
        heapMB: round(m(eurefs.map((e) => e.heapAfterMB)) - m(peers.floor.map((p) => p.baseHeapMB)), 2),
        busyMs: round(busyMs),
        findMs: round(m(eurefs.map((e) => e.findMs))),
        startMs: round(m(eurefs.map((e) => e.startMs))),
        injectMs: round(m(eurefs.map((e) => e.injectMs))),
        ownMs: round(m(eurefs.map((e) => e.ownMs))),
        markjsCallMs: round(m(peers.markjs.map((p) => p.callMs))),
        findAndReplaceCallMs: round(m(peers.far.map((p) => p.callMs))),
        floorCallMs: round(m(peers.floor.map((p) => p.callMs))),
        mainThreadMs: round(cost.eurefs.length ? median(cost.eurefs) : (traced.mainThreadMs ?? NaN)),
        emptyContentScriptMainThreadMs: round(cost.empty.length ? median(cost.empty) : NaN),
        mainThreadCpuMs: round(cost.eurefsCpu.length ? median(cost.eurefsCpu) : (traced.mainThreadCpuMs ?? NaN)),
        emptyContentScriptMainThreadCpuMs: round(cost.emptyCpu.length ? median(cost.emptyCpu) : NaN),
        longestExtensionTaskMs: round(traced.longestExtensionTaskMs ?? NaN),
        longestSliceMs: round(Math.max(...eurefs.map((e) => e.longestSliceMs))),
        slices: eurefs[0]!.slices,
        lookupRoundTrips: eurefs[0]!.lookupRoundTrips,
        lookupMs: round(m(eurefs.map((e) => e.lookupMs))),
        markjsMatches: peers.markjs[0]!.count,
        floorMatches: peers.floor[0]!.count,
        ratioMarkjs: round(eurefsMs / markjsMs, 2),
        ratioFindAndReplace: round(eurefsMs / findAndReplaceMs, 2),
        ratioFloor: round(eurefsMs / floorMs, 2),
        ownRatioMarkjs: round(m(eurefs.map((e) => e.ownMs)) / markjsMs, 2),
        ownRatioFloor: round(m(eurefs.map((e) => e.ownMs)) / floorMs, 2),
        busyRatioFloor: round(busyMs / floorMs, 2),
        url: page.url,
        ...(eurefs.some((e) => e.unfinishedAfterMs) ? { eurefsUnfinishedAfterMs: CAP_MS, eurefsMarkedByThen: eurefs[0]!.marks } : {}),
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
    ['Eurefs', 'eurefsMs', 8],
    ['+lookup', 'eurefsReadyMs', 8],
    ['inject', 'injectMs', 7],
    ['start', 'startMs', 7],
    ['own', 'ownMs', 8],
    ['busy', 'busyMs', 8],
    ['find', 'findMs', 7],
    ['mark.js', 'markjsMs', 8],
    ['fAR', 'findAndReplaceMs', 8],
    ['floor', 'floorMs', 8],
    ['mainThr', 'mainThreadMs', 8],
    ['emptyCS', 'emptyContentScriptMainThreadMs', 8],
    ['mainCPU', 'mainThreadCpuMs', 8],
    ['emptyCPU', 'emptyContentScriptMainThreadCpuMs', 9],
    ['longTask', 'longestTaskMs', 9],
    ['frame', 'longestFrameMs', 7],
    ['blocking', 'longestFrameBlockingMs', 9],
    ['slice', 'longestSliceMs', 7],
    ['heapMB', 'heapMB', 7],
    ['lookups', 'lookupRoundTrips', 8],
    ['lookupMs', 'lookupMs', 9],
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
  lines.push(`(ms are medians; Eurefs = DOMContentLoaded -> all marked (+lookup: and looked up); inject = DOMContentLoaded -> the content script begins to run; start = DOMContentLoaded -> scan starts; own = the content script begins to run -> all marked; busy = Eurefs' scan slices, find = of which walking+grammar; mainThr = traced main-thread tasks running extension code (pages without references: median of the reps); emptyCS = the same for an extension whose content script only sets the hook; bench took ${results.seconds} s)`);
  lines.push('');
  for (const row of results.pages) {
    lines.push(
      `${String(row.name)}: Eurefs/mark.js ${row.ratioMarkjs}, Eurefs/findAndReplaceDOMText ${row.ratioFindAndReplace}, Eurefs/floor ${row.ratioFloor}` +
        ` (from the content script's own start: Eurefs/mark.js ${row.ownRatioMarkjs}, Eurefs/floor ${row.ownRatioFloor})`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
