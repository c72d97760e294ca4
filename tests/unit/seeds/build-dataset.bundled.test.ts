import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectSections, serialiseDataset } from '../../../seeds/build-dataset';
import { DatasetSchema, type Dataset } from '../../../storage/dataset/schema';
import {
  NO_REPORTS,
  datasetPath,
  haveReports,
  loadDataset,
  loadGrammar,
  readReports,
  type Grammar,
} from './helpers';

let dataset: Dataset;
let grammar: Grammar;

beforeAll(async () => {
  dataset = loadDataset();
  grammar = await loadGrammar();
});

describe('seeds/dataset.json', () => {
  it('validates against DatasetSchema', () => {
    const raw = JSON.parse(readFileSync(datasetPath, 'utf8')) as unknown;
    const result = DatasetSchema.safeParse(raw);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('is written as the builder writes it (key order, sorting, final newline)', () => {
    expect(serialiseDataset(dataset)).toBe(readFileSync(datasetPath, 'utf8'));
    const ids = dataset.documents.map((d) => d.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds the five progress reports, each also as a document', () => {
    expect(dataset.reports.map((r) => [r.ordinal, r.id, r.date])).toEqual([
      [12, 'COM(2017) 779', '2017-12-12'],
      [13, 'COM(2018) 46', '2018-01-24'],
      [14, 'COM(2018) 211', '2018-04-17'],
      [15, 'COM(2018) 470', '2018-06-13'],
      [18, 'COM(2019) 145', '2019-03-20'],
    ]);
    const ids = new Set(dataset.documents.map((d) => d.id));
    for (const report of dataset.reports) expect(ids.has(report.id)).toBe(true);
  });

  it('every id re-parses to itself through parseReference', (ctx) => {
    const wrong = dataset.documents
      .map((d) => ({ id: d.id, type: d.type, parsed: grammar!.parseReference(d.id) }))
      .filter(({ id, type, parsed }) => parsed?.id !== id || parsed?.type !== type)
      .map(({ id, type, parsed }) => `${id} (${type}) -> ${parsed ? `${parsed.id} (${parsed.type})` : 'null'}`);
    expect(wrong).toEqual([]);
  });

  it("every event's and mention's source report is one of the dataset's reports", () => {
    const reports = new Set(dataset.reports.map((r) => r.id));
    const bad: string[] = [];
    for (const doc of dataset.documents) {
      for (const e of doc.events) if (!reports.has(e.source.report)) bad.push(`${doc.id} event ${e.date}: ${e.source.report}`);
      for (const m of doc.mentions) if (!reports.has(m.report)) bad.push(`${doc.id} mention: ${m.report}`);
    }
    expect(bad).toEqual([]);
  });

  it('every source section is a heading of that report', (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    // which text is which report: by the ordinal word the builder reads, via the builder's own section finder
    const byOrdinal = new Map(dataset.reports.map((r) => [r.ordinal, r.id]));
    const words: Record<string, number> = { twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, eighteenth: 18 };
    const sections = new Map<string, Set<string>>();
    for (const { text } of readReports()) {
      const word = /This is the (\w+)/.exec(text)?.[1]?.toLowerCase() ?? '';
      const id = byOrdinal.get(words[word] ?? -1);
      if (id) sections.set(id, new Set(detectSections(text).map((s) => s.label)));
    }
    const bad: string[] = [];
    for (const doc of dataset.documents) {
      for (const s of [...doc.mentions, ...doc.events.map((e) => e.source)]) {
        if (!sections.get(s.report)?.has(s.section)) bad.push(`${doc.id}: ${s.report} "${s.section}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every event falls on or before the date of the report it cites, except announced deadlines', () => {
    const dates = new Map(dataset.reports.map((r) => [r.id, r.date]));
    const bad: string[] = [];
    for (const doc of dataset.documents) {
      for (const e of doc.events) {
        const reportDate = dates.get(e.source.report)!;
        if (e.date.slice(0, e.date.length) > reportDate.slice(0, e.date.length)) bad.push(`${doc.id} ${e.date} ${e.stage} (${e.source.report})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('links point at documents in the dataset, and both ways', () => {
    const byId = new Map(dataset.documents.map((d) => [d.id, d]));
    for (const doc of dataset.documents) {
      if (doc.becameAct) expect(byId.get(doc.becameAct)?.fromProposal).toBe(doc.id);
      if (doc.fromProposal) expect(byId.get(doc.fromProposal)?.becameAct).toBe(doc.id);
      for (const target of doc.amends) expect(byId.has(target)).toBe(true);
      for (const target of doc.amendedBy) expect(byId.has(target)).toBe(true);
    }
    expect(byId.get('COM(2016) 731')?.becameAct).toBe('32018R1240');
  });

  it('every document the reports cite is in the dataset, with a mention in that report', (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    const byId = new Map(dataset.documents.map((d) => [d.id, d]));
    const missing: string[] = [];
    const words: Record<string, number> = { twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, eighteenth: 18 };
    for (const { name, text } of readReports()) {
      const ordinal = words[/This is the (\w+)/.exec(text)?.[1]?.toLowerCase() ?? ''];
      const report = dataset.reports.find((r) => r.ordinal === ordinal);
      expect(report, name).toBeDefined();
      for (const ref of grammar.findReferences(text)) {
        const doc = byId.get(ref.id);
        if (!doc) missing.push(`${name}: ${ref.id} ("${ref.text}")`);
        else if (!doc.mentions.some((m) => m.report === report!.id)) missing.push(`${ref.id}: no mention in ${report!.id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('carries short labels, not the reports\' sentences', (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    const corpus = readReports()
      .map((r) => r.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    const copied: string[] = [];
    for (const doc of dataset.documents) {
      for (const e of doc.events) {
        expect(e.label.length).toBeLessThanOrEqual(120);
        // a label of ten words or more found verbatim in a report would be a copied sentence
        if (e.label.split(' ').length >= 10 && corpus.includes(e.label)) copied.push(`${doc.id}: ${e.label}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
