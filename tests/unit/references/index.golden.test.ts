/**
 * The grammar finds exactly what its golden record says (tests/data/grammar-golden/, written by
 * `npm run golden:record`, scripts/grammar-golden.ts): the same references, spans, ids, CELEX
 * numbers and addresses on the EUR-Lex fixture pages and the progress reports (whole and line by
 * line), every string of the reference tests, and seeded strings of reference-like pieces in many
 * languages and cases. A change that is meant: record again and read the records' diff.
 */
import { describe, expect, it } from 'vitest';
import { goldenLines, GoldenLine, partsOf, readRecord, RECORDS, type RecordName } from '../../../scripts/grammar-golden';
import { HAVE_FIXTURES, HAVE_REPORTS, NO_FIXTURES, NO_REPORTS } from '../../../scripts/shared-dir';

if (!HAVE_FIXTURES) console.warn(`[grammar golden] the fixture pages' record: ${NO_FIXTURES}`);
if (!HAVE_REPORTS) console.warn(`[grammar golden] the reports' record: ${NO_REPORTS}`);

function show(line: string | undefined): string {
  return line ?? '(no more lines)';
}

/** Where a line of the record points: the input, and the offset of its reference there. */
function placeOf(line: string | undefined): { input: string; offset: number; isInput: boolean } | null {
  if (line === undefined) return null;
  const parsed = GoldenLine.parse(JSON.parse(line));
  return 'in' in parsed ? { input: parsed.in, offset: parsed.start, isInput: false } : { input: parsed.input, offset: 0, isInput: true };
}

/** The first line where the record and the grammar part, told as a reader wants it; null if none. */
function firstDifference(name: RecordName): string | null {
  const { lines: recorded, inputs } = readRecord(name);
  const now = goldenLines(inputs);
  const i = recorded.findIndex((line, k) => line !== now[k]);
  const at = i === -1 ? (now.length > recorded.length ? recorded.length : -1) : i;
  if (at === -1) return null;
  const want = placeOf(recorded[at]);
  const got = placeOf(now[at]);
  // Two input lines that differ: the input changed, not what the grammar finds in it.
  const inputChanged = want?.isInput === true && got?.isInput === true;
  // Else the place of the reference that went, changed or came.
  const place = [want, got].find((p) => p && !p.isInput) ?? want ?? got;
  const texts = new Map(inputs.flatMap(partsOf));
  const text = place ? texts.get(place.input) : undefined;
  const around = text === undefined || !place ? '' : JSON.stringify(text.slice(Math.max(0, place.offset - 40), place.offset + 80));
  return [
    `tests/data/grammar-golden/${RECORDS[name].file}, line ${at + 1}: ` +
      (inputChanged ? 'the input is not the one recorded (its file in ../shared, or the way it is read, changed)' : 'the grammar no longer finds what was recorded'),
    place ? `  input:    ${place.input}, offset ${place.offset}${around ? `: ${around}` : ''}` : '',
    `  recorded: ${show(recorded[at])}`,
    `  now:      ${show(now[at])}`,
    `  (${recorded.length} lines recorded, ${now.length} now; if the change is meant, run npm run golden:record and read the diff)`,
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function expectAsRecorded(name: RecordName): void {
  const { inputs, parsed } = readRecord(name);
  expect(inputs.length, 'inputs recorded').toBeGreaterThan(0);
  expect(parsed.some((line) => 'in' in line), 'references recorded').toBe(true);
  const difference = firstDifference(name);
  if (difference) throw new Error(difference);
}

describe('the grammar finds what its golden record says', () => {
  it.skipIf(!HAVE_FIXTURES)('on the EUR-Lex fixture pages, whole and line by line', { timeout: 30_000 }, () => expectAsRecorded('fixtures'));
  it.skipIf(!HAVE_REPORTS)('on the progress reports, whole and line by line', { timeout: 30_000 }, () => expectAsRecorded('reports'));
  it('on every string of the reference tests', () => expectAsRecorded('testStrings'));
  it('on strings of reference-like pieces in many languages and cases', () => expectAsRecorded('soup'));
  it('on texts that test the edges of the act windows', () => expectAsRecorded('actWindows'));
});
