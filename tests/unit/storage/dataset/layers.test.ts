import 'fake-indexeddb/auto';
import { errorWords } from '../../../../i18n/phrased-error';
import { wordsIn } from '../../i18n/helpers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../../storage/dataset/schema';
import type { EurefsDb, ImportMode } from '../../../../storage/dataset/db';
import { previewImport } from '../../../../storage/import/diff';
import { datasetToCsv } from '../../../../storage/import/csv';
import { datasetToJson } from '../../../../storage/import/json';
import {
  applyImport,
  effectiveStats,
  exportEffective,
  ImportConflictError,
  layerRevision,
  listImports,
  readEffective,
  resetToBundled,
  rollbackTo,
  undoLastImport,
} from '../../../../storage/dataset/layers';
import { prepareImport } from '../../../../storage/import/pipeline';
import { quotaProblem } from '../../../../storage/import/quota';
import { ensureBundledDataset, loadBundledDataset } from '../../../../storage/dataset/load-bundled';
import { datasetStats, lookupDocuments } from '../../../../storage/dataset/lookup';
import { bundledDataset, bytes, dataset, doc, dump, freshDb, jsonBytes, LATER_REPORT, REPORT } from '../import/helpers';
import { english } from '../../../../i18n/english';
import { say } from '../../../../i18n/phrase';

let db: EurefsDb;
beforeEach(async () => {
  db = freshDb();
  await loadBundledDataset(db, bundledDataset());
});
afterEach(async () => {
  await db.delete();
});

const source = { kind: 'file' as const, name: 'update.json' };

/** The whole flow the options page runs: prepare, preview, apply (only when valid). */
async function importBytes(data: Uint8Array, name: string, mode: ImportMode = 'merge') {
  const revision = await layerRevision(db);
  const current = await readEffective(db);
  const prepared = await prepareImport(data, { name, knownReports: new Set(current.reports.keys()) });
  if (!prepared.dataset) return { prepared, entry: null };
  const preview = await previewImport(current, prepared.dataset, mode);
  const entry = await applyImport(db, prepared.dataset, { mode, expectedRevision: revision, source: { kind: 'file', name }, format: prepared.format!, hash: prepared.hash, bytes: prepared.bytes });
  return { prepared, preview, entry };
}

const apply = (data: Dataset, mode: ImportMode = 'merge', expectedRevision?: number) =>
  applyImport(db, data, { mode, source, format: 'json', hash: 'h', bytes: 1, ...(expectedRevision !== undefined ? { expectedRevision } : {}) });

const statusOf = async (id: string) => (await lookupDocuments(db, [id])).documents[id]?.status?.stage ?? null;

