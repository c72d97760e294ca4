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
