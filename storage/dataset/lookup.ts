import type { DatasetDocument, Report } from './schema';
import { EMPTY_LAYER, type EurefsDb } from './db';
import type { LookupResponse } from '../../messaging/to-background';
import { toDocumentView } from './document-view';
import { getDocuments, idsByProcedure, type LayerName, type ProcedureEntry } from './buckets';
import { effectiveStats } from './layers';

/** The shape of a procedure's id (references/ids.ts, procedureId): only those go to the procedure index. */
const PROCEDURE_ID = /^\d{4}\/\d{4}[A-Z]?\([A-Z]{3}\)$/;

/**
 * Of the documents that name one procedure, the one that stands for its file: not one that
 * amends another of them (an amended proposal) nor an act that came from another of them; then
 * the earliest. COM(2018) 478 amends COM(2017) 793, both on 2017/0351(COD): the file is 793's.
 */
export function fileDocument(candidates: readonly DatasetDocument[]): DatasetDocument | undefined {
  const ids = new Set(candidates.map((doc) => doc.id));
  const derived = (doc: DatasetDocument) => doc.amends.some((id) => ids.has(id)) || (doc.fromProposal !== undefined && ids.has(doc.fromProposal));
  const rank = (doc: DatasetDocument) => [derived(doc) ? 1 : 0, doc.date ?? '9999', doc.id] as const;
  return [...candidates].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2].localeCompare(y[2]);
  })[0];
}

/**
 * Answers one page's batched lookup from the effective dataset (the import layer over the
 * bundled layer) with one bulkGet per layer for the whole batch: never one query per reference.
 * Each layer's bulkGet reads the buckets the ids fall in (storage/dataset/buckets.ts). A procedure
 * id that is no document's own id is answered with the document whose file it is: one bulkGet of
 * the procedure index for the batch, then one bulkGet per layer of the documents it names.
 */
export async function lookupDocuments(db: EurefsDb, ids: readonly string[]): Promise<LookupResponse> {
  const unique = [...new Set(ids)];
  const bundledTables = db.layerTables('bundled');
  const importTables = db.layerTables('import');
  const tables = [bundledTables.buckets, importTables.buckets, db.procedures, db.reports, db.meta, db.layerReports, db.layer];
  const { docs, reports, version } = await db.transaction('r', tables, async () => {
    const [layer, meta] = await Promise.all([db.layer.get('import').then((row) => row ?? EMPTY_LAYER), db.meta.get('bundled')]);
    const effective = async (wanted: readonly string[]): Promise<(DatasetDocument | undefined)[]> => {
      const [imported, bundled] = await Promise.all([
        getDocuments(importTables, layer.buckets ?? 0, wanted),
        layer.hidesBundled ? Promise.resolve([] as (DatasetDocument | undefined)[]) : getDocuments(bundledTables, meta?.buckets ?? 0, wanted),
      ]);
      return wanted.map((_, i) => imported[i] ?? bundled[i]);
    };
    const [found, bundledReports, importedReports] = await Promise.all([
      effective(unique),
      layer.hidesBundled ? Promise.resolve([] as Report[]) : db.reports.toArray(),
      db.layerReports.toArray(),
    ]);
    const procedures = unique.filter((id, i) => !found[i] && PROCEDURE_ID.test(id));
    if (procedures.length) {
      const layers: LayerName[] = layer.hidesBundled ? ['import'] : ['import', 'bundled'];
      const files = await filesOf(await idsByProcedure(db.procedures, layers, procedures), effective);
      unique.forEach((id, i) => (found[i] ??= files.get(id)));
    }
    const reportsById = new Map(bundledReports.map((report) => [report.id, report]));
    for (const report of importedReports) reportsById.set(report.id, report);
    return { docs: found, reports: reportsById, version: layer.version ?? meta?.version ?? 'none' };
  });
  const documents: LookupResponse['documents'] = {};
  unique.forEach((id, index) => {
    const doc = docs[index];
    documents[id] = doc ? toDocumentView(doc, reports) : null;
  });
  return { datasetVersion: version, documents };
}

/**
 * The document whose file each procedure of `rows` (the index's, of the layers that show) is, in
 * the effective dataset. A candidate counts only if the effective document (an import may have
 * replaced the bundled one) still names that procedure.
 */
async function filesOf(
  rows: readonly ProcedureEntry[],
  effective: (ids: readonly string[]) => Promise<(DatasetDocument | undefined)[]>,
): Promise<Map<string, DatasetDocument>> {
  const wanted = new Set(rows.map((row) => row.procedure));
  const candidateIds = [...new Set(rows.map((row) => row.id))];
  const candidates = await effective(candidateIds);
  const byProcedure = new Map<string, DatasetDocument[]>();
  for (const doc of candidates) {
    if (!doc?.procedure || !wanted.has(doc.procedure)) continue;
    const list = byProcedure.get(doc.procedure) ?? [];
    list.push(doc);
    byProcedure.set(doc.procedure, list);
  }
  const files = new Map<string, DatasetDocument>();
  for (const [procedure, list] of byProcedure) {
    const file = fileDocument(list);
    if (file) files.set(procedure, file);
  }
  return files;
}

/** Whether the effective dataset has the report `id` (the import layer's, or the bundled one's where it shows). */
export async function hasReport(db: EurefsDb, id: string): Promise<boolean> {
  return db.transaction('r', [db.layer, db.layerReports, db.reports], async () => {
    if (await db.layerReports.get(id)) return true;
    const layer = (await db.layer.get('import')) ?? EMPTY_LAYER;
    return !layer.hidesBundled && (await db.reports.get(id)) !== undefined;
  });
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
