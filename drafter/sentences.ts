/**
 * A block's sentences, each with the footnotes it calls. A call stands after the words it
 * annotates, often after the full stop ("... Directive.21 Although"), so a call within two
 * characters after a sentence's end belongs to that sentence.
 */
import type { Block } from '../evidence/report-file';

export interface Sentence {
  /** the sentence, a substring of the block's text */
  text: string;
  /** offset of the sentence in the block's text */
  start: number;
  /** footnotes called, with their offsets in the sentence */
  calls: { number: number; at: number }[];
}

const ABBREVIATION = /(?:\b(?:e\.g|i\.e|No|Nos|Art|cf|p|pp|para|vol|Mr|Ms|Dr|St|etc|viz|approx|incl)|\b[A-Z])\.$/;

export function splitSentences(block: Block): Sentence[] {
  const text = block.text;
  const ends: number[] = [];
  const boundary = /[.!?][”"’')\]]*\s+(?=[A-Z(“"‘'0-9])/g;
  for (const m of text.matchAll(boundary)) {
    const upTo = text.slice(0, m.index + 1);
    if (ABBREVIATION.test(upTo)) continue;
    ends.push(m.index + m[0].trimEnd().length);
  }
  const sentences: Sentence[] = [];
  let start = 0;
  for (const end of [...ends, text.length]) {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s !== '') sentences.push({ text: s, start: start + lead, calls: [] });
    start = end;
  }
  for (const call of block.calls ?? []) {
    const owner =
      sentences.find((s) => call.at > s.start && call.at <= s.start + s.text.length + 2) ??
      sentences.find((s) => call.at >= s.start) ??
      sentences[0];
    if (owner) owner.calls.push({ number: call.number, at: Math.min(owner.text.length, Math.max(0, call.at - owner.start)) });
  }
  return sentences;
}
