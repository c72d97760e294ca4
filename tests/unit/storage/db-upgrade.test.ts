import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { EurefsDb } from '../../../storage/db';
import { lookupDocuments } from '../../../storage/lookup';
import { applyImport } from '../../../storage/import/layers';

it('opens a version 1 database as version 2: the bundled layer stays, the import layer is added', async () => {
  const name = 'upgrade-test';
  const v1 = new Dexie(name);
  v1.version(1).stores({ documents: 'id, type, celex, procedure, *topics', reports: 'id, ordinal', meta: 'key' });
  const doc = { id: 'COM(2017) 793', type: 'com', kind: 'legislative-proposal', title: 'Interoperability', aliases: [], topics: [], amends: [], amendedBy: [], mentions: [], events: [] };
  await v1.table('documents').put(doc);
  await v1.table('meta').put({ key: 'bundled', version: 'v1', loadedAt: '2019-01-01T00:00:00.000Z', documents: 1, events: 0 });
  v1.close();

  const db = new EurefsDb(name);
  const answer = await lookupDocuments(db, ['COM(2017) 793']);
  expect(db.verno).toBe(2);
  expect(db.isOpen()).toBe(true);
  expect(answer).toMatchObject({ datasetVersion: 'v1', documents: { 'COM(2017) 793': { title: 'Interoperability' } } });
  await applyImport(db, { schemaVersion: 1, version: 'imported', reports: [], documents: [{ ...doc, type: 'com', title: 'Imported title' }] as never }, {
    mode: 'merge',
    source: { kind: 'file', name: 'x.json' },
    format: 'json',
    hash: 'h',
    bytes: 1,
  });
  expect((await lookupDocuments(db, ['COM(2017) 793'])).documents['COM(2017) 793']?.title).toBe('Imported title');
  await db.delete();
});
