import type { DatasetDocument, Report } from './schema';
import { EMPTY_LAYER, type EurefsDb } from './db';
import type { LookupResponse } from '../../messaging/to-background';
import { toDocumentView } from './document-view';
import { getDocuments } from './buckets';
import { effectiveStats } from './layers';

/**
 * Answers one page's batched lookup from the effective dataset (the import layer over the
 * bundled layer) with one bulkGet per layer for the whole batch: never one query per reference.
 * Each layer's bulkGet reads the buckets the ids fall in (storage/dataset/buckets.ts).
 */
export async function lookupDocuments(db: EurefsDb, ids: readonly string[]): Promise<LookupResponse> {
  const unique = [...new Set(ids)];
  const bundledTables = db.layerTables('bundled');
  const importTables = db.layerTables('import');
  const tables = [bundledTables.buckets, importTables.buckets, db.reports, db.meta, db.layerReports, db.layer];
  const { docs, reports, version } = await db.transaction('r', tables, async () => {
    const [layer, meta] = await Promise.all([db.layer.get('import').then((row) => row ?? EMPTY_LAYER), db.meta.get('bundled')]);
    const [imported, bundled, bundledReports, importedReports] = await Promise.all([
      getDocuments(importTables, layer.buckets ?? 0, unique),
      layer.hidesBundled ? Promise.resolve([] as (DatasetDocument | undefined)[]) : getDocuments(bundledTables, meta?.buckets ?? 0, unique),
      layer.hidesBundled ? Promise.resolve([] as Report[]) : db.reports.toArray(),
      db.layerReports.toArray(),
    ]);
    const reportsById = new Map(bundledReports.map((report) => [report.id, report]));
    for (const report of importedReports) reportsById.set(report.id, report);
    return {
      docs: unique.map((_, i) => imported[i] ?? bundled[i]),
      reports: reportsById,
      version: layer.version ?? meta?.version ?? 'none',
    };
  });
  const documents: LookupResponse['documents'] = {};
  unique.forEach((id, index) => {
    const doc = docs[index];
    documents[id] = doc ? toDocumentView(doc, reports) : null;
  });
  return { datasetVersion: version, documents };
}

/** What the options page and the `stats` message report: the effective dataset. */
export async function datasetStats(db: EurefsDb) {
  const stats = await effectiveStats(db);
  return {
    datasetVersion: stats.version,
    loadedAt: stats.importedAt ?? stats.loadedAt,
    documents: stats.documents,
    events: stats.events,
    reports: stats.reports.map(({ id, ordinal, title, date }) => ({ id, ordinal, title, date })),
  };
}
