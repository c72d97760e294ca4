import type { DatasetDocument, Report } from './dataset-schema';
import { EMPTY_LAYER, type EurefsDb } from './db';
import type { LookupResponse } from './protocol';
import { toDocumentView } from './document-view';
import { effectiveStats } from './import/layers';

/**
 * Answers one page's batched lookup from the effective dataset (the import layer over the
 * bundled layer) with one bulkGet per layer for the whole batch: never one query per reference.
 */
export async function lookupDocuments(db: EurefsDb, ids: readonly string[]): Promise<LookupResponse> {
  const unique = [...new Set(ids)];
  const tables = [db.documents, db.reports, db.meta, db.layerDocuments, db.layerReports, db.layer];
  const { docs, reports, version } = await db.transaction('r', tables, async () => {
    const layer = (await db.layer.get('import')) ?? EMPTY_LAYER;
    const [imported, bundled, bundledReports, importedReports, meta] = await Promise.all([
      db.layerDocuments.bulkGet(unique),
      layer.hidesBundled ? Promise.resolve([] as (DatasetDocument | undefined)[]) : db.documents.bulkGet(unique),
      layer.hidesBundled ? Promise.resolve([] as Report[]) : db.reports.toArray(),
      db.layerReports.toArray(),
      db.meta.get('bundled'),
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
