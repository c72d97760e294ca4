/**
 * Main-thread time attributed to the extension from a Chromium trace: the sum of the renderer
 * main thread's top-level tasks inside which any extension script ran (a FunctionCall,
 * EvaluateScript, TimerFire, ... whose script URL is chrome-extension://ID/...). An upper bound of
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
  const byThread = new Map<string, { tasks: TraceEvent[]; marks: number[] }>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    let entry = byThread.get(key);
    if (!entry) byThread.set(key, (entry = { tasks: [], marks: [] }));
    if (e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined) entry.tasks.push(e);
    else if (mentionsExtension(e, prefix)) entry.marks.push(e.ts);
  }
  let totalUs = 0;
  let cpuUs = 0;
  let longestUs = 0;
  let count = 0;
  for (const { tasks, marks } of byThread.values()) {
    if (marks.length === 0) continue;
    marks.sort((a, b) => a - b);
    tasks.sort((a, b) => a.ts - b.ts);
    // Top-level tasks only: drop any task nested in the previous kept one.
    let lastEnd = -Infinity;
    let m = 0;
    for (const task of tasks) {
      if (task.ts < lastEnd) continue;
      const end = task.ts + task.dur!;
      lastEnd = end;
      while (m < marks.length && marks[m]! < task.ts) m++;
      if (m < marks.length && marks[m]! <= end) {
        totalUs += task.dur!;
        cpuUs += task.tdur ?? task.dur!;
        longestUs = Math.max(longestUs, task.dur!);
        count++;
      }
    }
  }
  return { totalMs: totalUs / 1000, cpuMs: cpuUs / 1000, longestMs: longestUs / 1000, tasks: count };
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
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    let tasks = byThread.get(key);
    if (!tasks) byThread.set(key, (tasks = []));
    tasks.push(e);
  }
  let cpuUs = 0;
  let wallUs = 0;
  let count = 0;
  for (const tasks of byThread.values()) {
    tasks.sort((a, b) => a.ts - b.ts);
    let lastEnd = -Infinity;
    for (const task of tasks) {
      if (task.ts < lastEnd) continue;
      lastEnd = task.ts + task.dur!;
      cpuUs += task.tdur ?? task.dur!;
      wallUs += task.dur!;
      count++;
    }
  }
  return { cpuMs: cpuUs / 1000, wallMs: wallUs / 1000, tasks: count, threads: mainThreads };
}
