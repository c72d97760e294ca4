import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildExport, CSV_HEADER, memorySource, type ExportOptions } from '../../../../storage/annotations/export';
import { AnnotationsFileSchema, type ExportRequestInput, type Note, type Visit } from '../../../../storage/annotations/schema';
import { BULGARIAN, GREEK, note, ref, visit } from './helpers';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const fast: ExportOptions = { yieldToPage: () => Promise.resolve(), now: () => NOW };

async function run(notes: Note[], visits: Visit[], request: ExportRequestInput, options: ExportOptions = {}) {
  const built = await buildExport(memorySource(notes, visits), request, { ...fast, ...options });
  return { ...built, text: built.chunks.join('') };
}

const visits = [
  visit(1, { title: `${GREEK} =SUM(A1)` }),
  visit(2, { url: 'https://eur-lex.europa.eu/page-bg', title: BULGARIAN, references: [ref('COM(2018) 225', { stage: null, title: null })] }),
  visit(3, { visitedAt: '2019-03-01T10:00:00.000Z', references: [ref('2017/0351(COD)', { stage: 'in-negotiation' })] }),
];
const notes = [
  note(1, { text: 'Compare with "2002/475", see\nrecital 4', tags: ['terrorism', 'criminal law'] }),
  note(2, { documentId: 'COM(2016) 731', label: 'COM(2016) 731', type: 'com', stage: 'adopted', text: `${GREEK}`, tags: ['etias'], quote: null }),
];

// ---- W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), the MUSTs we use ----
const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'an IRI');
const W3cSelector = z.discriminatedUnion('type', [
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() }),
  z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
    .refine((s) => s.end >= s.start),
]);
const W3cBody = z.union([
  z.object({ type: z.literal('TextualBody'), value: z.string(), format: z.string().optional(), purpose: z.enum(['commenting', 'tagging', 'identifying', 'describing', 'classifying', 'linking']) }),
  z.object({ type: z.literal('SpecificResource'), source: Iri, purpose: z.string() }),
]);
const W3cAnnotation = z.object({
  id: Iri,
  type: z.literal('Annotation'),
  motivation: z.enum(['commenting', 'tagging']),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  body: z.array(W3cBody).min(1),
  target: z.object({ source: Iri, selector: z.array(W3cSelector).optional() }),
});
const W3cCollection = z.object({
  '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
  id: Iri,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  total: z.number().int().nonnegative(),
  first: z.object({ id: Iri, type: z.literal('AnnotationPage'), startIndex: z.literal(0), items: z.array(W3cAnnotation) }),
});

