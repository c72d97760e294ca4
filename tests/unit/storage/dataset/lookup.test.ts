import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EurefsDb } from '../../../../storage/dataset/db';
import { ensureBundledDataset, loadBundledDataset, parseDataset } from '../../../../storage/dataset/load-bundled';
import { datasetStats, lookupDocuments } from '../../../../storage/dataset/lookup';
import { getDocuments, readCatalog } from '../../../../storage/dataset/buckets';
import type { Dataset } from '../../../../storage/dataset/schema';

const bundled = () => JSON.parse(readFileSync(new URL('../../../../seeds/dataset.json', import.meta.url), 'utf8')) as unknown;

function smallDataset(version: string, titles: Record<string, string>): Dataset {
  return parseDataset({
    schemaVersion: 2,
    version,
    reports: [{ id: 'COM(2018) 470', ordinal: 15, title: 'Fifteenth progress report', date: '2018-06-13' }],
    documents: Object.entries(titles).map(([id, title]) => ({
      id,
      type: 'com',
      kind: 'legislative-proposal',
      title,
      events: [
        {
          date: '2018-04-25',
          stage: 'provisional-agreement',
          institution: 'European Parliament and Council',
          label: 'Political agreement',
          source: { report: 'COM(2018) 470', section: 'II.1' },
        },
      ],
    })),
  });
}

let db: EurefsDb;
const bundledCount = async () => (await readCatalog(db.layerTables('bundled'))).ids.length;
const bundledDoc = async (id: string) => {
  const meta = await db.meta.get('bundled');
  return (await getDocuments(db.layerTables('bundled'), meta?.buckets ?? 0, [id]))[0];
};
let name = 0;
beforeEach(() => {
  db = new EurefsDb(`test-${++name}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the bundled dataset in IndexedDB', () => {
  it('loads the whole bundled dataset and answers a batched lookup from it', async () => {
    const meta = await ensureBundledDataset(db, async () => bundled());
    const dataset = parseDataset(bundled());
    expect(meta.documents).toBe(dataset.documents.length);
    expect(await bundledCount()).toBe(dataset.documents.length);
    const ids = dataset.documents.slice(0, 3).map((d) => d.id);
    const answer = await lookupDocuments(db, [...ids, 'COM(2099) 1', ids[0]!]);
    expect(Object.keys(answer.documents).sort()).toEqual([...ids, 'COM(2099) 1'].sort());
    expect(answer.documents['COM(2099) 1']).toBeNull();
    expect(answer.documents[ids[0]!]?.title).toBe(dataset.documents[0]!.title);
    expect(answer.datasetVersion).toBe(dataset.version);
  });

  it('derives the status and resolves each event source to its report', async () => {
    await loadBundledDataset(db, smallDataset('v1', { 'COM(2017) 793': 'Interoperability (borders and visa)' }));
    const { documents } = await lookupDocuments(db, ['COM(2017) 793']);
    const doc = documents['COM(2017) 793'];
    expect(doc?.status).toMatchObject({ stage: 'provisional-agreement', since: '2018-04-25', asOfReport: 'COM(2018) 470' });
    expect(doc?.timeline[0]?.source).toMatchObject({ report: 'COM(2018) 470', reportTitle: 'Fifteenth progress report' });
  });

  it('does not reload the same version, and replaces the data of a new one entirely', async () => {
    const first = await ensureBundledDataset(db, async () => smallDataset('v1', { 'COM(2017) 793': 'A', 'COM(2017) 794': 'B' }));
    const again = await ensureBundledDataset(db, async () => smallDataset('v1', { 'COM(2017) 793': 'changed' }));
    expect(again.loadedAt).toBe(first.loadedAt);
    expect((await bundledDoc('COM(2017) 793'))?.title).toBe('A');

    await ensureBundledDataset(db, async () => smallDataset('v2', { 'COM(2017) 793': 'A2' }));
    expect(await bundledCount()).toBe(1);
    expect((await bundledDoc('COM(2017) 793'))?.title).toBe('A2');
    expect((await datasetStats(db)).datasetVersion).toBe('v2');
  });

  it('keeps the previous dataset when a new one is invalid', async () => {
    await loadBundledDataset(db, smallDataset('v1', { 'COM(2017) 793': 'A' }));
    const broken = { ...smallDataset('v2', {}), documents: [{ id: 'COM(2017) 793', type: 'nonsense' }] };
    await expect(ensureBundledDataset(db, async () => broken)).rejects.toThrow(/not valid: documents\.0\.type/);
    expect((await datasetStats(db)).datasetVersion).toBe('v1');
    expect((await bundledDoc('COM(2017) 793'))?.title).toBe('A');
  });
});
