/**
 * A block's sentences, each with the footnotes it calls. A call stands after the words it
 * annotates, often after the full stop ("... Directive.21 Although"), so a call within two
 * characters after a sentence's end belongs to that sentence.
 */
import type { Block } from '../evidence/report-file';
import { sentenceStarts } from '../evidence/sentence';

export interface Sentence {
  /** the sentence, a substring of the block's text */
  text: string;
  /** offset of the sentence in the block's text */
  start: number;
  /** footnotes called, with their offsets in the sentence */
  calls: { number: number; at: number }[];
}

export function splitSentences(block: Block): Sentence[] {
  const text = block.text;
  const starts = sentenceStarts(text);
  const sentences: Sentence[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const raw = text.slice(from, starts[i + 1] ?? text.length);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s !== '') sentences.push({ text: s, start: from + lead, calls: [] });
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
