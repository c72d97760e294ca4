/**
 * The act windows (references/act-windows.ts) rest on what the act expression can read: no digit
 * before its number, a number part of bounded length, one lookbehind of one code point, and what
 * its words, qualifier and number mark can hold. These tests hold the expression to that, so that
 * a change of the grammar that breaks it fails here (and against its golden record) rather than
 * silently dropping references.
 */
import { describe, expect, it } from 'vitest';
import { actGrammarFor } from '../../../references/act-grammar';
import { actWindows, isMarkTail, isSpace, STOP_CHARS } from '../../../references/act-windows';
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

/**
 * What stands between the words and the number: the qualifier, whose "(", ")", "," and "/" the
 * windows count on, and the number mark, after whose "." only `[\sºo°s.]` can follow.
 */
const QUALIFIER_AND_MARK =
  '\\s*(?:(\\(\\s*\\p{Lu}[\\p{L}]{1,7}(?:\\s*[,/]\\s*\\p{Lu}[\\p{L}]{1,7})*\\s*\\))\\s*)?' +
  '((?:n\\.\\s?[ºo°]s?|n[º°]s?|n:o|nos?|nrs?|nru|nn|n|č|br|št|sz|αριθ|αρ|№|uimh|núm|nro)\\.?\\s*)?';

/** A source with what cannot stand for a character taken out: \u escapes and {m,n} counts. */
const atomsOf = (source: string) => source.replace(/\\u[0-9a-fA-F]{4}/g, '').replace(/\{\d+(?:,\d*)?\}/g, '');

/** The classes the expression matches characters with, outside literal ones, as they match under `iu`. */
const CLASSES = /[\p{L}\p{Pd}\s]/iu;

describe('the act expression, as the windows need it', () => {
  const source = fullActSource();
  const numberAt = source.indexOf(NUMBER_PART);
  const tailAt = source.indexOf(QUALIFIER_AND_MARK + NUMBER_PART);
  const lookbehind = '(?<![\\p{L}\\p{N}])'; // reads before the match, not in it
  const words = atomsOf(source.slice(lookbehind.length, tailAt));

  it('ends with the number part the windows reach over', () => {
    expect(numberAt).toBeGreaterThan(0);
    expect(source.slice(numberAt)).toBe(NUMBER_PART);
  });

  it('matches characters before its number only with literals, \\s, \\p{L}, \\p{Lu} and \\p{Pd}', () => {
    expect(source.startsWith(lookbehind)).toBe(true);
    const before = atomsOf(source.slice(lookbehind.length, numberAt));
    // what could match about anything: \d \w \W \D \S \P{..} \p{N..} \p{Any..}, [^..], "."
    expect(before).not.toMatch(/\\[dwWDSP]|\\p\{(?!L\}|Lu\}|Pd\})|\[\^|(?<!\\)\./);
  });

  it('holds no digit nor any of STOP_CHARS before its number', () => {
    // syntax that is no character: group openings, \p{..}
    const before = atomsOf(source.slice(lookbehind.length, numberAt))
      .replace(/\(\?(?:<?[=!]|:)/g, '(')
      .replace(/\\[pP]\{[^}]*\}/g, '');
    expect(before).not.toMatch(/[0-9]/);
    const classes = (before.match(/\[(?:[^\]\\]|\\.)*\]/g) ?? []).map((c) => c.slice(1, -1));
    for (const ch of STOP_CHARS) {
      // a syntax character stands for itself only escaped, or in a class
      const literal = '?[]{}*+|^'.includes(ch) ? `\\${ch}` : ch;
      expect(before.includes(literal), ch).toBe(false);
      for (const c of classes) expect(c.includes(ch), `${ch} in [${c}]`).toBe(false);
      expect(CLASSES.test(ch), ch).toBe(false);
    }
    for (let c = 0x30; c <= 0x39; c++) expect(CLASSES.test(String.fromCharCode(c))).toBe(false);
  });

  it('has its qualifier and number mark right before the number, and none of their punctuation in its words', () => {
    expect(tailAt).toBeGreaterThan(0);
    expect(words).not.toMatch(/\\[.()/]|[,/]/);
    for (const c of words.match(/\[(?:[^\]\\]|\\.)*\]/g) ?? []) expect(c).not.toMatch(/[.,/()]/);
    for (const ch of '.,/()') expect(CLASSES.test(ch), ch).toBe(false);
  });

  it('looks behind once, at its start, over one character', () => {
    expect(source.startsWith('(?<![\\p{L}\\p{N}])')).toBe(true);
    expect(source.split('(?<').length).toBe(2);
  });
});

describe('the character classes of the windows', () => {
  const units = Array.from({ length: 0x10000 }, (_, c) => c);

  it('isSpace is \\s', () => {
    for (const c of units) expect(isSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('isMarkTail is [\\sºo°s.] under iu', () => {
    for (const c of units) expect(isMarkTail(c), c.toString(16)).toBe(/[\sºo°s.]/iu.test(String.fromCharCode(c)));
  });
});

describe('actWindows', () => {
  it('spans from after the last digit before a number to the number, with the slice around it', () => {
    const text = 'Article 5 of Directive (EU) 2016/680 applies to the processing of personal data.';
    const start = text.indexOf(' of');
    const d = text.indexOf('2016');
    expect(actWindows(text)).toEqual([{ start, end: d, from: start - 2, to: d + 28 }]);
  });

  it('starts after what an act cannot hold where it stands', () => {
    const starts = (text: string) => actWindows(text).map((w) => text.slice(w.start, w.end));
    expect(starts('It applies. In particular, Directive (EU) 2016/680 and')).toEqual([' Directive (EU) ']);
    expect(starts('See the Regulation. No 45/2001 applies')).toEqual([' No ']);
    expect(starts('See Regulation (EC) No. 45/2001')).toEqual(['See Regulation (EC) No. ']);
    expect(starts('(a) the act; Council Decision 2008/615/JHA')).toEqual([' Council Decision ']);
    expect(starts('x (y) (EU) 2016/679')).toEqual([' (EU) ']);
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
