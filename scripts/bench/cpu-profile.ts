/**
 * Reading a CPU profile (CDP `Profiler.stop`) for the diagnostics: self time by function, over
 * the whole profile or the samples of one span of it.
 */
/** What is read of a sampled function (CDP's Runtime.CallFrame). */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/** What is read of a profile (CDP's Profiler.Profile). */
interface Profile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A sampled function as "script name:line": "page-scanner.js scan:2858", "(native) (program):-1". */
export function functionName(frame: CallFrame): string {
  return `${frame.url.replace(/.*\//, '') || '(native)'} ${frame.functionName || '(anon)'}:${frame.lineNumber}`;
}

/**
 * Self time in µs by `keyOf` each sample's function; with `from` and `to` (µs of the profile's
 * clock, which is the trace's), only the samples taken between them.
 */
export function selfTimes(profile: Profile, keyOf: (frame: CallFrame) => string = functionName, from = -Infinity, to = Infinity): Map<string, number> {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    const delta = profile.timeDeltas?.[i] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    const key = keyOf(frameOf.get(id)!);
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  return self;
}

/** The `count` largest self times, one line each ("  12.3 ms key"), the idle samples left out. */
export function largest(times: Map<string, number>, count: number): string {
  return [...times]
    .filter(([key]) => !key.includes('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms ${key.slice(0, 100)}`)
    .join('\n');
}
