/**
 * The act windows (references/act-windows.ts) rest on what the act expression can read: no digit
 * before its number, a number part of bounded length, one lookbehind of one code point. These
 * tests hold the expression to that, so that a change of the grammar that breaks it fails here
 * (and in the equivalence test) rather than silently dropping references.
 */
import { describe, expect, it } from 'vitest';
import { actGrammarFor } from '../../../references/act-grammar';
import { actWindows } from '../../../references/act-windows';
import { AFTER_WORDS, AUTHORS, COMPOUNDS, DECISION, DIRECTIVE, FRAMEWORK_DECISION, HUNGARIAN, KINDS, REGULATION } from '../../../references/act-words';
import { stemOf } from '../../../references/stems';

/** The act expression with every word in it. */
function fullActSource(): string {
  const lists = [FRAMEWORK_DECISION, DIRECTIVE, REGULATION, DECISION, AUTHORS, KINDS, COMPOUNDS, AFTER_WORDS, HUNGARIAN];
  const text = `${lists.flat().map(stemOf).join(' ')} 2002/584`;
  const act = actGrammarFor(text).act;
  if (!act) throw new Error('no act expression');
  return act.source;
}

/** The number part, whose reach NUMBER_REACH counts: 4 digits, "/", 4 digits, "/", 8 letters, a 2-unit lookahead. */
const NUMBER_PART = '(\\d{1,4})\\/(\\d{1,4})(?:\\/(\\p{Lu}[\\p{L}]{0,7}))?(?![\\p{L}\\p{N}]|\\/\\d|[.,]\\d)';

describe('the act expression, as the windows need it', () => {
  const source = fullActSource();
  const numberAt = source.indexOf(NUMBER_PART);

  it('ends with the number part the windows reach over', () => {
    expect(numberAt).toBeGreaterThan(0);
    expect(source.slice(numberAt)).toBe(NUMBER_PART);
  });

  it('reads no digit before its number', () => {
    const lookbehind = '(?<![\\p{L}\\p{N}])'; // reads before the match, not in it
    expect(source.startsWith(lookbehind)).toBe(true);
    const before = source
      .slice(lookbehind.length, numberAt)
      .replace(/\\u[0-9a-fA-F]{4}/g, '') // \u2010 names a hyphen
      .replace(/\{\d+(?:,\d*)?\}/g, ''); // {0,3} is a count
    // what could match an ASCII digit: \d \w \S \P{..} \p{N..}, [^..], ".", a digit
    expect(before).not.toMatch(/\\[dwSP]|\\p\{N|\[\^|(?<!\\)\.|[0-9]/);
  });

  it('looks behind once, at its start, over one character', () => {
    expect(source.startsWith('(?<![\\p{L}\\p{N}])')).toBe(true);
    expect(source.split('(?<').length).toBe(2);
  });
});

describe('actWindows', () => {
  it('spans from after the last digit before a number to the number, with the slice around it', () => {
    const text = 'Article 5 of Directive (EU) 2016/680 applies to the processing of personal data.';
    const start = text.indexOf(' of');
    const d = text.indexOf('2016');
    expect(actWindows(text)).toEqual([{ start, end: d, from: start - 2, to: d + 28 }]);
  });

  it('leaves out numbers that no act can have', () => {
    expect(actWindows('12345/2016, 2016/x, 2016/ 1, /2016')).toEqual([]);
    expect(actWindows('2016/679 at the start')).toEqual([]);
  });

  it('joins windows whose slices overlap', () => {
    const text = 'Regulations (EU) 2016/679 and (EU) 2018/1725';
    expect(actWindows(text)).toEqual([{ start: 0, end: text.indexOf('2018'), from: 0, to: text.length }]);
  });
});
