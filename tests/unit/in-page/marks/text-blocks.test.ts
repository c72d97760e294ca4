import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAY_HOLD_REFERENCE } from '../../../../in-page/marks/text-blocks';

/** The prefilter as first written, case-insensitive under Unicode folding. */
const WITH_FLAGS = new RegExp(MAY_HOLD_REFERENCE.source.replace('mnckdMNCKD\\u212a', 'mnckd').replace(/%3\[aA\]/g, '%3a').replace('a-zA-Z\\u017f\\u212a', 'a-z'), 'iu');

describe('the prefilter without flags', () => {
  it('is the iu form spelled out', () => {
    expect(MAY_HOLD_REFERENCE.flags).toBe('');
    expect(WITH_FLAGS.source).toBe(String.raw`\d\/\d|[mnckd]\s*\(\s*\d\d|(?:19|20)\d\d\s*\(\s*\d|(?::|%3a)\d{4}(?::|%3a)\d|[035](?:19|20)\d\d[a-z]{1,2}\d{4}`);
  });

  it('matches every character the iu form matches in each letter position', () => {
    // Every code point of the Basic Multilingual Plane in place of the letters.
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`${c}(2017`, `32016${c}0679`, `32016a${c}0679`, `CELEX%3${c}2016%3a1`]) {
        if (WITH_FLAGS.test(text) !== MAY_HOLD_REFERENCE.test(text)) expect.fail(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
  });

  it('agrees with the iu form on mixed text', () => {
    const piece = fc.constantFrom('COM', 'com', 'C', 'K', '\u212a', '\u017f', '(', ' ', '\u00a0', '2017', '19', '/', ':', '%3A', '%3a', 'R', 'r', '0679', 'x', '5');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(MAY_HOLD_REFERENCE.test(text)).toBe(WITH_FLAGS.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});