describe('imports over the bundled dataset', () => {
  it('merges: the lookup answers from the import, other documents still from the bundled layer', async () => {
    expect(await statusOf('COM(2018) 640')).not.toBe('adopted');
    const bundledCount = bundledDataset().documents.length;
    const entry = await apply(dataset('2019-06-01.1', [doc('COM(2018) 640', 'adopted'), doc('COM(2099) 1')], [REPORT, LATER_REPORT]));
    expect(entry.counts).toMatchObject({ added: 1, changed: 1, removed: 0, documents: bundledCount + 1 });
    expect(await statusOf('COM(2018) 640')).toBe('adopted');
    expect(await statusOf('COM(2099) 1')).toBe('proposed');
    expect((await lookupDocuments(db, ['COM(2016) 731'])).documents['COM(2016) 731']?.title).toMatch(/ETIAS/);
    const stats = await datasetStats(db);
    expect(stats).toMatchObject({ datasetVersion: '2019-06-01.1', documents: bundledCount + 1 });
  });

  it('answers a batch with one bulkGet per layer', async () => {
    await apply(dataset('v2', [doc('COM(2018) 640', 'adopted')]));
    const layer = vi.spyOn(db.layerBuckets, 'bulkGet');
    const bundled = vi.spyOn(db.bundledBuckets, 'bulkGet');
    const ids = [...Array.from({ length: 3000 }, (_, i) => `COM(2030) ${i + 1}`), 'COM(2018) 640', 'COM(2016) 731'];
    const answer = await lookupDocuments(db, ids);
    expect(layer).toHaveBeenCalledTimes(1);
    expect(bundled).toHaveBeenCalledTimes(1);
    expect(answer.documents['COM(2018) 640']?.status?.stage).toBe('adopted');
    expect(answer.documents['COM(2016) 731']).not.toBeNull();
  });

  it('an extension update that reloads the bundled dataset keeps the import', async () => {
    await apply(dataset('imported', [doc('COM(2018) 640', 'adopted')]));
    const next = { ...bundledDataset(), version: '2099-01-01.1' };
    await ensureBundledDataset(db, async () => next, { force: true });
    expect(await statusOf('COM(2018) 640')).toBe('adopted');
    expect((await effectiveStats(db)).bundledVersion).toBe('2099-01-01.1');
    expect((await listImports(db)).length).toBe(1);
  });

  it('replace: the file becomes the whole dataset; undo brings the bundled layer back', async () => {
    const before = await readEffective(db);
    const entry = await apply(dataset('only', [doc('COM(2018) 640', 'adopted')]), 'replace');
    expect(entry.counts.documents).toBe(1);
    expect(entry.counts.removed).toBe(bundledDataset().documents.length - 1);
    expect((await lookupDocuments(db, ['COM(2016) 731'])).documents['COM(2016) 731']).toBeNull();
    expect((await exportEffective(db)).documents.map((d) => d.id)).toEqual(['COM(2018) 640']);
    await undoLastImport(db);
    const after = await readEffective(db);
    expect([...after.documents.entries()]).toEqual([...before.documents.entries()]);
    expect((await lookupDocuments(db, ['COM(2016) 731'])).documents['COM(2016) 731']).not.toBeNull();
  });

  it('undo, roll back to any version, reset to the bundled dataset', async () => {
    const bundledStatus = await statusOf('COM(2018) 640');
    const first = await apply(dataset('v1', [doc('COM(2018) 640', 'in-negotiation')]));
    await apply(dataset('v2', [doc('COM(2018) 640', 'provisional-agreement'), doc('COM(2099) 2')]));
    await apply(dataset('v3', [doc('COM(2018) 640', 'adopted')]), 'replace');
    expect(await statusOf('COM(2018) 640')).toBe('adopted');

    await undoLastImport(db);
    expect(await statusOf('COM(2018) 640')).toBe('provisional-agreement');
    expect(await statusOf('COM(2099) 2')).toBe('proposed');
    expect((await datasetStats(db)).datasetVersion).toBe('v2');

    expect(await rollbackTo(db, first.seq!)).toBe(1);
    expect(await statusOf('COM(2018) 640')).toBe('in-negotiation');
    expect(await statusOf('COM(2099) 2')).toBeNull();

    await apply(dataset('v4', [doc('COM(2018) 640', 'withdrawn')]));
    expect(await resetToBundled(db)).toBe(2);
    expect(await statusOf('COM(2018) 640')).toBe(bundledStatus);
    expect(await db.layerBuckets.count()).toBe(0);
    expect(await db.catalogs.get('import')).toBeUndefined();
    expect(await db.undo.count()).toBe(0);
    const history = await listImports(db);
    expect(history.map((e) => [e.version, e.undone?.by])).toEqual([
      ['v4', 'reset'],
      ['v3', 'undo'],
      ['v2', 'rollback'],
      ['v1', 'reset'],
    ]);
    expect((await datasetStats(db)).datasetVersion).toBe(bundledDataset().version);
    const nothing = await undoLastImport(db).then(() => 'nothing thrown', (error: unknown) => error);
    expect(say(english, errorWords(nothing))).toBe('There is no import to undo.');
    expect(say(wordsIn('de'), errorWords(nothing))).toBe('Es gibt keinen Import, der rückgängig gemacht werden könnte.');
  });

  it('an export re-imported changes nothing, in JSON and in CSV, merged or replacing', async () => {
    await apply(dataset('v1', [doc('COM(2018) 640', 'adopted', { title: '<script>alert(1)</script>' }), doc('COM(2099) 1')], [REPORT, LATER_REPORT]));
    const exported = await exportEffective(db);
    const statsBefore = await effectiveStats(db);
    for (const [text, name] of [
      [datasetToJson(exported), 'export.json'],
      [datasetToCsv(exported), 'export.csv'],
    ] as const) {
      for (const mode of ['merge', 'replace'] as const) {
        const before = await readEffective(db);
        const { prepared, preview } = await importBytes(bytes(text), name, mode);
        expect(prepared.errors).toEqual([]);
        expect(preview?.counts).toMatchObject({ added: 0, changed: 0, removed: 0, statusChanges: 0 });
        const after = await readEffective(db);
        expect([...after.documents.entries()].sort()).toEqual([...before.documents.entries()].sort());
        expect(await effectiveStats(db)).toMatchObject({ documents: statsBefore.documents, events: statsBefore.events });
      }
    }
  });

  it('previews status changes in words', async () => {
    const current = await readEffective(db);
    const preview = await previewImport(current, dataset('v', [doc('COM(2018) 640', 'provisional-agreement'), doc('COM(2016) 731', 'proposed')]), 'merge');
    const before = (await lookupDocuments(db, ['COM(2018) 640'])).documents['COM(2018) 640']?.status?.stage;
    expect(before).toBe('in-negotiation');
    expect(preview.statusChanges.map((c) => `${c.id}: ${c.text}`)).toContain('COM(2018) 640: in negotiation → provisional agreement');
    const backwards = preview.statusChanges.find((c) => c.id === 'COM(2016) 731');
    expect(backwards?.backwards).toBe(true);
    expect(preview.counts.changed).toBe(2);
  });
});

