/**
 * The sentence of a block's text that holds a span (a reference), for quotes the builder gives
 * mechanically. A sentence ends at ".", "!" or "?" (and any closing quote or bracket) before a
 * space and a capital, digit, quotation mark or bracket, except after an abbreviation the reports
 * use ("e.g.", "No.", "p.", "Art.") or an initial.
 */

const END = /[.!?]["'’”)\]]*\s+(?=[A-Z0-9"“‘'(])/g;
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|No|Nos|p|pp|Art|Arts|para|cf|etc|vs|Mr|Ms|Dr|St|[A-Z])\.["'’”)\]]*\s+$/;

/** Offsets where sentences start in `text` (the first is 0). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(END)) {
    const end = m.index + m[0].length;
    if (ABBREVIATION.test(text.slice(Math.max(0, m.index - 6), end))) continue;
    starts.push(end);
  }
  return starts;
}

/** The sentence, or run of sentences, that covers `start`..`end`. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number; text: string } {
  const starts = sentenceStarts(text);
  let from = 0;
  let to = text.length;
  for (const s of starts) {
    if (s <= start) from = s;
    else if (s >= end) {
      to = s;
      break;
    }
  }
  const sentence = text.slice(from, to).trimEnd();
  return { start: from, end: from + sentence.length, text: sentence };
}
