/**
 * Sends the page's visit to the reading history: address, title, and every document cited with
 * the status it has now. One `history:record-visit` message after the first scan and lookup;
 * the background checks the per-site switch. A failure only costs the history entry.
 */
import { annotationsClient } from '../../storage/annotations/client';
import type { PageReferencesResponse } from '../../storage/protocol';

export function recordVisitWhenReady(
  annotator: { ready: Promise<void>; listReferences(): PageReferencesResponse },
  signal: AbortSignal,
  record: typeof annotationsClient.recordVisit = annotationsClient.recordVisit,
): void {
  annotator.ready
    .then(() => {
      if (signal.aborted) return;
      const { url, title, references } = annotator.listReferences();
      return record({
        url,
        title,
        references: references.map(({ id, type, label, count, stage, title: docTitle }) => ({ id, type, label, count, stage, title: docTitle })),
      });
    })
    .catch((error: unknown) => console.debug('Eurefs: the visit was not recorded', error));
}