// ---- CSL-JSON (https://github.com/citation-style-language/schema, csl-data.json), the fields we use ----
const CslDate = z.object({ 'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2) });
const CslItem = z.object({
  id: z.string().min(1),
  type: z.enum(['legislation', 'bill', 'report', 'document']),
  title: z.string().min(1),
  number: z.string().optional(),
  'title-short': z.string().optional(),
  author: z.array(z.object({ literal: z.string() })).optional(),
  authority: z.string().optional(),
  genre: z.string().optional(),
  issued: CslDate.optional(),
  accessed: CslDate.optional(),
  URL: z.string().url().optional(),
  source: z.string().optional(),
  keyword: z.string().optional(),
  note: z.string().optional(),
  status: z.string().optional(),
}).strict();

describe('CSV export', () => {
  it('has one row per occurrence, quoted and defused, readable by a CSV parser', async () => {
    const { text, mimeType, filename, records } = await run(notes, visits, { scope: { kind: 'all' }, format: 'csv' });
    expect(mimeType).toMatch(/^text\/csv/);
    expect(filename).toMatch(/\.csv$/);
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const body = rows.slice(1);
    expect(body).toHaveLength(records);
    expect(body.filter((r) => r[0] === 'reference')).toHaveLength(2 + 1 + 1);
    expect(body.filter((r) => r[0] === 'note')).toHaveLength(2);
    const first = body[0]!;
    expect(first[3]).toBe(`${GREEK} =SUM(A1)`);
    expect(body.find((r) => r[3] === BULGARIAN)?.[4]).toBe('COM(2018) 225');
    expect(body.find((r) => r[3] === BULGARIAN)?.[7]).toBe('no tracked status');
    // The status in the words the popover and the popup use, not the stage's key.
    expect(body.find((r) => r[4] === '2017/0351(COD)')?.[7]).toBe('in negotiation');
    expect(body.find((r) => r[4] === '32017L0541')?.[7]).toBe('in force');
    const noteRow = body.find((r) => r[0] === 'note' && r[4] === '32017L0541')!;
    expect(noteRow[10]).toBe('Compare with "2002/475", see\nrecital 4');
    expect(noteRow[11]).toBe('terrorism; criminal law');
    expect(noteRow[12]).toBe('Directive (EU) 2017/541');
    expect(noteRow[13]).toBe('120');
    // Every line of the file is CRLF-terminated.
    expect(text.replace(/"[^"]*"/g, '').split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
  });

  it('defuses text that would start a formula', async () => {
    const evil = visit(9, { title: '=HYPERLINK("https://evil.example","click")', references: [ref('COM(2016) 731', { label: '+cmd', title: '@SUM(1)' })] });
    const evilNote = note(9, { text: '-1+2', tags: ['=x'] });
    const { text } = await run([evilNote], [evil], { scope: { kind: 'all' }, format: 'csv' });
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data.slice(1);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows[0]![3]).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(rows[1]![10]).toBe("'-1+2");
  });
});

describe('JSON export', () => {
  it('is a valid annotations file with everything in scope', async () => {
    const { text, records } = await run(notes, visits, { scope: { kind: 'all' }, format: 'json' });
    const file = AnnotationsFileSchema.parse(JSON.parse(text));
    expect(file.notes).toEqual([...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
    expect(file.visits).toEqual(visits);
    expect(records).toBe(notes.length + visits.length);
    expect(file.exportedAt).toBe(NOW.toISOString());
  });

  it('is valid JSON when nothing matches', async () => {
    const { text } = await run([], [], { scope: { kind: 'all' }, format: 'json' });
    const file = AnnotationsFileSchema.parse(JSON.parse(text));
    expect(file.notes).toEqual([]);
    expect(file.visits).toEqual([]);
  });
});

describe('filters and scope', () => {
  const parse = (text: string) => AnnotationsFileSchema.parse(JSON.parse(text));

  it('the current page (fragment ignored) or a chosen set of pages', async () => {
    const one = parse((await run(notes, visits, { scope: { kind: 'pages', urls: [`${visits[1]!.url}#section-2`] }, format: 'json' })).text);
    expect(one.visits.map((v) => v.url)).toEqual([visits[1]!.url]);
    expect(one.notes).toEqual([]);
    const two = parse((await run(notes, visits, { scope: { kind: 'pages', urls: [visits[0]!.url, visits[1]!.url] }, format: 'json' })).text);
    expect(two.visits).toHaveLength(2);
    expect(two.notes).toHaveLength(2);
  });

  it('by type and status keeps only matching references, and drops pages left with none', async () => {
    const file = parse((await run(notes, visits, { scope: { kind: 'all' }, filters: { types: ['directive'], statuses: ['in-force'] }, format: 'json' })).text);
    expect(file.visits.map((v) => v.references.map((r) => r.id))).toEqual([['32017L0541']]);
    expect(file.notes.map((n) => n.documentId)).toEqual(['32017L0541']);
    const untracked = parse((await run(notes, visits, { scope: { kind: 'all' }, filters: { statuses: ['untracked'] }, format: 'json' })).text);
    expect(untracked.visits.flatMap((v) => v.references.map((r) => r.id))).toEqual(['COM(2018) 225']);
  });

  it('by tag keeps the notes with it and the references to documents those notes are about', async () => {
    const file = parse((await run(notes, visits, { scope: { kind: 'all' }, filters: { tags: ['ETIAS'] }, format: 'json' })).text);
    expect(file.notes.map((n) => n.documentId)).toEqual(['COM(2016) 731']);
    expect(file.visits.flatMap((v) => v.references.map((r) => r.id))).toEqual(['COM(2016) 731']);
  });

  it('by date, a whole day inclusive', async () => {
    const file = parse((await run(notes, visits, { scope: { kind: 'all' }, filters: { from: '2019-03-01', to: '2019-03-01' }, format: 'json' })).text);
    expect(file.visits.map((v) => v.visitedAt)).toEqual(['2019-03-01T10:00:00.000Z']);
    expect(file.notes).toEqual([]);
  });
});

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection of annotations with quote and position selectors', async () => {
    const { text, mimeType } = await run(notes, visits, { scope: { kind: 'all' }, format: 'w3c' });
    expect(mimeType).toContain('application/ld+json');
    const collection = W3cCollection.parse(JSON.parse(text));
    expect(collection.total).toBe(2);
    const [withQuote, withoutQuote] = collection.first.items;
    expect(withQuote!.id).toBe(`urn:uuid:${notes[0]!.id}`);
    expect(withQuote!.target.source).toBe(notes[0]!.page.url);
    expect(withQuote!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Directive (EU) 2017/541', prefix: 'replaced by ', suffix: ' on combating' },
      { type: 'TextPositionSelector', start: 120, end: 143 },
    ]);
    expect(withQuote!.body).toContainEqual({ type: 'TextualBody', value: 'criminal law', format: 'text/plain', purpose: 'tagging' });
    expect(withQuote!.body).toContainEqual({ type: 'TextualBody', value: '32017L0541', format: 'text/plain', purpose: 'identifying' });
    expect(withQuote!.body).toContainEqual(expect.objectContaining({ type: 'SpecificResource', purpose: 'linking', source: expect.stringContaining('eur-lex.europa.eu') }));
    expect(withoutQuote!.target.selector).toBeUndefined();
    expect(withoutQuote!.body[0]).toEqual({ type: 'TextualBody', value: GREEK, format: 'text/plain', purpose: 'commenting' });
  });

  it('is a valid, empty collection when there are no notes', async () => {
    const collection = W3cCollection.parse(JSON.parse((await run([], visits, { scope: { kind: 'all' }, format: 'w3c' })).text));
    expect(collection.total).toBe(0);
    expect(collection.first.items).toEqual([]);
  });
});