describe('nothing half-written, nothing lost', () => {
  const bad: [string, string, string][] = [
    ['malformed JSON', 'bad.json', '{"schemaVersion": 1, "version": "x", "documents": [}'],
    ['a CSV with a broken quote', 'bad.csv', 'record,id,title\ndataset,,\ndocument,COM(2018) 640,"never closed\n'],
    ['a future schema version', 'future.json', JSON.stringify({ schemaVersion: 3, version: 'x', reports: [], documents: [] })],
    ['a wrong schema version', 'wrong.json', JSON.stringify({ schemaVersion: 'one', version: 'x', reports: [], documents: [] })],
    ['duplicate ids', 'dup.json', JSON.stringify(dataset('x', [doc('COM(2018) 640'), doc('COM(2018) 640')]))],
    ['ids that do not parse', 'ids.json', JSON.stringify(dataset('x', [doc('COM 2018 six hundred forty')]))],
    ['impossible dates', 'dates.json', JSON.stringify(dataset('x', [doc('COM(2018) 640', 'proposed', { date: '2018-02-29' })]))],
    ['unknown stages', 'stages.json', JSON.stringify(dataset('x', [doc('COM(2018) 640', 'trilogue' as never)]))],
    ['__proto__ keys', 'proto.json', '{"schemaVersion":1,"version":"x","reports":[],"documents":[],"__proto__":{"isAdmin":true}}'],
    ['an HTML page', 'page.json', '<!doctype html><html><body>Not found</body></html>'],
  ];
  for (const [what, name, text] of bad) {
    it(`${what}: a clear error, and the database exactly as it was`, async () => {
      await apply(dataset('v1', [doc('COM(2018) 640', 'adopted')]));
      const before = await dump(db);
      const { prepared, entry } = await importBytes(bytes(text), name);
      expect(entry).toBeNull();
      expect(prepared.errorCount).toBeGreaterThan(0);
      expect(say(english, prepared.errors[0]!.message).length).toBeGreaterThan(10);
      expect(await dump(db)).toEqual(before);
    });
  }

  it('a crash in the middle of the transaction (the browser closing) leaves nothing half-written', async () => {
    await apply(dataset('v1', [doc('COM(2018) 640', 'adopted')]));
    const before = await dump(db);
    await expect(
      applyImport(db, dataset('v2', [doc('COM(2018) 640', 'withdrawn'), doc('COM(2099) 1')]), {
        mode: 'replace',
        source,
        format: 'json',
        hash: 'h',
        bytes: 1,
        afterWrites: () => {
          throw new Error('the browser closed');
        },
      }),
    ).rejects.toThrow('the browser closed');
    expect(await dump(db)).toEqual(before);
  });

  it('two imports started at once: one applies, the other is refused and changes nothing', async () => {
    const revision = await layerRevision(db);
    const results = await Promise.allSettled([
      apply(dataset('a', [doc('COM(2018) 640', 'adopted')]), 'merge', revision),
      apply(dataset('b', [doc('COM(2018) 640', 'withdrawn'), doc('COM(2099) 5')]), 'replace', revision),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ImportConflictError);
    expect(say(english, errorWords(rejected.reason))).toMatch(/^The dataset changed since this preview was made .* Nothing was changed: look at the new preview and apply again\.$/);
    expect(say(wordsIn('de'), errorWords(rejected.reason))).toMatch(/^Der Datensatz hat sich geändert, seit diese Vorschau erstellt wurde/);
    expect(await listImports(db)).toHaveLength(1);
    const applied = (await listImports(db))[0]!;
    expect(await statusOf('COM(2018) 640')).toBe(applied.version === 'a' ? 'adopted' : 'withdrawn');
  });

  it('a stale preview is refused after an undo in another tab', async () => {
    await apply(dataset('v1', [doc('COM(2018) 640', 'adopted')]));
    const revision = await layerRevision(db);
    await undoLastImport(db);
    const before = await dump(db);
    await expect(apply(dataset('v2', [doc('COM(2099) 1')]), 'merge', revision)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await dump(db)).toEqual(before);
  });

  it('a file too large for the storage quota gets a clear message', () => {
    expect(say(english, quotaProblem({ usage: 90e6, quota: 100e6 }, 50e6) ?? 'none')).toMatch(/needs about 143\.1 MB of storage, but the browser allows Eurefs only 9\.5 MB more\. Nothing was changed/);
    expect(quotaProblem({ usage: 0, quota: 10e9 }, 50e6)).toBeNull();
    expect(quotaProblem(undefined, 50e6)).toBeNull();
  });

  it('the reader’s notes database is never opened by an import', async () => {
    await apply(dataset('v1', [doc('COM(2018) 640', 'adopted')]), 'replace');
    await resetToBundled(db);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names.filter((n) => n && !n.startsWith('import-test-'))).toEqual([]);
  });
});

describe('validated JSON through the whole flow', () => {
  it('imports a small JSON file and records where it came from', async () => {
    const { entry } = await importBytes(jsonBytes(dataset('2019-06-01.1', [doc('COM(2018) 640', 'provisional-agreement')])), 'update.json');
    expect(entry).toMatchObject({ version: '2019-06-01.1', source: { kind: 'file', name: 'update.json' }, format: 'json', mode: 'merge' });
    expect(entry?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await statusOf('COM(2018) 640')).toBe('provisional-agreement');
  });
});
