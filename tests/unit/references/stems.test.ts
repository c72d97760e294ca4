/**
 * The stems that decide which words of the acts grammar a text can hold (references/stems.ts).
 * Pruning is only exact if every match of a word holds its stem, and if the scan, which reports
 * one stem per position, never has two stems matching the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFTER_WORDS, AUTHORS, COMPOUNDS, DECISION, DIRECTIVE, FRAMEWORK_DECISION, HUNGARIAN, KINDS, REGULATION } from '../../../references/act-words';
import { fitsLowerCaseScan, FOLDS_APART, StemScanner, stemOf } from '../../../references/stems';

const WORDS = [FRAMEWORK_DECISION, DIRECTIVE, REGULATION, DECISION, AUTHORS, KINDS, COMPOUNDS, AFTER_WORDS, HUNGARIAN].flat();
const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

describe('stemOf', () => {
  it('takes required literal text only', () => {
    expect(stemOf('directives?')).toBe('directiv');
    expect(stemOf('c(?:h)?inn(?:eadh|idh)')).toBe('inn');
    expect(stemOf('r[èe]glements?')).toBe('glement');
    expect(stemOf('Council')).toBe('council');
    expect(stemOf('Rady')).toBe('rady');
    expect(stemOf('ab?c')).toBeNull();
    expect(stemOf('(?:x|y)z')).toBeNull();
    expect(() => stemOf('a|b')).toThrow();
  });

  it('gives every word of the acts grammar a stem that each of its matches holds', () => {
    for (const word of WORDS) {
      const stem = stemOf(word);
      expect(stem, word).not.toBeNull();
      // sample matches drawn from the word's own expression (in its written case) hold the stem
      const re = new RegExp(`^(?:${word})$`, 'u');
      const samples = fc.sample(fc.stringMatching(re), 5);
      for (const s of samples) expect(new RegExp(escape(stem as string), 'iu').test(s), `${word}: ${s}`).toBe(true);
    }
  }, 60_000);

  it('stems are written in lower case and match the text they were taken from', () => {
    for (const word of WORDS) {
      const stem = stemOf(word) as string;
      expect(stem).toBe(stem.toLowerCase());
      // and so the grammar's scans take the lower-case path wherever a text allows it
      expect(fitsLowerCaseScan(stem), stem).toBe(true);
    }
  });
});

describe('StemScanner', () => {
  const stems = [...new Set(WORDS.map((w) => stemOf(w) as string))];

  it('one stem begins with another under `iu` only where it does as a string (so the scan reports every stem)', () => {
    for (const a of stems) {
      for (const b of stems) {
        if (a !== b) expect(new RegExp(`^${escape(a)}`, 'iu').test(b), `${a} ~ ${b}`).toBe(b.startsWith(a));
      }
    }
  });

  it('finds overlapping stems and stems in other cases', () => {
    const scanner = new StemScanner(['dir', 'ire', 'cou', 'direct']);
    expect([...scanner.scan('DIRective, COUNCIL')].sort()).toEqual(['cou', 'dir', 'direct', 'ire']);
    expect([...scanner.scan('dirge')]).toEqual(['dir']);
    // "ſ" is "s" under the `iu` flags
    expect([...new StemScanner(['ses']).scan('ſeſ')]).toEqual(['ses']);
  });

  it('says which stem each match is as a group per stem would, whatever the case, the folding or the text seen before', () => {
    /** The scan with one group per stem, on every match: what the scanner must agree with. */
    const grouped = (text: string) => {
      const sorted = [...stems].sort((a, b) => b.length - a.length);
      const re = new RegExp(sorted.map((stem) => `(${escape(stem)})`).join('|'), 'giu');
      const found = new Set<string>();
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const stem = sorted[m.findIndex((group, g) => g > 0 && group !== undefined) - 1]!;
        for (const other of sorted) if (stem.startsWith(other)) found.add(other);
        re.lastIndex = m.index + 1;
      }
      return [...found].sort();
    };
    // Pieces of the stems, in any case, with the letters `iu` folds unlike toLowerCase.
    const piece = fc.oneof(
      fc.constantFrom(...stems),
      fc.constantFrom(...stems).map((stem) => stem.toUpperCase()),
      fc.constantFrom(...stems).map((stem) => stem.slice(0, 1).toUpperCase() + stem.slice(1, -1)),
      fc.constantFrom(' ', '-', 'ſ', '\u212a', 'Σ', 'ς', 'İ', 'ß', 'ẞ', 'e', 'S', 'µ', 'ϐ', '\u1c80', '\u1fbe', 'ẛ', 'ΐ', 'Ά', 'Κ', '😀'),
    );
    // One scanner for every run: what it learnt of the texts before must not change its answer.
    const scanner = new StemScanner(stems);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect([...scanner.scan(text)].sort()).toEqual(grouped(text));
      }),
      { numRuns: 400 },
    );
  });

  it('scans the lower case of a text only where it shows the stems `iu` matches (FOLDS_APART), for every letter a stem may hold', () => {
    let bmp = '';
    for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) bmp += String.fromCharCode(code);
    const safe = [...bmp].filter((c) => !FOLDS_APART.test(c));
    // every character outside the list lower-cases to one code unit, whatever comes around it
    for (const c of safe) {
      const lower = c.toLowerCase();
      expect(lower.length, c).toBe(1);
      expect(`A${c} `.toLowerCase(), c).toBe(`a${lower} `);
      expect(`A${c}A`.toLowerCase(), c).toBe(`a${lower}a`);
    }
    // the letters a stem may hold for the lower-case scan
    const letters = [...bmp].filter((x) => x.toLowerCase() === x && fitsLowerCaseScan(x));
    const safeSet = new Set(safe);
    const byLowerCase = new Map<string, string[]>();
    for (const c of safe) byLowerCase.set(c.toLowerCase(), [...(byLowerCase.get(c.toLowerCase()) ?? []), c]);
    for (const x of letters) {
      // what `iu` matches as x, outside the list, is exactly what lower-cases to x
      const matched = [...bmp.matchAll(new RegExp(`[${escape(x)}]`, 'giu'))].map((m) => m[0]).filter((c) => safeSet.has(c));
      expect(matched.sort(), x).toEqual([...(byLowerCase.get(x) ?? [])].sort());
    }
  });
});
