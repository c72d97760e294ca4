/**
 * Diagnostic, not part of the benchmark: where the main thread's time goes while Eurefs finds the
 * references of one dense page, from the scanner's start until all are found (the list's span),
 * or with `--span first-screen` from the content script's start until the last mark in the window
 * at load appeared (the benchmark's first screen).
 * A trace of the load; in that span, the renderer main thread's top-level tasks by what they did
 * (the trace events directly inside each task, self time), and the gaps in which it ran nothing.
 * With `--profile`, a CPU profile of the same load too, its samples in that span by function
 * (self time; build with EUREFS_NO_MINIFY=1 for the names). After `npm run build` (or with
 * EUREFS_EXTENSION_DIR):
 *
 *   npx tsx scripts/bench/list-span.ts [--paragraphs 100000] [--span list|first-screen] [--categories a,b] [--profile]
 */
import { resolve } from 'node:path';
import { launchWithExtension, servePages } from '../launch-browser';
import { generatedHtml, PATTERN_FLAGS, PATTERN_SOURCE } from './pages';
import { largest, selfTimes } from './cpu-profile';
import type { TraceEvent } from './trace';
import { firstScreen, MARK_TIMES_INIT, untilScanned, watchScanned } from './visit';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PARAGRAPHS = Number(option('--paragraphs') ?? 100_000);
const CATEGORIES = (option('--categories') ?? 'toplevel,devtools.timeline,blink,blink.user_timing,loading').split(',');
const SPAN = option('--span') ?? 'list';
if (SPAN !== 'list' && SPAN !== 'first-screen') throw new Error(`--span is list or first-screen, not ${SPAN}`);
const URL = 'https://eur-lex.europa.eu/eurefs-list-span.html';

interface Timing {
  loadedAt: number;
  startedAt: number;
  foundAt: number;
  findMs?: number;
  slices: number;
}

async function main(): Promise<void> {
  const dir = process.env.EUREFS_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
  const ext = await launchWithExtension({ extensionDir: dir });
  await servePages(ext.context, { [URL]: { body: generatedHtml(PARAGRAPHS, true) } });
  await watchScanned(ext.context);
  const page = await ext.context.newPage();
  if (SPAN === 'first-screen') await page.addInitScript(MARK_TIMES_INIT);
  const cdp = await ext.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  const profiling = argv.includes('--profile');
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const scanned = untilScanned(page, 300_000);
  await page.goto(URL, { timeout: 300_000, waitUntil: 'commit' });
  await scanned;
  const timing = JSON.parse((await page.evaluate(() => document.documentElement.dataset.eurefsTiming)) ?? '{}') as Timing;
  const screen = SPAN === 'first-screen' ? await firstScreen(page, PATTERN_SOURCE, PATTERN_FLAGS) : null;
  if (screen && screen.lastMarkAt === null) throw new Error('no mark in the window at load');
  const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await ext.context.close();

  // The page's time origin in the trace: its navigationStart.
  const navigation = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args ?? {}).includes(URL));
  if (!navigation) throw new Error('no navigationStart for the page in the trace');
  const key = `${navigation.pid}:${navigation.tid}`;
  const from = navigation.ts + (screen ? timing.loadedAt : timing.startedAt) * 1000;
  const to = navigation.ts + (screen ? screen.lastMarkAt! : timing.foundAt) * 1000;
  const onThread = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to);
  onThread.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TraceEvent[] = [];
  let lastEnd = -Infinity;
  for (const e of onThread) {
    // Top-level events: tasks, and the microtask checkpoints the scheduler runs outside them
    // (where an async function's slices run, after the promise they awaited resolved).
    if (e.ts < lastEnd) continue;
    tasks.push(e);
    lastEnd = e.ts + e.dur!;
  }
  // Self time of each event directly or indirectly inside a task, by name.
  const self = new Map<string, { ms: number; count: number }>();
  const add = (name: string, us: number) => {
    const entry = self.get(name) ?? { ms: 0, count: 0 };
    entry.ms += us / 1000;
    entry.count++;
    self.set(name, entry);
  };
  let t = 0;
  let busyUs = 0;
  let cpuUs = 0;
  for (const task of tasks) {
    busyUs += task.dur!;
    cpuUs += task.tdur ?? task.dur!;
    const end = task.ts + task.dur!;
    while (t < onThread.length && onThread[t]!.ts < task.ts) t++;
    const inside: TraceEvent[] = [];
    for (let j = t; j < onThread.length && onThread[j]!.ts <= end; j++) if (onThread[j] !== task) inside.push(onThread[j]!);
    // self time: each event's duration less its direct children's
    const stack: TraceEvent[] = [];
    const childUs = new Map<TraceEvent, number>();
    let topChildrenUs = 0;
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) childUs.set(parent, (childUs.get(parent) ?? 0) + e.dur!);
      else topChildrenUs += e.dur!;
      stack.push(e);
    }
    for (const e of inside) add(e.name, e.dur! - (childUs.get(e) ?? 0));
    add('(self time of the top-level event)', task.dur! - topChildrenUs);
  }
  const spanMs = (to - from) / 1000;
  if (screen) {
    const scannerAfterMs = timing.startedAt - timing.loadedAt;
    console.log(`${PARAGRAPHS} dense paragraphs: first screen ${spanMs.toFixed(0)} ms (content script start → last of ${screen.marks} marks in the window), scanner started after ${scannerAfterMs.toFixed(0)} ms`);
  } else {
    console.log(`${PARAGRAPHS} dense paragraphs: list ${spanMs.toFixed(0)} ms (scanner start → all found), finding slices ${timing.findMs?.toFixed(0)} ms in ${timing.slices} slices`);
  }
  console.log(`main thread in that span: ${tasks.length} tasks, ${(busyUs / 1000).toFixed(0)} ms wall, ${(cpuUs / 1000).toFixed(0)} ms thread time; idle ${(spanMs - busyUs / 1000).toFixed(0)} ms`);
  const rows = [...self].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
  for (const [name, { ms, count }] of rows) console.log(`  ${ms.toFixed(0).padStart(6)} ms ${String(count).padStart(6)}× ${name}`);
  const top = new Map<string, number>();
  for (const task of tasks) top.set(task.name, (top.get(task.name) ?? 0) + task.dur! / 1000);
  console.log('top-level:', [...top].sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join('; '));
  if (screen) {
    // The span is short: the tasks over 2 ms in order, each with its largest event inside.
    for (const task of tasks) {
      if (task.dur! < 2000) continue;
      const end = task.ts + task.dur!;
      const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
      const largestInside = inside.sort((a, b) => b.dur! - a.dur!)[0];
      const what = largestInside ? `${largestInside.name} ${(largestInside.dur! / 1000).toFixed(1)} ms` : '';
      console.log(`  +${((task.ts - from) / 1000).toFixed(0).padStart(5)} ms ${(task.dur! / 1000).toFixed(1).padStart(6)} ms ${task.name}  ${what}`);
    }
  }
  const longest = [...tasks].sort((a, b) => b.dur! - a.dur!).slice(0, 5);
  console.log('longest tasks (ms):', longest.map((task) => (task.dur! / 1000).toFixed(1)).join(', '));
  if (profile) {
    // The profile's clock is the trace's (microseconds of the same monotonic clock).
    console.log('CPU profile in that span, self time:');
    console.log(largest(selfTimes(profile, undefined, from, to), 30));
  }
}

await main();
