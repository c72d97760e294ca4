/**
 * A block of a report as the page renders it: runs of text, each inside the highlighted passage
 * or not, and the footnote calls between them, in reading order. Pure, so it can be tested
 * without a DOM.
 */
export type Piece = { kind: 'text'; text: string; marked: boolean } | { kind: 'call'; number: number };

export interface Span {
  start: number;
  end: number;
}

/** `calls[i].at` is the offset in `text` the call follows (evidence/report-file.ts). */
export function blockPieces(text: string, calls: readonly { number: number; at: number }[] = [], highlight?: Span): Piece[] {
  const pieces: Piece[] = [];
  const cuts = new Set<number>([0, text.length]);
  for (const call of calls) cuts.add(Math.min(Math.max(call.at, 0), text.length));
  if (highlight) {
    cuts.add(Math.max(0, highlight.start));
    cuts.add(Math.min(text.length, highlight.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const callsAt = new Map<number, number[]>();
  for (const call of [...calls].sort((a, b) => a.at - b.at)) {
    const at = Math.min(Math.max(call.at, 0), text.length);
    callsAt.set(at, [...(callsAt.get(at) ?? []), call.number]);
  }
  points.forEach((point, i) => {
    for (const number of callsAt.get(point) ?? []) pieces.push({ kind: 'call', number });
    const next = points[i + 1];
    if (next === undefined || next === point) return;
    const marked = highlight !== undefined && point >= highlight.start && next <= highlight.end;
    pieces.push({ kind: 'text', text: text.slice(point, next), marked });
  });
  return pieces;
}
