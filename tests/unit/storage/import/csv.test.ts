import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, datasetToCsv, joinList, parseCsvText, splitList } from '../../../../storage/import/csv';
import { datasetToJson, normaliseDataset } from '../../../../storage/import/json';
import { prepareImport } from '../../../../storage/import/pipeline';
import { english } from '../../../../i18n/english';
import { say } from '../../../../i18n/phrase';
import { formatProblem, type ImportProblem } from '../../../../storage/import/problems';
import { bundledDataset, bytes, dataset, doc } from './helpers';
import { wordsIn } from '../../i18n/helpers';

/** A problem as a script prints it, from the English catalogue. */
const inEnglish = (problem: ImportProblem) => formatProblem(problem, english);

const header = CSV_COLUMNS.join(',');
const row = (cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) =>
  CSV_COLUMNS.map((column) => {
    const value = cells[column] ?? '';
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(',');

const small = [
  header,
  row({ record: 'dataset', schemaVersion: '1', version: '2019-06-01.1' }),
  row({ record: 'report', id: 'COM(2018) 470', ordinal: '15', title: 'Fifteenth progress report', date: '2018-06-13' }),
  row({ record: 'document', id: 'COM(2018) 640', type: 'com', kind: 'legislative-proposal', title: 'Terrorist content online, "TCO"', aliases: 'TCO | Terrorist content' }),
  row({ record: 'event', id: 'COM(2018) 640', date: '2018-12-06', stage: 'in-negotiation', institution: 'Council', label: 'Council mandate', report: 'COM(2018) 470', section: 'II.2' }),
  row({ record: 'mention', id: 'COM(2018) 640', report: 'COM(2018) 470', section: 'II.2' }),
].join('\n');

describe('CSV imports', () => {
  it('maps rows to the dataset shape and validates them with the dataset schema', async () => {
    const prepared = await prepareImport(bytes(small), { name: 'update.csv' });
    expect(prepared.errors).toEqual([]);
    expect(prepared.format).toBe('csv');
    const document = prepared.dataset?.documents[0];
    expect(document).toMatchObject({ id: 'COM(2018) 640', title: 'Terrorist content online, "TCO"', aliases: ['TCO', 'Terrorist content'] });
    expect(document?.events).toEqual([
      { date: '2018-12-06', stage: 'in-negotiation', institution: 'Council', label: 'Council mandate', source: { report: 'COM(2018) 470', section: 'II.2' } },
    ]);
    expect(document?.mentions).toEqual([{ report: 'COM(2018) 470', section: 'II.2' }]);
    expect(prepared.dataset?.reports[0]?.ordinal).toBe(15);
  });

  it('gives each problem its line and column', async () => {
    const text = [
      header,
      row({ record: 'dataset', schemaVersion: '1', version: 'v' }),
      row({ record: 'document', id: 'COM(2018) 640', type: 'com', kind: 'legislative-proposal', title: 'A' }),
      row({ record: 'document', id: 'COM(2018) 640', type: 'com', kind: 'legislative-proposal', title: 'B' }),
      row({ record: 'event', id: 'COM(2018) 640', date: '2018-02-30', stage: 'trilogue', institution: 'Council', label: 'x', report: 'COM(2018) 470', section: 'II' }),
    ].join('\n');
    const errors = (await prepareImport(bytes(text), { name: 'x.csv' })).errors.map(inEnglish);
    expect(errors).toEqual(
      expect.arrayContaining([
        'line 5, document "COM(2018) 640", event 1, field date: should be a day that exists in the calendar; "2018-02-30" is not',
        expect.stringMatching(/^line 5, document "COM\(2018\) 640", event 1, field stage: "trilogue" is not one of the allowed values/),
        'line 4, document "COM(2018) 640", field id: appears twice: the same id is also at line 3',
      ]),
    );
  });

  it('reports a broken quote with its line and imports nothing', async () => {
    const text = [header, row({ record: 'dataset', schemaVersion: '1', version: 'v' }), `document,COM(2018) 640,com,legislative-proposal,"Unclosed title,,,,,,,,,,,,,,,,,,`].join('\n');
    const prepared = await prepareImport(bytes(text), { name: 'broken.csv' });
    expect(prepared.dataset).toBeNull();
    expect(prepared.errors.map(inEnglish)).toContainEqual(expect.stringMatching(/^line 3: a quoted cell is never closed/));
  });

  it('refuses unknown columns (a __proto__ header included), cells in the wrong column and orphan events', async () => {
    const evil = `${header},__proto__\n${row({ record: 'dataset', schemaVersion: '1', version: 'v' })},x`;
    const first = await prepareImport(bytes(evil), { name: 'evil.csv' });
    expect(first.errors.map(inEnglish)).toContainEqual(expect.stringMatching(/line 1, field __proto__: unknown column "__proto__"/));
    expect(({} as Record<string, unknown>).x).toBeUndefined();

    const text = [
      header,
      row({ record: 'dataset', schemaVersion: '1', version: 'v' }),
      row({ record: 'event', id: 'COM(2099) 1', date: '2018-01-01', stage: 'proposed', institution: 'C', label: 'x', report: 'COM(2018) 470', section: 'II' }),
      row({ record: 'mention', id: 'COM(2018) 640', report: 'COM(2018) 470', section: 'II', stage: 'adopted' }),
      row({ record: 'thing', id: 'x' }),
    ].join('\n');
    const errors = (await prepareImport(bytes(text), { name: 'x.csv' })).errors.map(inEnglish);
    expect(errors).toEqual(
      expect.arrayContaining([
        'line 3, field id: the event belongs to "COM(2099) 1", but no document row has that id',
        'line 4, field stage: a mention row has nothing in the column "stage" (is a cell in the wrong column?)',
        expect.stringMatching(/^line 5, field record: "thing" is not a kind of row/),
      ]),
    );
  });

  it('round-trips the bundled dataset: export, re-import, same data', async () => {
    const bundled = bundledDataset();
    const csv = datasetToCsv(bundled);
    const parsed = await prepareImport(bytes(csv), { name: 'export.csv' });
    expect(parsed.errors).toEqual([]);
    expect(datasetToJson(parsed.dataset!)).toBe(datasetToJson(bundled));
    // and the JSON export too
    const json = await prepareImport(bytes(datasetToJson(bundled)), { name: 'export.json' });
    expect(normaliseDataset(json.dataset!)).toEqual(normaliseDataset(bundled));
  });

  it('keeps titles that look like formulas, pipes and backslashes intact through a round trip', async () => {
    const tricky = dataset('v', [
      doc('COM(2018) 640', 'proposed', { title: '=HYPERLINK("http://evil")', aliases: ['a|b', 'c\\d', '-minus'], topics: ['@home'] }),
    ]);
    const csv = datasetToCsv(tricky);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const back = await prepareImport(bytes(csv), { name: 'x.csv' });
    expect(back.errors).toEqual([]);
    expect(back.dataset?.documents[0]).toMatchObject({ title: '=HYPERLINK("http://evil")', aliases: ['a|b', 'c\\d', '-minus'], topics: ['@home'] });
    expect(splitList(joinList(['x | y', 'z']))).toEqual(['x | y', 'z']);
  });

  it("carries a source's quote and footnote, for events and mentions, through import and export", async () => {
    // the small file's header, dataset, report and document rows, with quoted sources
    const quoted = [
      ...small.split('\n').slice(0, 4),
      row({ record: 'event', id: 'COM(2018) 640', date: '2018-09-12', stage: 'proposed', institution: 'Commission', label: 'Proposed', report: 'COM(2018) 470', section: 'II.2', quote: '-COM(2018) 640 final, "TCO" (12.9.2018).', footnote: '12' }),
      row({ record: 'mention', id: 'COM(2018) 640', report: 'COM(2018) 470', section: 'II.2', quote: 'The proposal on terrorist content online.' }),
    ].join('\n');
    const prepared = await prepareImport(bytes(quoted), { name: 'quotes.csv' });
    expect(prepared.errors).toEqual([]);
    const document = prepared.dataset!.documents[0]!;
    expect(document.events[0]!.source).toEqual({ report: 'COM(2018) 470', section: 'II.2', quote: '-COM(2018) 640 final, "TCO" (12.9.2018).', footnote: 12 });
    expect(document.mentions).toEqual([{ report: 'COM(2018) 470', section: 'II.2', quote: 'The proposal on terrorist content online.' }]);
    const back = await prepareImport(bytes(datasetToCsv(prepared.dataset!)), { name: 'again.csv' });
    expect(back.dataset!.documents[0]).toEqual(document);
  });

  it('carries facts from outside the reports, of documents and of reports, through import and export', async () => {
    const text = [
      header,
      row({ record: 'dataset', schemaVersion: '2', version: 'v' }),
      row({ record: 'report', id: 'COM(2018) 470', ordinal: '15', title: 'Fifteenth progress report', date: '2018-06-13' }),
      row({ record: 'outside', report: 'COM(2018) 470', fact: 'id', from: 'eur-lex', note: 'The text does not state its number.', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52018DC0470' }),
      row({ record: 'outside', id: 'COM(2018) 640', fact: 'procedure', from: 'legislative-observatory', note: 'No report gives it.' }),
      row({ record: 'document', id: 'COM(2018) 640', type: 'com', kind: 'legislative-proposal', title: 'TCO', procedure: '2018/0331(COD)' }),
    ].join('\n');
    const prepared = await prepareImport(bytes(text), { name: 'outside.csv' });
    expect(prepared.errors).toEqual([]);
    expect(prepared.dataset?.documents[0]?.outside).toEqual({ procedure: { from: 'legislative-observatory', note: 'No report gives it.' } });
    expect(prepared.dataset?.reports[0]?.outside).toEqual({
      id: { from: 'eur-lex', note: 'The text does not state its number.', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52018DC0470' },
    });
    const again = await prepareImport(bytes(datasetToCsv(prepared.dataset!)), { name: 'again.csv' });
    expect(again.dataset).toEqual(prepared.dataset);
  });

  it('says which outside row is wrong: an unknown fact, an unknown origin, no target or two', async () => {
    const text = [
      header,
      row({ record: 'dataset', schemaVersion: '2', version: 'v' }),
      row({ record: 'document', id: 'COM(2018) 640', type: 'com', kind: 'legislative-proposal', title: 'TCO' }),
      row({ record: 'outside', id: 'COM(2018) 640', fact: 'colour', from: 'eur-lex', note: 'n' }),
      row({ record: 'outside', id: 'COM(2018) 640', fact: 'title', from: 'a blog', note: 'n' }),
      row({ record: 'outside', id: 'COM(2018) 640', report: 'COM(2018) 470', fact: 'title', from: 'eur-lex', note: 'n' }),
      row({ record: 'outside', id: 'COM(2099) 1', fact: 'title', from: 'eur-lex', note: 'n' }),
    ].join('\n');
    const errors = (await prepareImport(bytes(text), { name: 'x.csv' })).errors.map(inEnglish);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^line 6, .*not both or neither/),
        expect.stringMatching(/^line 7, .*belongs to document "COM\(2099\) 1", but no document row has that id/),
      ]),
    );
    const schemaErrors = (
      await prepareImport(bytes(text.split('\n').filter((_, i) => i !== 5 && i !== 6).join('\n')), { name: 'y.csv' })
    ).errors.map(inEnglish);
    expect(schemaErrors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^line 4, .*colour/), expect.stringMatching(/^line 5, .*field from/)]),
    );
  });

  it('reports a footnote that is not a number at its line and column', async () => {
    const bad = small.split('\n');
    bad[4] = row({ record: 'event', id: 'COM(2018) 640', date: '2018-12-06', stage: 'in-negotiation', institution: 'Council', label: 'Council mandate', report: 'COM(2018) 470', section: 'II.2', footnote: 'twelve' });
    const prepared = await prepareImport(bytes(bad.join('\n')), { name: 'bad.csv' });
    expect(prepared.errors.map(inEnglish)).toEqual(['line 5, document "COM(2018) 640", event 1, field footnote: should be a number, but is "twelve"']);
  });

  it('says the same problem in German for a reader who reads German', async () => {
    const bad = small.split('\n');
    bad[4] = row({ record: 'event', id: 'COM(2018) 640', date: '2018-12-06', stage: 'in-negotiation', institution: 'Council', label: 'Council mandate', report: 'COM(2018) 470', section: 'II.2', footnote: 'twelve' });
    const prepared = await prepareImport(bytes(bad.join('\n')), { name: 'bad.csv' });
    expect(prepared.errors.map((problem) => formatProblem(problem, wordsIn('de')))).toEqual([
      'Zeile 5, Dokument "COM(2018) 640", Ereignis 1, Feld footnote: sollte eine Zahl sein, ist aber "twelve"',
    ]);
  });

  it('imports a file made before the quote and footnote columns', async () => {
    const columns: string[] = CSV_COLUMNS.filter((c) => c !== 'quote' && c !== 'footnote');
    const old = small.split('\n').map((line, i) => {
      if (i === 0) return columns.join(',');
      const cells = Papa.parse<string[]>(line).data[0]!;
      return Papa.unparse([cells.filter((_, j) => columns.includes(CSV_COLUMNS[j]!))]);
    });
    const prepared = await prepareImport(bytes(old.join('\n')), { name: 'old.csv' });
    expect(prepared.errors).toEqual([]);
    expect(prepared.dataset?.documents[0]?.events[0]?.source).toEqual({ report: 'COM(2018) 470', section: 'II.2' });
  });

  it('needs a dataset row and a header', () => {
    expect(parseCsvText(`${header}\n`).problems.map(inEnglish)).toEqual([expect.stringMatching(/no dataset row/)]);
  });
});
