import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnotationsDb, ANNOTATIONS_DB_NAME } from '../../../../storage/annotations/db';
import { dexieSource } from '../../../../storage/annotations/dexie-source';
import { buildExport } from '../../../../storage/annotations/export';
import { english } from '../../../../i18n/english';
import { say } from '../../../../i18n/phrase';
import { errorWords } from '../../../../i18n/phrased-error';
import { wordsIn } from '../../i18n/helpers';
import { mergeImport, parseAnnotationsImport, ImportError } from '../../../../storage/annotations/import';
import { annotations, type Annotations, type AnswerOf } from '../../../../messaging/annotations';
import { parseAnswer, parseRequest, type MessageInput } from '../../../../messaging/exchange';
import { AnnotationsFileSchema, type Note } from '../../../../storage/annotations/schema';
import { handleAnnotationMessage } from '../../../../storage/annotations/service';
import { EurefsDb } from '../../../../storage/dataset/db';
import { BULGARIAN, GREEK, note, ref, visit } from './helpers';

// The history switches live in the one settings store, browser.storage.local.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

let db: AnnotationsDb;
let n = 0;
let clock = Date.parse('2018-06-01T12:00:00.000Z');
const now = () => new Date(clock);

beforeEach(() => {
  fakeBrowser.reset();
  db = new AnnotationsDb(`annotations-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

/** Sends a message as the background receives it: parsed with its type's schema, answer checked. */
async function send<M extends MessageInput<Annotations>>(message: M, target = db): Promise<AnswerOf<M['type']>> {
  const parsed = parseRequest(annotations, message);
  if (!parsed) throw new Error(`the background would not take ${JSON.stringify(message)}`);
  const answer = await handleAnnotationMessage(target, parsed, { now });
  return parseAnswer<Annotations, M['type']>(annotations, message.type, answer);
}

const quote = { exact: 'COM(2016) 731 final', prefix: 'proposed ', suffix: ' in November', start: 42, end: 61 };
const page = { url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32018R1240', title: 'Regulation (EU) 2018/1240' };

describe('the annotations database', () => {
  it('is its own database, apart from the dataset', () => {
    expect(ANNOTATIONS_DB_NAME).toBe('eurefs-annotations');
    expect(new AnnotationsDb().name).not.toBe(new EurefsDb().name);
  });
});

describe('notes', () => {
  it('are saved, listed for their document, edited and deleted', async () => {
    const saved = await send({ type: 'notes:save', note: { documentId: 'COM(2016) 731', label: 'COM(2016) 731', text: 'First', tags: [' etias ', 'etias', 'borders'], page, quote } });
    expect(saved.type).toBe('com');
    expect(saved.tags).toEqual(['etias', 'borders']);
    expect(saved.createdAt).toBe(saved.updatedAt);
    await send({ type: 'notes:save', note: { documentId: '32017L0541', label: 'Directive (EU) 2017/541', text: 'Other', tags: [], page, quote: null } });

    clock += 60_000;
    const edited = await send({ type: 'notes:save', note: { ...saved, text: `${GREEK} / ${BULGARIAN}` } });
    expect(edited.id).toBe(saved.id);
    expect(edited.createdAt).toBe(saved.createdAt);
    expect(edited.updatedAt > saved.updatedAt).toBe(true);

    const { notes } = await send({ type: 'notes:list-for-document', documentId: 'COM(2016) 731' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ text: `${GREEK} / ${BULGARIAN}`, quote, page });

    expect(await send({ type: 'notes:delete', id: saved.id })).toEqual({ deleted: 1 });
    expect((await send({ type: 'notes:list-for-document', documentId: 'COM(2016) 731' })).notes).toEqual([]);
  });

  it('are searched by words and tag, in Greek too', async () => {
    await send({ type: 'notes:save', note: { documentId: 'COM(2016) 731', label: 'COM(2016) 731', text: `ETIAS ${GREEK}`, tags: ['borders'], page, quote } });
    await send({ type: 'notes:save', note: { documentId: '32017L0541', label: 'Directive (EU) 2017/541', text: 'terrorism', tags: ['crime'], page, quote: null } });
    expect((await send({ type: 'notes:search', query: 'τρομοκρατίας' })).notes.map((x) => x.documentId)).toEqual(['COM(2016) 731']);
    expect((await send({ type: 'notes:search', query: '', tag: 'CRIME' })).notes.map((x) => x.documentId)).toEqual(['32017L0541']);
    const all = await send({ type: 'notes:search', query: '' });
    expect(all.total).toBe(2);
    expect(all.tags).toEqual(['borders', 'crime']);
  });

  it('refuses a malformed note at the boundary', () => {
    expect(parseRequest(annotations, { type: 'notes:save', note: { documentId: '', text: 'x' } })).toBeNull();
    expect(parseRequest(annotations, { type: 'lookup', ids: [] })).toBeNull();
  });
});

describe('reading history', () => {
  const references = [ref('COM(2016) 731', { stage: 'adopted' }), ref('COM(2021) 206', { stage: null, title: null })];

  it('records EUR-Lex visits by default, not other sites until switched on', async () => {
    const r1 = await send({ type: 'history:record-visit', url: page.url, title: page.title, references });
    expect(r1.recorded).toBe(true);
    const other = { type: 'history:record-visit' as const, url: 'https://commission.europa.eu/x', title: 'x', references };
    expect((await send(other)).recorded).toBe(false);
    await send({ type: 'history:set-site', host: 'commission.europa.eu', enabled: true });
    expect((await send(other)).recorded).toBe(true);

    const list = await send({ type: 'history:list', query: '' });
    expect(list.total).toBe(2);
    const eurlex = list.visits.find((v) => v.host === 'eur-lex.europa.eu')!;
    expect(eurlex).toMatchObject({ url: page.url, title: page.title, references });

    const off = await send({ type: 'history:set-site', host: 'eur-lex.europa.eu', enabled: false });
    expect(off.sites).toContainEqual({ host: 'eur-lex.europa.eu', enabled: false });
    expect(off.sites).toContainEqual({ host: 'commission.europa.eu', enabled: true });
    clock += 3_600_000;
    expect((await send({ type: 'history:record-visit', url: page.url, title: page.title, references })).recorded).toBe(false);
  });

  it('a reload within minutes updates the visit; a later return is a new visit', async () => {
    const first = await send({ type: 'history:record-visit', url: page.url, title: page.title, references });
    clock += 60_000;
    const again = await send({ type: 'history:record-visit', url: page.url, title: page.title, references: references.slice(0, 1) });
    expect(again.id).toBe(first.id);
    clock += 3_600_000;
    const later = await send({ type: 'history:record-visit', url: page.url, title: page.title, references });
    expect(later.id).not.toBe(first.id);
    const list = await send({ type: 'history:list', query: '' });
    expect(list.visits.map((v) => v.id)).toEqual([later.id, first.id]);
    expect(list.visits[1]!.references).toHaveLength(1);
  });

  it('keeps which document the visited page was, and still reads visits recorded without it', async () => {
    const older = { id: 'v-old', url: 'https://eur-lex.europa.eu/old.html', title: 'old', host: 'eur-lex.europa.eu', visitedAt: '2018-05-01T10:00:00.000Z', references };
    await db.visits.put(older);
    await send({ type: 'history:record-visit', url: page.url, title: page.title, references, documentId: '32018R1240' });
    const list = await send({ type: 'history:list', query: '' });
    expect(list.visits.map((v) => [v.url, v.documentId])).toEqual([[page.url, '32018R1240'], [older.url, undefined]]);
  });

  it('is cleared, for one site or all', async () => {
    await send({ type: 'history:set-site', host: 'commission.europa.eu', enabled: true });
    await send({ type: 'history:record-visit', url: page.url, title: page.title, references });
    await send({ type: 'history:record-visit', url: 'https://commission.europa.eu/x', title: 'x', references });
    expect(await send({ type: 'history:clear', host: 'commission.europa.eu' })).toEqual({ deleted: 1 });
    expect((await send({ type: 'history:list', query: '' })).total).toBe(1);
    expect(await send({ type: 'history:clear' })).toEqual({ deleted: 1 });
    expect((await send({ type: 'history:list', query: '' })).total).toBe(0);
  });

  it('pages through and searches the list', async () => {
    await db.visits.bulkAdd(Array.from({ length: 120 }, (_, i) => visit(i)));
    const page1 = await send({ type: 'history:list', query: '', offset: 0, limit: 50 });
    expect(page1.total).toBe(120);
    expect(page1.visits[0]!.id).toBe('visit-000119');
    const found = await send({ type: 'history:list', query: 'Page 42' });
    expect(found.visits.map((v) => v.id)).toEqual(['visit-000042']);
  });
});

describe('import of an earlier export', () => {
  async function seed(target: AnnotationsDb) {
    const notes: Note[] = [note(1, { text: `${GREEK}\n"quoted", =1+1` }), note(2, { documentId: 'COM(2016) 731', label: 'COM(2016) 731', type: 'com', tags: [], quote: null, text: BULGARIAN })];
    await target.notes.bulkAdd(notes);
    await target.visits.bulkAdd(Array.from({ length: 30 }, (_, i) => visit(i)));
  }
  const exportText = async (source: AnnotationsDb, format: 'json' | 'w3c') =>
    (await buildExport(dexieSource(source), { scope: { kind: 'all' }, format }, { yieldToPage: async () => undefined })).chunks.join('');

  it('a JSON round trip loses nothing and a second import adds nothing', async () => {
    await seed(db);
    const text = await exportText(db, 'json');
    const other = new AnnotationsDb(`annotations-test-${++n}`);
    try {
      const first = await mergeImport(other, parseAnnotationsImport(text, now().toISOString()));
      expect(first).toMatchObject({ format: 'eurefs-annotations', notesAdded: 2, visitsAdded: 30, notesUpdated: 0 });
      expect(await other.notes.orderBy('id').toArray()).toEqual(await db.notes.orderBy('id').toArray());
      expect(await other.visits.orderBy('id').toArray()).toEqual(await db.visits.orderBy('id').toArray());
      const second = await mergeImport(other, parseAnnotationsImport(text, now().toISOString()));
      expect(second).toMatchObject({ notesAdded: 0, notesUpdated: 0, notesUnchanged: 2, visitsAdded: 0, visitsUnchanged: 30 });
      expect(await other.notes.count()).toBe(2);
      expect(await other.visits.count()).toBe(30);
      // Exporting again gives the same records.
      const again = AnnotationsFileSchema.parse(JSON.parse(await exportText(other, 'json')));
      const before = AnnotationsFileSchema.parse(JSON.parse(text));
      expect(again.notes).toEqual(before.notes);
      expect(again.visits).toEqual(before.visits);
    } finally {
      await other.delete();
    }
  });

  it('importing into the same database adds no duplicates; a newer edit wins', async () => {
    await seed(db);
    const file = AnnotationsFileSchema.parse(JSON.parse(await exportText(db, 'json')));
    file.notes[0] = { ...file.notes[0]!, text: 'edited elsewhere', updatedAt: '2030-01-01T00:00:00.000Z' };
    // The same visit exported under another id is still the same visit.
    file.visits[0] = { ...file.visits[0]!, id: 'another-id' };
    const summary = await mergeImport(db, parseAnnotationsImport(JSON.stringify(file)));
    expect(summary).toMatchObject({ notesAdded: 0, notesUpdated: 1, notesUnchanged: 1, visitsAdded: 0, visitsUnchanged: 30 });
    expect((await db.notes.get(file.notes[0]!.id))?.text).toBe('edited elsewhere');
    expect(await db.visits.count()).toBe(30);
  });

  it('a W3C Web Annotation round trip keeps the notes, their quotes and tags', async () => {
    await seed(db);
    const text = await exportText(db, 'w3c');
    const parsed = parseAnnotationsImport(text);
    expect(parsed.format).toBe('w3c');
    const original = await db.notes.orderBy('id').toArray();
    const back = [...parsed.notes].sort((a, b) => a.id.localeCompare(b.id));
    expect(back.map(({ id, documentId, type, text: t, tags, quote: q, page: p, createdAt, updatedAt }) => ({ id, documentId, type, text: t, tags, quote: q, url: p.url, createdAt, updatedAt }))).toEqual(
      original.map(({ id, documentId, type, text: t, tags, quote: q, page: p, createdAt, updatedAt }) => ({ id, documentId, type, text: t, tags, quote: q, url: p.url, createdAt, updatedAt })),
    );
    const summary = await mergeImport(db, parsed);
    expect(summary).toMatchObject({ notesAdded: 0, notesUpdated: 0, notesUnchanged: 2 });
  });

  it('reads another tool\'s annotation that names an EU document, and skips one that does not', () => {
    const foreign = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/abc',
        type: 'Annotation',
        body: [{ type: 'TextualBody', value: 'see COM', purpose: 'commenting' }, { type: 'TextualBody', value: 'COM(2017) 793', purpose: 'identifying' }],
        target: { source: 'https://eur-lex.europa.eu/x', selector: { type: 'TextQuoteSelector', exact: 'COM(2017) 793 final' } },
      },
      { id: 'urn:x:1', type: 'Annotation', body: 'just a comment', target: 'https://example.org' },
    ];
    const parsed = parseAnnotationsImport(JSON.stringify(foreign), '2020-01-01T00:00:00.000Z');
    expect(parsed.skipped).toBe(1);
    expect(parsed.notes[0]).toMatchObject({ id: 'https://hypothes.is/a/abc', documentId: 'COM(2017) 793', type: 'com', text: 'see COM', quote: { exact: 'COM(2017) 793 final', start: 0, end: 0 } });
  });

  it('refuses what is not an export, before touching the database', () => {
    expect(() => parseAnnotationsImport('not json')).toThrow(ImportError);
    expect(() => parseAnnotationsImport('{"format":"eurefs-annotations","version":1}')).toThrow(ImportError);
    expect(() => parseAnnotationsImport('{"hello":1}')).toThrow(ImportError);
    const thrown = (text: string) => {
      try {
        parseAnnotationsImport(text);
      } catch (error) {
        return errorWords(error);
      }
      return 'nothing thrown';
    };
    expect(say(english, thrown('not json'))).toBe('The file is not JSON: choose a JSON or JSON-LD export of Eurefs annotations.');
    expect(say(english, thrown('{"hello":1}'))).toBe('Not an export Eurefs can read: expected a Eurefs annotations file or W3C Web Annotations.');
    expect(say(english, thrown('{"format":"eurefs-annotations","version":1}'))).toMatch(/^The annotations file does not validate: ✖/);
    expect(say(wordsIn('de'), thrown('not json'))).toBe('Die Datei ist kein JSON: Wählen Sie einen JSON- oder JSON-LD-Export von Eurefs-Anmerkungen.');
  });
});

describe('export by message', () => {
  it('exports the current page from the database, with the dataset\'s titles for reference managers', async () => {
    await send({ type: 'history:record-visit', url: page.url, title: page.title, references: [ref('COM(2016) 731', { stage: 'adopted', title: null })] });
    const parsed = annotations['annotations:export'].request.parse({ type: 'annotations:export', request: { scope: { kind: 'pages', urls: [page.url] }, format: 'csl-json' } });
    const answer = annotations['annotations:export'].answer.parse(
      await handleAnnotationMessage(db, parsed, { now, documents: async (ids) => Object.fromEntries(ids.map((id) => [id, { title: 'ETIAS proposal', date: '2016-11-16' }])) }),
    );
    expect(JSON.parse(answer.content)).toEqual([expect.objectContaining({ id: 'COM(2016) 731', title: 'ETIAS proposal', issued: { 'date-parts': [[2016, 11, 16]] } })]);
  });
});
