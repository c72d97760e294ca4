import { describe, expect, it } from 'vitest';
import { mainThreadOfExtension, rendererMainThreads, type TraceEvent } from '../../../../scripts/bench/trace';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGE = 'https://eur-lex.europa.eu/bench.html';
const thread = (e: Omit<TraceEvent, 'pid' | 'tid' | 'cat'>): TraceEvent => ({ pid: 1, tid: 2, cat: 'devtools.timeline', ...e });
const task = (ts: number, dur: number, tdur = dur) => thread({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, tdur });
const checkpoint = (ts: number, dur: number, tdur = dur) => thread({ name: 'BlinkScheduler_PerformMicrotaskCheckpoint', ph: 'X', ts, dur, tdur });
const call = (ts: number, url: string) => thread({ name: 'FunctionCall', ph: 'X', ts, dur: 10, args: { data: { url } } });

/**
 * A yielding script as Blink traces it: the `scheduler.postTask` callback in a task of 100 µs, its
 * `await`'s continuation (the slice of work) in the microtask checkpoint after the task, outside it.
 */
function trace(): TraceEvent[] {
  return [
    thread({ name: 'thread_name', ph: 'M', ts: 0, args: { name: 'CrRendererMain' } }),
    // The page's own parsing, naming the page.
    task(1_000, 2_000),
    thread({ name: 'ParseHTML', ph: 'X', ts: 1_100, dur: 500, args: { data: { url: PAGE } } }),
    // The extension's slice: a short task, then 8 ms of microtasks (6 of thread time).
    task(10_000, 100),
    call(10_010, `chrome-extension://${ID}/content-scripts/content.js`),
    checkpoint(10_100, 8_000, 6_000),
    // The page's own task and checkpoint: not the extension's.
    task(30_000, 1_000),
    call(30_010, 'https://eur-lex.europa.eu/page.js'),
    checkpoint(31_000, 4_000),
    // A checkpoint nested in a task counts once.
    task(40_000, 3_000),
    checkpoint(40_500, 1_000),
  ];
}

describe('main-thread time from a trace', () => {
  it('counts the microtask checkpoint after a task with the task, where a yielding script does its work', () => {
    const all = rendererMainThreads(trace(), PAGE);
    expect(all.tasks).toBe(4);
    expect(all.wallMs).toBeCloseTo((2_000 + 100 + 8_000 + 1_000 + 4_000 + 3_000) / 1000);
    expect(all.cpuMs).toBeCloseTo((2_000 + 100 + 6_000 + 1_000 + 4_000 + 3_000) / 1000);
  });

  it("gives the extension its task and the checkpoint after it, and none of the page's", () => {
    const ours = mainThreadOfExtension(trace(), ID);
    expect(ours.tasks).toBe(1);
    expect(ours.totalMs).toBeCloseTo(8.1);
    expect(ours.cpuMs).toBeCloseTo(6.1);
    expect(ours.longestMs).toBeCloseTo(8.1);
  });
});
