import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { EurefsDb } from '../../../../storage/dataset/db';
import { lookupDocuments } from '../../../../storage/dataset/lookup';
import { applyImport, effectiveStats, listImports, readEffective, undoLastImport } from '../../../../storage/dataset/layers';
import { bucketCountFor } from '../../../../storage/dataset/buckets';

const V1 = { documents: 'id, type, celex, procedure, *topics', reports: 'id, ordinal', meta: 'key' };
const V2 = { layerDocuments: 'id', layerReports: 'id, ordinal', layer: 'key', imports: '++seq', undo: '[seq+id], seq', settings: 'key' };

it('opens a version 1 database as the current version: the bundled layer stays, the import layer is added, its procedures resolve', async () => {
  const name = 'upgrade-test';
  const v1 = new Dexie(name);
  v1.version(1).stores(V1);
  const doc = { id: 'COM(2017) 793', type: 'com', kind: 'legislative-proposal', title: 'Interoperability', procedure: '2017/0351(COD)', aliases: [], topics: [], amends: [], amendedBy: [], mentions: [], events: [] };
  await v1.table('documents').put(doc);
  await v1.table('meta').put({ key: 'bundled', version: 'v1', loadedAt: '2019-01-01T00:00:00.000Z', documents: 1, events: 0 });
  v1.close();

  const db = new EurefsDb(name);
  const answer = await lookupDocuments(db, ['COM(2017) 793', '2017/0351(COD)']);
  expect(db.verno).toBe(5);
  expect(db.isOpen()).toBe(true);
  expect(answer).toMatchObject({ datasetVersion: 'v1', documents: { 'COM(2017) 793': { title: 'Interoperability' }, '2017/0351(COD)': { id: 'COM(2017) 793' } } });
  await applyImport(db, { schemaVersion: 2, version: 'imported', reports: [], documents: [{ ...doc, type: 'com', title: 'Imported title' }] as never }, {
    mode: 'merge',
    source: { kind: 'file', name: 'x.json' },
    format: 'json',
    hash: 'h',
    bytes: 1,
  });
  expect((await lookupDocuments(db, ['COM(2017) 793'])).documents['COM(2017) 793']?.title).toBe('Imported title');
  await db.delete();
});

it('opens a version 2 database with an import in effect: documents move into buckets, the old tables go, undo still works', async () => {
  const name = 'upgrade-test-2';
  const v2 = new Dexie(name);
  v2.version(1).stores(V1);
  v2.version(2).stores(V2);
  const base = { type: 'com', kind: 'legislative-proposal', aliases: [], topics: [], amends: [], amendedBy: [], mentions: [] };
  const event = (stage: string) => ({ date: '2018-04-25', stage, institution: 'Commission', label: stage, source: { report: 'COM(2018) 470', section: 'II' } });
  const bundled = Array.from({ length: 500 }, (_, i) => ({ ...base, id: `COM(2017) ${i + 1}`, title: `Bundled ${i + 1}`, events: [event('proposed')] }));
  await v2.table('documents').bulkPut(bundled);
  await v2.table('reports').put({ id: 'COM(2018) 470', ordinal: 15, title: 'Fifteenth progress report', date: '2018-06-13' });
  await v2.table('meta').put({ key: 'bundled', version: 'b1', loadedAt: '2019-01-01T00:00:00.000Z', documents: 500, events: 500 });
  // An import (seq 1) that changed COM(2017) 1 and added COM(2099) 1, as version 2 wrote it.
  const changed = { ...bundled[0]!, title: 'Imported 1', events: [event('adopted')] };
  const added = { ...base, id: 'COM(2099) 1', title: 'Added', events: [event('proposed'), event('adopted')] };
  await v2.table('layerDocuments').bulkPut([changed, added]);
  await v2.table('layer').put({ key: 'import', revision: 1, version: 'i1', hidesBundled: false, events: 3 });
  await v2.table('imports').add({
    at: '2019-02-01T00:00:00.000Z', source: { kind: 'file', name: 'i1.json' }, format: 'json', hash: 'h', bytes: 1, version: 'i1', mode: 'merge',
    counts: { added: 1, changed: 1, removed: 0, documents: 501, events: 502, reports: 1 },
    before: { version: null, hidesBundled: false, events: 0, reports: [] },
  });
  await v2.table('undo').bulkAdd([
    { seq: 1, id: 'COM(2017) 1', before: null },
    { seq: 1, id: '\u0000added-000000', before: null, added: ['COM(2099) 1'] },
  ]);
  v2.close();

  const db = new EurefsDb(name);
  await db.open();
  expect(db.verno).toBe(5);
  expect(db.tables.map((t) => t.name).sort()).toEqual(['bundledBuckets', 'catalogs', 'imports', 'layer', 'layerBuckets', 'layerReports', 'meta', 'procedures', 'reports', 'settings', 'undo']);
  expect((await db.meta.get('bundled'))?.buckets).toBe(bucketCountFor(bundled.reduce((n, d) => n + JSON.stringify(d).length, 0)));
  expect((await db.layer.get('import'))?.buckets).toBe(1);
  const answer = await lookupDocuments(db, ['COM(2017) 1', 'COM(2017) 500', 'COM(2099) 1', 'COM(2099) 2']);
  expect(answer.datasetVersion).toBe('i1');
  expect(answer.documents['COM(2017) 1']).toMatchObject({ title: 'Imported 1', status: { stage: 'adopted' } });
  expect(answer.documents['COM(2017) 500']?.title).toBe('Bundled 500');
  expect(answer.documents['COM(2099) 1']?.title).toBe('Added');
  expect(answer.documents['COM(2099) 2']).toBeNull();
  expect(await effectiveStats(db)).toMatchObject({ documents: 501, events: 502 });

  // The undo rows version 2 wrote still undo its import.
  await undoLastImport(db);
  const after = await readEffective(db);
  expect(after.documents.size).toBe(500);
  expect(after.documents.get('COM(2017) 1')?.title).toBe('Bundled 1');
  expect((await listImports(db))[0]?.undone?.by).toBe('undo');
  expect(await db.layerBuckets.count()).toBe(0);
  await db.delete();
});
