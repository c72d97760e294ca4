/**
 * Main-thread time attributed to the extension from a Chromium trace: the sum of the renderer
 * main thread's top-level tasks, each with the microtask checkpoint after it (topLevelUnits), inside
 * which any extension script ran (a FunctionCall, EvaluateScript, TimerFire, ... whose script URL
 * is chrome-extension://ID/...). An upper bound of
 * what Eurefs costs the page: the style and layout that run inside those tasks count too.
 * `cpuMs` is the same tasks' thread time (the trace's `tdur`): on a shared machine the wall time
 * of a task grows whenever the renderer is descheduled, its thread time does not, so the CPU
 * figure is the one to compare between two runs.
 */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time of an 'X' event, in µs */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

function mentionsExtension(event: TraceEvent, prefix: string): boolean {
  const data = event.args?.data;
  if (!data) return false;
  for (const key of ['url', 'scriptName', 'sourceURL']) {
    const value = data[key];
    if (typeof value === 'string' && value.startsWith(prefix)) return true;
  }
  const stack = data.stackTrace;
  if (Array.isArray(stack) && stack.some((frame: { url?: string }) => typeof frame?.url === 'string' && frame.url.startsWith(prefix))) return true;
  return false;
}

export function mainThreadOfExtension(events: TraceEvent[], extensionId: string): { totalMs: number; cpuMs: number; longestMs: number; tasks: number } {
  const prefix = `chrome-extension://${extensionId}/`;
  const mainThreads = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  }
  const marks = new Map<string, number[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key) || !mentionsExtension(e, prefix)) continue;
    let list = marks.get(key);
    if (!list) marks.set(key, (list = []));
    list.push(e.ts);
  }
  let totalUs = 0;
  let cpuUs = 0;
  let longestUs = 0;
  let count = 0;
  for (const [key, units] of topLevelUnits(events, new Set(marks.keys()))) {
    const times = marks.get(key)!.sort((a, b) => a - b);
    let m = 0;
    for (const unit of units) {
      while (m < times.length && times[m]! < unit.ts) m++;
      if (m < times.length && times[m]! <= unit.end) {
        totalUs += unit.wallUs;
        cpuUs += unit.cpuUs;
        longestUs = Math.max(longestUs, unit.wallUs);
        count++;
      }
    }
  }
  return { totalMs: totalUs / 1000, cpuMs: cpuUs / 1000, longestMs: longestUs / 1000, tasks: count };
}

const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
const MICROTASK_CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';

/** A top-level task of a thread with the microtask checkpoint that ran right after it. */
interface TaskUnit {
  ts: number;
  /** where its last part ends, µs */
  end: number;
  wallUs: number;
  cpuUs: number;
}

/**
 * Each thread's top-level tasks, in order, each with the microtask checkpoints that ran after it
 * and before the next. Blink runs the checkpoint after a task, outside the task's trace event: the
 * continuation of an `await scheduler.postTask(...)`, where Eurefs does its slices of work, is a
 * microtask, so a task of 0.1 ms (the callback) is followed by a checkpoint of 8 ms (the slice).
 * Counting the tasks alone left out the slices of every yielding script.
 */
function topLevelUnits(events: TraceEvent[], threads: Set<string>): Map<string, TaskUnit[]> {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !(isTask(e) || e.name === MICROTASK_CHECKPOINT)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!threads.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const out = new Map<string, TaskUnit[]>();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const units: TaskUnit[] = [];
    let lastEnd = -Infinity;
    for (const e of list) {
      // Nested in the part before it: already counted there.
      if (e.ts < lastEnd) continue;
      lastEnd = e.ts + e.dur!;
      const part = { wallUs: e.dur!, cpuUs: e.tdur ?? e.dur! };
      const last = units.at(-1);
      if (!isTask(e) && last) {
        last.end = lastEnd;
        last.wallUs += part.wallUs;
        last.cpuUs += part.cpuUs;
      } else units.push({ ts: e.ts, end: lastEnd, ...part });
    }
    out.set(key, units);
  }
  return out;
}

/**
 * Everything the renderers' main threads did in a trace: the thread time (and wall time) of
 * every top-level task. The difference between two runs of the same page and the same actions,
 * one with Eurefs and one with an extension whose content script does nothing, is what Eurefs
 * cost the page: its own tasks, and the style, layout and paint its marks cause in the page's
 * frames, which run in tasks of the browser's, not Eurefs'.
 */
export function rendererMainThreads(
  events: TraceEvent[],
  /** the page's address (its renderer's main thread is the one whose events name it), or the threads found before */
  page: string | Set<string>,
): { cpuMs: number; wallMs: number; tasks: number; threads: Set<string> } {
  let mainThreads = new Set<string>();
  if (typeof page === 'string') {
    const renderers = new Set<string>();
    for (const e of events) {
      if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') renderers.add(`${e.pid}:${e.tid}`);
    }
    // Other renderers (a tab closed a moment before, an extension's page) are not this page's.
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (!renderers.has(key) || mainThreads.has(key) || !e.args) continue;
      if (JSON.stringify(e.args).includes(page)) mainThreads.add(key);
    }
  } else {
    mainThreads = page;
  }
  let cpuUs = 0;
  let wallUs = 0;
  let count = 0;
  for (const units of topLevelUnits(events, mainThreads).values()) {
    for (const unit of units) {
      cpuUs += unit.cpuUs;
      wallUs += unit.wallUs;
      count++;
    }
  }
  return { cpuMs: cpuUs / 1000, wallMs: wallUs / 1000, tasks: count, threads: mainThreads };
}
