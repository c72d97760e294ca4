import { DatasetSchema, type Dataset } from './schema';
import type { EurefsDb, MetaRow } from './db';
import { writeAll } from './buckets';
import { asList, datasetVersionOf, listOf, readDatasetFile, type DocumentList, type FileIssue, type LoadableDataset } from './dataset-file';

function words(issues: readonly FileIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses a dataset that arrived as JSON text; throws with the first problems in words. */
export function parseDataset(value: unknown): Dataset {
  const result = DatasetSchema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`The dataset is not valid: ${words(result.error.issues)}`);
}

/**
 * Parses a dataset file from its bytes, a document at a time (dataset-file.ts), and
 * throws as parseDataset does. A file not laid out as a dataset is parsed whole, so that the
 * error says what JSON.parse or the schema says of it.
 */
export function parseDatasetBytes(bytes: Uint8Array): LoadableDataset {
  const read = readDatasetFile(bytes);
  if (read.dataset) return read.dataset;
  if (read.issues.length) throw new Error(`The dataset is not valid: ${words(read.issues)}`);
  const dataset = parseDataset(JSON.parse(new TextDecoder().decode(bytes)));
  return { ...dataset, documents: listOf(dataset.documents) };
}

function countEvents(documents: DocumentList): number {
  let sum = 0;
  for (let i = 0; i < documents.length; i++) sum += documents.events(i);
  return sum;
}

/**
 * Replaces the bundled layer with `dataset` in one read-write transaction: a reader never sees
 * half a dataset, and a failure leaves the previous one in place. Only the bundled layer's tables
 * are in the transaction: staff imports (the import layer, storage/dataset/layers.ts) lie over it
 * and survive every reload of the bundled dataset.
 */
export async function loadBundledDataset(db: EurefsDb, dataset: Dataset | LoadableDataset, now = new Date()): Promise<MetaRow> {
  const documents = asList(dataset.documents);
  const meta: MetaRow = {
    key: 'bundled',
    version: dataset.version,
    loadedAt: now.toISOString(),
    documents: documents.length,
    events: countEvents(documents),
    buckets: 0,
  };
  const layer = db.layerTables('bundled');
  await db.transaction('rw', [layer.buckets, layer.catalogs, layer.procedures, db.reports, db.meta], async () => {
    meta.buckets = await writeAll(layer, documents);
    await db.reports.clear();
    await db.reports.bulkPut(dataset.reports);
    await db.meta.put(meta);
  });
  return meta;
}

/**
 * Loads the bundled dataset unless this exact version is already in the database. Called on
 * install, on update and when the service worker wakes: a database the browser evicted or a user
 * cleared comes back by itself. The file may come as its bytes (read a document at a time, and
 * only its head where that names the version already loaded) or parsed.
 */
export async function ensureBundledDataset(
  db: EurefsDb,
  readBundled: () => Promise<unknown>,
  { force = false }: { force?: boolean } = {},
): Promise<MetaRow> {
  const file = await readBundled();
  const current = await db.meta.get('bundled');
  // The file already loaded is not read again: every wake of the service worker would check it
  // whole before its first answer. It was checked when it was loaded; an update forces a reload.
  if (!force && current && file instanceof Uint8Array && datasetVersionOf(file) === current.version) return current;
  const bundled = file instanceof Uint8Array ? parseDatasetBytes(file) : parseDataset(file);
  if (!force && current && current.version === bundled.version) return current;
  return loadBundledDataset(db, bundled);
}
