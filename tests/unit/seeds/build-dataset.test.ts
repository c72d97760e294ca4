import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, buildReportFiles, dateAfter, detectSections, documentCelex, reportOrdinal, serialiseDataset } from '../../../seeds/build-dataset';
import { findReferences } from '../../../references';
import { ReportFileSchema } from '../../../evidence/report-file';
import { staleReportFiles } from '../../../scripts/build-seeds';
import { NO_REPORTS, curatedPath, datasetPath, haveReports, loadGrammar, readReports } from './helpers';

const curated = JSON.parse(readFileSync(curatedPath, 'utf8')) as unknown;

const tiny = {
  version: 'test.1',
  reports: [{ id: 'COM(2017) 779', ordinal: 12, title: 'Twelfth progress report', date: '2017-12-12' }],
  documents: [
    {
      id: 'COM(2016) 731', type: 'com', kind: 'legislative-proposal', title: 'ETIAS proposal', aliases: ['ETIAS'],
      events: [{ date: '2017-10-25', stage: 'in-negotiation', institution: 'European Parliament', label: 'mandate',
        source: { report: 'COM(2017) 779', section: 'II.1 Towards the interoperability of information systems' } }],
    },
  ],
};
const tinyText = [
  ' I. INTRODUCTION ',
  'This is the twelfth monthly report on the progress made.',
  'See COM(2016) 205 final (6.4.2016).',
  ' II. STRONGER AND SMARTER INFORMATION SYSTEMS FOR SECURITY, ',
  '',
  'BORDER AND MIGRATION MANAGEMENT ',
  '1. Towards the interoperability of information systems ',
  'The ETIAS trilogues continue, see Directive (EU) 2016/681 and COM(2017) 793 final and COM(2017) 794 final (12.12.2017).',
].join('\n');

describe('buildReportFiles', () => {
  it('writes one file per report, named by its slug, that the report page can parse', () => {
    const files = buildReportFiles([{ name: 'a.txt', text: tinyText }], tiny);
    expect([...files.keys()]).toEqual(['COM-2017-779.json']);
    const file = ReportFileSchema.parse(JSON.parse(files.get('COM-2017-779.json')!));
    expect(file).toMatchObject({ id: 'COM(2017) 779', ordinal: 12, date: '2017-12-12' });
    expect(file.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'I. INTRODUCTION',
      'II. STRONGER AND SMARTER INFORMATION SYSTEMS FOR SECURITY, BORDER AND MIGRATION MANAGEMENT',
      '1. Towards the interoperability of information systems',
    ]);
    expect(buildReportFiles([{ name: 'a.txt', text: tinyText }], structuredClone(tiny))).toEqual(files);
  });
});

describe('buildDataset (pure)', () => {
  it('gives the same bytes twice over', () => {
    const a = serialiseDataset(buildDataset([{ name: 'a.txt', text: tinyText }], tiny, findReferences).dataset);
    const b = serialiseDataset(buildDataset([{ name: 'a.txt', text: tinyText }], structuredClone(tiny), findReferences).dataset);
    expect(a).toBe(b);
  });

  it('derives mentions, sections, footnote dates and alias mentions', () => {
    const { dataset } = buildDataset([{ name: 'a.txt', text: tinyText }], tiny, findReferences);
    const byId = new Map(dataset.documents.map((d) => [d.id, d]));
    expect([...byId.keys()]).toEqual(['32016L0681', 'COM(2016) 205', 'COM(2016) 731', 'COM(2017) 793', 'COM(2017) 794']);
    expect(byId.get('COM(2016) 205')).toMatchObject({ kind: 'unknown', title: 'COM(2016) 205', date: '2016-04-06', mentions: [{ report: 'COM(2017) 779', section: 'I. INTRODUCTION' }] });
    // a date after a list of COM documents belongs to each of them; an act in a list does not pass it on
    expect(byId.get('COM(2017) 793')?.date).toBe('2017-12-12');
    expect(byId.get('COM(2017) 794')?.date).toBe('2017-12-12');
    expect(byId.get('32016L0681')?.date).toBeUndefined();
    // mentioned by its alias only
    expect(byId.get('COM(2016) 731')?.mentions).toEqual([
      {
        report: 'COM(2017) 779',
        section: 'II.1 Towards the interoperability of information systems',
        quote: 'The ETIAS trilogues continue, see Directive (EU) 2016/681 and COM(2017) 793 final and COM(2017) 794 final (12.12.2017).',
      },
    ]);
    // a curated legislative proposal gets its CELEX
    expect(byId.get('COM(2016) 731')?.celex).toBe('52016PC0731');
  });

  it('refuses an event whose section is not a heading of its report', () => {
    const bad = structuredClone(tiny);
    bad.documents[0]!.events[0]!.source.section = 'II.9 Nowhere';
    expect(() => buildDataset([{ name: 'a.txt', text: tinyText }], bad, findReferences)).toThrow(/no section "II.9 Nowhere"/);
  });

  it('refuses a text it cannot place', () => {
    expect(() => buildDataset([{ name: 'x.txt', text: 'Hello.' }], tiny, findReferences)).toThrow(/x.txt/);
  });
});

