/**
 * Which documents a sentence speaks of, and where in it: the references it holds (the grammar),
 * the references in the footnotes it calls, and documents of the dataset named without a number,
 * by an alias ("ETIAS", "the Cybersecurity Act") or their full title.
 */
import type { Reference } from '../references/types';
import type { DatasetDocument } from '../storage/dataset/schema';
import type { Sentence } from './sentences';

export interface Tie {
  document: string;
  /** offset in the sentence the tie stands at */
  at: number;
  end: number;
  how: 'reference' | 'footnote' | 'alias' | 'title';
  reference?: Reference;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface NameIndex {
  find(sentence: string): { document: string; start: number; end: number; how: 'alias' | 'title' }[];
}

/** Names of the dataset's documents as patterns; built once per report. */
export function nameIndex(documents: readonly DatasetDocument[]): NameIndex {
  const patterns: { document: string; re: RegExp; how: 'alias' | 'title' }[] = [];
  for (const doc of documents) {
    for (const alias of doc.aliases) {
      if (alias.length < 3) continue;
      // acronyms count only as written; names of several words in any case
      const flags = /^[A-Z0-9-]+$/.test(alias) ? 'g' : 'gi';
      patterns.push({ document: doc.id, re: new RegExp(`(?<![\\w-])${alias.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\w-])`, flags), how: 'alias' });
    }
    if (doc.title !== doc.id && doc.title.length >= 25 && !/^(?:COM|JOIN|SWD|SEC|C)\(/.test(doc.title)) {
      patterns.push({ document: doc.id, re: new RegExp(escapeRegExp(doc.title), 'gi'), how: 'title' });
    }
  }
  return {
    find(sentence) {
      const out: { document: string; start: number; end: number; how: 'alias' | 'title' }[] = [];
      for (const p of patterns) {
        p.re.lastIndex = 0;
        for (const m of sentence.matchAll(p.re)) out.push({ document: p.document, start: m.index, end: m.index + m[0].length, how: p.how });
      }
      return out;
    },
  };
}

/**
 * The ties of one sentence. `footnoteRefs` gives the references of each footnote by number; a
 * name inside a reference's own words ("Regulation (EU) 2018/1240 (ETIAS)") adds nothing.
 */
export function sentenceTies(
  sentence: Sentence,
  refs: readonly Reference[],
  footnoteRefs: ReadonlyMap<number, readonly Reference[]>,
  names: NameIndex,
): Tie[] {
  const ties: Tie[] = refs.map((r) => ({ document: r.id, at: r.start, end: r.end, how: 'reference', reference: r }));
  for (const call of sentence.calls) {
    for (const r of footnoteRefs.get(call.number) ?? []) {
      if (r.type === 'procedure') continue; // a procedure number beside a proposal names the same file
      ties.push({ document: r.id, at: call.at, end: call.at, how: 'footnote', reference: r });
    }
  }
  for (const n of names.find(sentence.text)) {
    if (ties.some((t) => t.how === 'reference' && t.at <= n.start && n.end <= t.end)) continue;
    if (ties.some((t) => t.document === n.document && t.how !== 'footnote')) continue;
    ties.push({ document: n.document, at: n.start, end: n.end, how: n.how });
  }
  return ties.sort((a, b) => a.at - b.at);
}
