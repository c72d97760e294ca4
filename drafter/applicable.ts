/**
 * Acts a sentence says apply as of the report, though it names no stage: "the existing Visa
 * Information System[8]", "Under the Schengen evaluation mechanism[26], on-site evaluations ...
 * take place", "EU law already provides for standards ...[16]". The reports state an act's
 * application as background in these words, without a date.
 */
import { FORECAST } from './stage-cues';
import type { Tie } from './ties';

/** Reference types (and kinds) of acts. */
export const ACT_TYPES: ReadonlySet<string> = new Set(['regulation', 'directive', 'decision', 'framework-decision']);

export interface Applying {
  tie: Tie;
  /** the words that say so */
  start: number;
  end: number;
}

/** `kindOf` gives the kind of a document tied by its alias, which carries no reference to tell. */
export function applyingActs(sentence: string, ties: readonly Tie[], kindOf: (document: string) => string = () => 'unknown'): Applying[] {
  const acts = ties.filter((t) => ACT_TYPES.has(t.reference?.type ?? '') || (!t.reference && ACT_TYPES.has(kindOf(t.document))));
  if (acts.length === 0) return [];
  const out: Applying[] = [];
  const add = (tie: Tie, start: number, end: number) => {
    if (!out.some((o) => o.tie.document === tie.document)) out.push({ tie, start, end });
  };
  // "the existing X": the act named (or its footnote called) within the same noun phrase
  for (const m of sentence.matchAll(/\bthe existing\b/gi)) {
    const end = m.index + m[0].length;
    const tie = acts.find((t) => t.at >= end && t.at - end <= 60 && !/[.,;:()]/.test(sentence.slice(end, t.at)));
    if (tie) add(tie, m.index, end);
  }
  if (!FORECAST.test(sentence)) {
    // "Under the Schengen evaluation mechanism[26], on-site evaluations ... take place"
    const under = /^Under (?:the )?[^,;]{0,160}?,/.exec(sentence);
    if (under) for (const t of acts) if (t.at <= under[0].length) add(t, 0, under[0].length);
    // "EU law already provides for standards ...[16]"
    const already = /\balready (?:provides?|lays? down|sets? out|requires?)\b/i.exec(sentence);
    if (already) for (const t of acts) add(t, already.index, already.index + already[0].length);
  }
  return out;
}