describe('building blocks', () => {
  it('reads the ordinal from the opening sentence', () => {
    expect(reportOrdinal(' This is the fourteenth Progress Report on the progress')).toBe(14);
    expect(reportOrdinal('This is the eighteenth report on the further progress')).toBe(18);
    expect(reportOrdinal('Nothing here')).toBeNull();
  });

  it('joins wrapped headings and numbers sections in sequence', () => {
    const labels = detectSections(tinyText).map((s) => s.label);
    expect(labels).toEqual([
      'I. INTRODUCTION',
      'II. STRONGER AND SMARTER INFORMATION SYSTEMS FOR SECURITY, BORDER AND MIGRATION MANAGEMENT',
      'II.1 Towards the interoperability of information systems',
    ]);
    // "2017. The ..." at the start of a line is not a heading
    expect(detectSections(`${tinyText}\n2017. The Spanish unit hosted it.`).length).toBe(3);
  });

  it('takes a date only when nothing but "final", "of", "and" and other documents stand between', () => {
    const t = 'COM(2018) 211 final of 17.4.2018; COM(2019) 4 final (7.1.2019); COM(2016) 50 was adopted on 2.2.2016; COM (2018)23 final (17 January 2018)';
    const refs = findReferences(t);
    expect(refs.map((r) => dateAfter(t, r, refs))).toEqual(['2018-04-17', '2019-01-07', null, '2018-01-17']);
  });

  it('gives CELEX numbers for COM/JOIN/SWD documents by kind', () => {
    expect(documentCelex('COM(2017) 793', 'legislative-proposal')).toBe('52017PC0793');
    expect(documentCelex('COM(2017) 610', 'action-plan')).toBe('52017DC0610');
    expect(documentCelex('JOIN(2017) 450', 'joint-communication')).toBe('52017JC0450');
    expect(documentCelex('SWD(2018) 118', 'staff-working-document')).toBe('52018SC0118');
    expect(documentCelex('COM(2018) 211', 'unknown')).toBeUndefined();
    expect(documentCelex('C(2018) 1177', 'recommendation')).toBeUndefined();
  });
});

describe('mentions and their quotes in the five reports', () => {
  it('files a mention in a footnote under the section of its call, quoting the footnote', async (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    const { dataset } = buildDataset(readReports(), curated, (await loadGrammar()).findReferences);
    const byId = new Map(dataset.documents.map((d) => [d.id, d]));
    const in14th = (id: string) => byId.get(id)!.mentions.filter((m) => m.report === 'COM(2018) 211');
    // footnote 34 runs on after the last page's rule; its call stands in III.5
    expect(in14th('COM(2018) 65')).toEqual([
      {
        report: 'COM(2018) 211',
        section: 'III.5 External dimension',
        quote: 'Commission Communication: A credible enlargement perspective for and enhanced EU engagement with the Western Balkans, (COM(2018) 65 final).',
        footnote: 34,
      },
    ]);
    // footnote 5 runs on over blank lines: its continuation is no mention in II.2
    expect(in14th('32014L0041').map((m) => [m.section, m.footnote])).toEqual([['II.1 New tools to gather electronic evidence in criminal proceedings', 5]]);
  });

  it('gives every mechanically found mention a quote that is in its report, and footnote-dated events the footnote', async (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    const { dataset, problems } = buildDataset(readReports(), curated, (await loadGrammar()).findReferences);
    const unknown = dataset.documents.filter((d) => d.kind === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.flatMap((d) => d.mentions).filter((m) => m.quote === undefined)).toEqual([]);
    expect(problems.filter((p) => unknown.some((d) => p.startsWith(`${d.id}:`)))).toEqual([]);
    const dated = byIdOf(dataset).get('C(2017) 3349')!.events;
    expect(dated).toEqual([
      expect.objectContaining({ date: '2017-05-12', stage: 'adopted', source: expect.objectContaining({ quote: 'C(2017) 3349 final (12.5.2017).', footnote: 11 }) }),
    ]);
  });
});

function byIdOf(dataset: { documents: { id: string }[] }) {
  return new Map(dataset.documents.map((d) => [d.id, d])) as Map<string, import('../../../storage/dataset/schema').DatasetDocument>;
}

describe('the bundled dataset', () => {
  it('is what the builder makes of the reports today (npm run seeds:build), twice over the same bytes', async (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    const grammar = await loadGrammar();
    const built = buildDataset(readReports(), curated, grammar.findReferences);
    const first = serialiseDataset(built.dataset);
    const second = serialiseDataset(buildDataset(readReports(), structuredClone(curated), grammar.findReferences).dataset);
    expect(second).toBe(first);
    // seeds:build writes dataset.json only once every fact's evidence checks out
    if (built.problems.length > 0) {
      return ctx.skip(`${built.problems.length} evidence problems remain in curated.json (npx tsx scripts/build-seeds.ts lists them); dataset.json is regenerated once none remain`);
    }
    expect(readFileSync(datasetPath, 'utf8'), 'seeds/dataset.json is stale: run npm run seeds:build').toBe(first);
  });
});

describe('the shipped report files', () => {
  it('are what the builder makes of the reports today (npm run seeds:build)', (ctx) => {
    if (!haveReports) return ctx.skip(NO_REPORTS);
    const files = buildReportFiles(readReports(), curated);
    expect(files.size).toBe(5);
    expect(staleReportFiles(files), 'public/reports/ is stale: run npm run seeds:build').toEqual([]);
  });
});
