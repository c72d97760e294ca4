import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../../storage/import/json';
import { prepareImport } from '../../../../storage/import/pipeline';
import { english } from '../../../../i18n/english';
import { say } from '../../../../i18n/phrase';
import { formatProblem, type ImportProblem } from '../../../../storage/import/problems';
import { validateDataset } from '../../../../storage/import/validate';
import { bundledDataset, bytes, dataset, doc, jsonBytes, REPORT } from './helpers';
import { wordsIn } from '../../i18n/helpers';

/** A problem as a script prints it, from the English catalogue. */
const inEnglish = (problem: ImportProblem) => formatProblem(problem, english);
const errorsOf = async (value: unknown) => (await validateDataset(value)).errors.map(inEnglish);

describe('validating an import', () => {
  it('accepts the bundled dataset without an error', async () => {
    const result = await validateDataset(JSON.parse(JSON.stringify(bundledDataset())));
    expect(result.errors).toEqual([]);
    expect(result.dataset?.documents.length).toBe(bundledDataset().documents.length);
  });

  it('reports malformed JSON with its line and column', () => {
    const outcome = parseJsonText('{\n  "schemaVersion": 1,\n  "version": "x",,\n}');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(say(english, outcome.problem.place)).toBe('line 3, column 18');
      expect(say(english, outcome.problem.message)).toMatch(/not valid JSON/);
    }
    const cut = parseJsonText('{"schemaVersion": 1, "documents": [');
    expect(cut.ok).toBe(false);
  });

  it('says when a file is HTML, empty or not UTF-8', async () => {
    expect(inEnglish((await prepareImport(bytes('<!doctype html><title>404</title>'), { name: 'x.json' })).errors[0]!)).toMatch(/web page \(HTML\)/);
    expect(inEnglish((await prepareImport(bytes('   '), { name: 'x.json' })).errors[0]!)).toMatch(/empty/);
    expect(inEnglish((await prepareImport(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { name: 'x.json' })).errors[0]!)).toMatch(/UTF-8/);
  });

  it('still reads a format 1 file, which has no quotes and no outside facts, as format 2', async () => {
    const v1 = { ...dataset('v', []), schemaVersion: 1 };
    expect(await errorsOf(v1)).toEqual([]);
    const outcome = await validateDataset(v1);
    expect(outcome.dataset?.schemaVersion).toBe(2);
  });

  it('refuses a future or wrong schema version in one clear sentence', async () => {
    const future = await errorsOf({ ...dataset('v', []), schemaVersion: 3 });
    expect(future).toEqual([expect.stringMatching(/^schemaVersion.*format 3, newer than this version of Eurefs reads \(2\)/)]);
    expect(await errorsOf({ ...dataset('v', []), schemaVersion: 0 })).toEqual([expect.stringMatching(/format 0 is unknown/)]);
    expect(await errorsOf({ ...dataset('v', []), schemaVersion: '1' })).toEqual([expect.stringMatching(/format "1" is unknown/)]);
    const { schemaVersion: _omit, ...noVersion } = dataset('v', []);
    void _omit;
    expect(await errorsOf(noVersion)).toEqual([expect.stringMatching(/schemaVersion 2 is missing/)]);
    expect(await errorsOf([])).toEqual([expect.stringMatching(/not a Eurefs dataset/)]);
  });

  it('finds duplicate ids, ids that do not parse and ids not written canonically', async () => {
    const errors = await errorsOf(
      dataset('v', [doc('COM(2017) 793'), doc('COM(2017) 793'), doc('not an id'), doc('COM (2017) 0794 final')]),
    );
    expect(errors).toContain('documents[1].id, document "COM(2017) 793", field id: appears twice: the same id is also at documents[0]');
    expect(errors.some((e) => e.startsWith('documents[2].id') && /"not an id" is not a reference Eurefs can read/.test(e))).toBe(true);
    expect(errors.some((e) => e.startsWith('documents[3].id') && /write "COM\(2017\) 794"/.test(e))).toBe(true);
  });

  it('checks that the type matches the id', async () => {
    const errors = await errorsOf(dataset('v', [doc('32017L0541')]));
    expect(errors).toEqual([expect.stringMatching(/documents\[0\]\.type.*says "com", but "32017L0541" is a reference of type "directive"/)]);
  });

  it('explains impossible dates, unknown stages, missing and unknown fields in words', async () => {
    const bad = doc('COM(2018) 640');
    const errors = await errorsOf(
      dataset('v', [
        {
          ...bad,
          date: '2018-02-30',
          events: [{ ...bad.events[0]!, date: '2018-13', stage: 'in-trilogue' as never }],
          title: '',
          colour: 'red',
        } as never,
      ]),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'documents[0].date, document "COM(2018) 640", field date: should be a day that exists in the calendar; "2018-02-30" is not',
        'documents[0].events[0].date, document "COM(2018) 640", event 1, field date: should be a date written YYYY-MM-DD or YYYY-MM, but is "2018-13"',
        expect.stringMatching(/events\[0\]\.stage.*"in-trilogue" is not one of the allowed values: announced, proposed, in-negotiation/),
        'documents[0].title, document "COM(2018) 640", field title: must not be empty',
        expect.stringMatching(/documents\[0\]\.colour, document "COM\(2018\) 640", field colour: unknown field "colour"/),
      ]),
    );
  });

  it('treats __proto__ and constructor keys as unknown fields, and pollutes nothing', async () => {
    const text = `{"schemaVersion":1,"version":"v","reports":[],"__proto__":{"polluted":true},"documents":[{"id":"COM(2017) 793","type":"com","kind":"k","title":"t","constructor":{"prototype":{"polluted":true}},"__proto__":{"polluted":true}}]}`;
    const prepared = await prepareImport(bytes(text), { name: 'evil.json' });
    expect(prepared.dataset).toBeNull();
    expect(prepared.errors.map(inEnglish)).toEqual(
      expect.arrayContaining([expect.stringMatching(/unknown field "__proto__"/), expect.stringMatching(/documents\[0\].*unknown fields "constructor", "__proto__"/)]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('warns about events dated after their report, statuses going backwards and markup in titles', async () => {
    const result = await validateDataset(
      dataset('v', [
        doc('COM(2018) 640', 'adopted', {
          title: '<img src=x onerror=alert(1)><script>alert(1)</script>',
          events: [
            { date: '2018-05-01', stage: 'adopted', institution: 'Council', label: 'Adopted', source: { report: REPORT.id, section: 'II' } },
            { date: '2018-06-01', stage: 'in-negotiation', institution: 'Council', label: 'Trilogue', source: { report: REPORT.id, section: 'II' } },
            { date: '2018-09-01', stage: 'in-force', institution: 'EU', label: 'In force', source: { report: REPORT.id, section: 'II' } },
          ],
        }),
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.dataset).not.toBeNull();
    const warnings = result.warnings.map(inEnglish);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/title: contains what looks like HTML markup/),
        expect.stringMatching(/events\[2\]\.date.*is 2018-09-01, after the date of the report that cites it \(COM\(2018\) 470, 2018-06-13\)/),
        expect.stringMatching(/events\[1\]\.stage.*goes backwards: in-negotiation on 2018-06-01, after adopted on 2018-05-01/),
      ]),
    );
    // The title is kept as it is: it is data, shown as text.
    expect(result.dataset?.documents[0]?.title).toBe('<img src=x onerror=alert(1)><script>alert(1)</script>');
  });

  it('warns about events citing a report nobody knows, unless the database knows it', async () => {
    const value = dataset('v', [doc('COM(2018) 640')], []);
    expect((await validateDataset(value)).warnings.map(inEnglish)).toEqual([expect.stringMatching(/cites the report "COM\(2018\) 470", which is not among the dataset's reports/)]);
    expect((await validateDataset(value, { knownReports: new Set([REPORT.id]) })).warnings).toEqual([]);
  });

  it('keeps every error counted even past the ones it lists', async () => {
    const docs = Array.from({ length: 1200 }, (_, i) => ({ ...doc(`COM(2017) ${i + 1}`), kind: '' }));
    const result = await validateDataset(dataset('v', docs));
    expect(result.errorCount).toBe(1200);
    expect(result.errors.length).toBe(500);
  });

  it('hashes the bytes with SHA-256', async () => {
    const prepared = await prepareImport(jsonBytes(dataset('v', [doc('COM(2017) 793')])), { name: 'a.json' });
    expect(prepared.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(prepared.format).toBe('json');
    const again = await prepareImport(jsonBytes(dataset('v', [doc('COM(2017) 793')])), { name: 'a.json' });
    expect(again.hash).toBe(prepared.hash);
  });

  it('says its problems in German for a reader who reads German, from the same checks', async () => {
    const value = { ...dataset('v', [doc('COM(2018) 640')]), schemaVersion: 'two' };
    expect((await validateDataset(value)).errors.map((problem) => formatProblem(problem, wordsIn('de')))).toEqual([
      'schemaVersion, Feld schemaVersion: Das Datensatzformat "two" ist unbekannt: diese Version von Eurefs liest die Formate 1 und 2.',
    ]);
    expect(await errorsOf(value)).toEqual([
      'schemaVersion, field schemaVersion: The dataset format "two" is unknown: this version of Eurefs reads formats 1 and 2.',
    ]);
  });
});
