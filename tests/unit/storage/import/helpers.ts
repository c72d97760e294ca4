import { readFileSync } from 'node:fs';
import type { Dataset, DatasetDocument, Stage } from '../../../../storage/dataset/schema';
import { EurefsDb } from '../../../../storage/dataset/db';
import { parseDataset } from '../../../../storage/dataset/load-bundled';

export const bundledDataset = (): Dataset =>
  parseDataset(JSON.parse(readFileSync(new URL('../../../../seeds/dataset.json', import.meta.url), 'utf8')));

export const REPORT = { id: 'COM(2018) 470', ordinal: 15, title: 'Fifteenth progress report', date: '2018-06-13' };
export const LATER_REPORT = { id: 'COM(2019) 145', ordinal: 18, title: 'Eighteenth progress report', date: '2019-03-20' };

export function doc(id: string, stage: Stage = 'proposed', extra: Partial<DatasetDocument> = {}): DatasetDocument {
  return {
    id,
    type: 'com',
    kind: 'legislative-proposal',
    title: `Title of ${id}`,
    aliases: [],
    topics: [],
    amends: [],
    amendedBy: [],
    mentions: [],
    events: [{ date: '2018-04-25', stage, institution: 'Commission', label: `${stage} event`, source: { report: REPORT.id, section: 'II.1' } }],
    ...extra,
  };
}

export function dataset(version: string, documents: DatasetDocument[], reports = [REPORT]): Dataset {
  return { schemaVersion: 2, version, reports, documents };
}

export const bytes = (text: string) => new TextEncoder().encode(text);
export const jsonBytes = (value: unknown) => bytes(JSON.stringify(value));

let counter = 0;
export function freshDb(): EurefsDb {
  return new EurefsDb(`import-test-${Date.now()}-${++counter}`);
}

/** Everything in the database, to compare before and after. */
export async function dump(db: EurefsDb) {
  const tables = ['bundledBuckets', 'reports', 'meta', 'layerBuckets', 'catalogs', 'layerReports', 'layer', 'imports', 'undo', 'settings'] as const;
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = await db.table(name).toArray();
  return out;
}

/** `n` synthetic documents with canonical ids (COM documents over many years). */
export function manyDocuments(n: number, stage: Stage = 'proposed', titleSuffix = ''): DatasetDocument[] {
  const out: DatasetDocument[] = [];
  for (let i = 0; i < n; i++) {
    const year = 1990 + (i % 35);
    const number = Math.floor(i / 35) + 1;
    out.push(doc(`COM(${year}) ${number}`, stage, { title: `Synthetic proposal number ${i}${titleSuffix}` }));
  }
  return out;
}
