import type { SummaryResponse } from '../../messaging/page-to-background';
import type { LookupResponse } from '../../messaging/to-background';

/** What a page's batched lookup returns: of each document, only what marking and listing need. */
export function summarize(answer: LookupResponse): SummaryResponse {
  const documents: SummaryResponse['documents'] = {};
  for (const [id, doc] of Object.entries(answer.documents)) {
    documents[id] = doc ? { stage: doc.status?.stage ?? null, title: doc.title } : null;
  }
  return { datasetVersion: answer.datasetVersion, documents };
}