describe('reference-manager exports', () => {
  const documents = async (ids: string[]) =>
    Object.fromEntries(ids.map((id) => [id, id === 'COM(2016) 731' ? { title: 'Proposal for a Regulation establishing ETIAS', date: '2016-11-16', kind: 'legislative-proposal', procedure: '2016/0357(COD)' } : null]));

  it('CSL-JSON: one item per document, typed, dated and linked', async () => {
    const { text, records } = await run(notes, visits, { scope: { kind: 'all' }, format: 'csl-json' }, { documents });
    const items = z.array(CslItem).parse(JSON.parse(text));
    expect(items.map((i) => i.id)).toEqual(['COM(2016) 731', '32017L0541', 'COM(2018) 225', '2017/0351(COD)']);
    expect(records).toBe(4);
    const etias = items[0]!;
    expect(etias).toMatchObject({ type: 'bill', title: 'Proposal for a Regulation establishing ETIAS', issued: { 'date-parts': [[2016, 11, 16]] }, author: [{ literal: 'European Commission' }], keyword: 'etias' });
    expect(etias.note).toContain('Procedure: 2016/0357(COD)');
    const directive = items[1]!;
    expect(directive).toMatchObject({ type: 'legislation', title: 'Directive on combating terrorism', URL: expect.stringContaining('32017L0541') });
    expect(directive.note).toContain('CELEX: 32017L0541');
    expect(directive.note).toContain('recital 4');
  });

  it('RIS: tagged lines, one record per document, ER closing each', async () => {
    const { text } = await run(notes, visits, { scope: { kind: 'all' }, format: 'ris' }, { documents });
    const records = text.split('ER  - \r\n').filter((r) => r.trim());
    expect(records).toHaveLength(4);
    for (const record of records) {
      const lines = record.split('\r\n').filter(Boolean);
      expect(lines[0]).toMatch(/^TY {2}- (STAT|BILL|RPRT|GOVDOC)$/);
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- .*$/);
    }
    expect(records[0]).toContain('TY  - BILL\r\n');
    expect(records[0]).toContain('PY  - 2016\r\n');
    expect(records[0]).toContain('DA  - 2016/11/16/\r\n');
    expect(records[1]).toContain('TY  - STAT\r\n');
    expect(records[1]).toContain('N1  - Compare with "2002/475", see recital 4\r\n');
    expect(records[1]).toContain('KW  - criminal law\r\n');
  });
});

describe('a history of 10,000 pages', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => visit(i));

  it.each(['csv', 'json', 'csl-json', 'ris'] as const)('%s is built in slices, with a yield to the page after each', async (format) => {
    let yields = 0;
    let sinceYield = 0;
    let maxBetweenYields = 0;
    const source = memorySource([], many);
    // Count the records the builder reads between two yields.
    const counted = {
      noteSlices: source.noteSlices,
      async *visitSlices(scope: Parameters<typeof source.visitSlices>[0], size: number) {
        for await (const slice of source.visitSlices(scope, size)) {
          sinceYield += slice.length;
          maxBetweenYields = Math.max(maxBetweenYields, sinceYield);
          yield slice;
        }
      },
    };
    const built = await buildExport(counted, { scope: { kind: 'all' }, format }, {
      sliceSize: 250,
      now: () => NOW,
      yieldToPage: async () => {
        yields++;
        sinceYield = 0;
      },
    });
    expect(yields).toBeGreaterThanOrEqual(10_000 / 250);
    expect(maxBetweenYields).toBeLessThanOrEqual(250);
    if (format === 'csv') {
      expect(built.records).toBe(20_000);
      expect(built.chunks.length).toBeGreaterThanOrEqual(40);
      expect(Math.max(...built.chunks.map((c) => c.length))).toBeLessThan(built.chunks.join('').length / 20);
    }
    if (format === 'json') expect(AnnotationsFileSchema.parse(JSON.parse(built.chunks.join(''))).visits).toHaveLength(10_000);
  });
});

describe('CSV rows per occurrence', () => {
  it('writes one row per mention with its text and position where the visit recorded them', async () => {
    const withPositions = visit(7, {
      references: [
        ref('COM(2016) 731', {
          count: 2,
          occurrences: [
            { exact: 'COM(2016) 731 final', start: 10, end: 29 },
            { exact: 'COM(2016)\u00a0731', start: 400, end: 414 },
          ],
        }),
        ref('32017L0541'),
      ],
    });
    const { text } = await run([], [withPositions], { format: 'csv', scope: { kind: 'all' } });
    const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const header = rows[0]!;
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    const references = rows.slice(1).filter((r) => r[0] === 'reference');
    expect(references.map((r) => [at(r, 'document_id'), at(r, 'quote'), at(r, 'quote_start'), at(r, 'quote_end')])).toEqual([
      ['COM(2016) 731', 'COM(2016) 731 final', '10', '29'],
      ['COM(2016) 731', 'COM(2016)\u00a0731', '400', '414'],
      ['32017L0541', '', '', ''],
    ]);
  });
});
