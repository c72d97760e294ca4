import { DatasetSchema, type Dataset } from './schema';
import type { EurefsDb, MetaRow } from './db';
import { writeAll } from './buckets';

/** Parses a dataset that arrived as JSON text; throws with the first problems in words. */
export function parseDataset(value: unknown): Dataset {
  const result = DatasetSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new Error(`The dataset is not valid: ${problems}`);
}

function countEvents(dataset: Dataset): number {
  return dataset.documents.reduce((sum, doc) => sum + doc.events.length, 0);
}

/**
 * Replaces the bundled layer with `dataset` in one read-write transaction: a reader never sees
 * half a dataset, and a failure leaves the previous one in place. Only the bundled layer's tables
 * are in the transaction: staff imports (the import layer, storage/dataset/layers.ts) lie over it
 * and survive every reload of the bundled dataset.
 */
export async function loadBundledDataset(db: EurefsDb, dataset: Dataset, now = new Date()): Promise<MetaRow> {
  const meta: MetaRow = {
    key: 'bundled',
    version: dataset.version,
    loadedAt: now.toISOString(),
    documents: dataset.documents.length,
    events: countEvents(dataset),
    buckets: 0,
  };
  const layer = db.layerTables('bundled');
  await db.transaction('rw', [layer.buckets, layer.catalogs, layer.procedures, db.reports, db.meta], async () => {
    meta.buckets = await writeAll(layer, dataset.documents);
    await db.reports.clear();
    await db.reports.bulkPut(dataset.reports);
    await db.meta.put(meta);
  });
  return meta;
}

/**
 * Loads the bundled dataset unless this exact version is already in the database. Called on
 * install, on update and when the service worker wakes: a database the browser evicted or a user
 * cleared comes back by itself.
 */
export async function ensureBundledDataset(
  db: EurefsDb,
  readBundled: () => Promise<unknown>,
  { force = false }: { force?: boolean } = {},
): Promise<MetaRow> {
  const bundled = parseDataset(await readBundled());
  const current = await db.meta.get('bundled');
  if (!force && current && current.version === bundled.version) return current;
  return loadBundledDataset(db, bundled);
}
