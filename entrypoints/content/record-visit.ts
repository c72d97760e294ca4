/**
 * Sends the page's visit to the reading history: address, title, and every document cited with
 * the status it has now. One `history:record-visit` message after the first scan and lookup;
 * the background checks the per-site switch and validates the message. A failure only costs the
 * history entry, and the answer is not read (so the content script needs no annotation schemas).
 */
import { browser } from 'wxt/browser';
import type { AnnotationMessageInput } from '../../storage/annotations/protocol';
import type { Occurrence } from '../../storage/annotations/schema';
import type { PageReferencesResponse } from '../../storage/protocol';
import { positionsOf } from './quote';
import { yieldToPage } from './yield';

/** The history keeps at most this many positions a document a page; the count stays exact. */
const MAX_OCCURRENCES = 1_000;

type VisitMessage = Extract<AnnotationMessageInput, { type: 'history:record-visit' }>;
const send = (message: VisitMessage): Promise<unknown> => browser.runtime.sendMessage(message);

export function recordVisitWhenReady(
  annotator: {
    ready: Promise<void>;
    listReferences(): PageReferencesResponse;
    mentions(): { id: string; firstMark: Node; text: string }[];
  },
  signal: AbortSignal,
  record: (message: VisitMessage) => Promise<unknown> = send,
): void {
  annotator.ready
    .then(async () => {
      if (signal.aborted) return;
      const { url, title, references } = annotator.listReferences();
      const mentions = annotator.mentions();
      // In slices: on a long page one walk over its text would be a long task.
      const positions = await positionsOf(mentions, document.body, yieldToPage);
      if (signal.aborted) return;
      const byId = new Map<string, Occurrence[]>();
      mentions.forEach(({ id }, i) => {
        const position = positions[i];
        if (!position) return;
        const list = byId.get(id) ?? [];
        if (list.length < MAX_OCCURRENCES) list.push(position);
        byId.set(id, list);
      });
      return record({
        type: 'history:record-visit',
        url,
        title,
        references: references.map(({ id, type, label, count, stage, title: docTitle }) => ({
          id,
          type,
          label,
          count,
          stage,
          title: docTitle,
          occurrences: byId.get(id) ?? [],
        })),
      });
    })
    .catch((error: unknown) => console.debug('Eurefs: the visit was not recorded', error));
}
