import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../../storage/annotations/csv';
import { BULGARIAN, GREEK } from './helpers';

const parseRow = (line: string): string[] => {
  const result = Papa.parse<string[]>(line, { header: false, newline: '\r\n', delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data[0]!;
};

/** What a spreadsheet shows for a cell written from `value`. */
const defused = (value: string) => (/^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/.test(value) ? `'${value}` : value);

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['\t=1', "'\t=1"],
    [' =1', "' =1"],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [GREEK, GREEK],
    [BULGARIAN, BULGARIAN],
    ['', ''],
  ])('%j is written %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers as numbers and nothing for null', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('a row ends with CRLF and reads back cell for cell', () => {
    const cells = ['=cmd|/C calc!A0', 'Κανονισμός (ΕΕ) 2018/1240, "ETIAS"', 'Регламент\nред 2', '@x', '+y', '-z'];
    const line = csvRow(cells);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(parseRow(line)).toEqual(cells.map(defused));
  });

  it('any text survives a round trip through a CSV parser (defused where it would be a formula)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 2, maxLength: 6 }), (cells) => {
        expect(parseRow(csvRow(cells))).toEqual(cells.map(defused));
      }),
      { numRuns: 300 },
    );
  });

  it('no written cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (value) => {
        const shown = parseRow(csvRow([value, 'x']))[0]!;
        expect(/^[=+\-@\t\r]/.test(shown)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
