/**
 * The stems that decide which words of the acts grammar a text can hold (references/stems.ts).
 * Pruning is only exact if every match of a word holds its stem, and if the scan, which reports
 * one stem per position, never has two stems matching the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFTER_WORDS, AUTHORS, COMPOUNDS, DECISION, DIRECTIVE, FRAMEWORK_DECISION, HUNGARIAN, KINDS, REGULATION } from '../../../references/act-words';
import { StemScanner, stemOf } from '../../../references/stems';

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
});
