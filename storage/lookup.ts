import type { EurefsDb } from './db';
import type { LookupResponse } from './protocol';
import { toDocumentView } from './document-view';

/** Answers one page's batched lookup with one bulkGet: never one query per reference. */
export async function lookupDocuments(db: EurefsDb, ids: readonly string[]): Promise<LookupResponse> {
  const unique = [...new Set(ids)];
  const [docs, reports, meta] = await db.transaction('r', db.documents, db.reports, db.meta, () =>
    Promise.all([db.documents.bulkGet(unique), db.reports.toArray(), db.meta.get('bundled')]),
  );
  const reportsById = new Map(reports.map((report) => [report.id, report]));
  const documents: LookupResponse['documents'] = {};
  unique.forEach((id, index) => {
    const doc = docs[index];
    documents[id] = doc ? toDocumentView(doc, reportsById) : null;
  });
  return { datasetVersion: meta?.version ?? 'none', documents };
}

export async function datasetStats(db: EurefsDb) {
  const [meta, reports] = await Promise.all([db.meta.get('bundled'), db.reports.orderBy('ordinal').toArray()]);
  return {
    datasetVersion: meta?.version ?? null,
    loadedAt: meta?.loadedAt ?? null,
    documents: await db.documents.count(),
    events: meta?.events ?? 0,
    reports: reports.map(({ id, ordinal, title, date }) => ({ id, ordinal, title, date })),
  };
}
