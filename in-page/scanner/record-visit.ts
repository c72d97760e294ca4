/**
 * Sends the page's visits to the reading history: address, title, the document the page itself
 * is, and every document cited with the status it has now. One `history:record-visit` message
 * after the first scan and lookup, and one for each address a single-page app moves to, once its
 * new view is marked; the background checks the per-site switch and validates the message. A
 * page that adds references later (a search that loads its results after the first scan) sends
 * its visit again once the added content is marked, so the history says what the list says: the
 * background updates the visit it just recorded (storage/annotations/service.ts, REVISIT_WINDOW_MS).
 * A failure only costs the history entry, and the answer is not read (so the content script
 * needs no annotation schemas).
 */
import type { Annotations } from '../../messaging/annotations';
import type { RequestInput } from '../../messaging/exchange';
import { postToBackground } from '../../messaging/post-to-background';
import type { Occurrence } from '../../storage/annotations/schema';
import type { PageReferencesResponse } from '../../messaging/to-page';
import { watchAddress } from './address-changes';
import { positionsOf } from '../marks/quote';
import { viewSettled, type ScanActivity } from './view-settled';
import { yieldToPage } from '../yield';

/** The history keeps at most this many positions a document a page; the count stays exact. */
const MAX_OCCURRENCES = 1_000;

type VisitMessage = RequestInput<Annotations, 'history:record-visit'> & { type: 'history:record-visit' };

export interface VisitedPage {
  ready: Promise<void>;
  /** the list's answer; its `thisPage` is the document the page itself is */
  listReferences(): PageReferencesResponse;
  mentions(): { id: string; firstMark: Node; text: string }[];
  readonly lookups: ScanActivity;
}

export interface VisitRecording {
  record(message: VisitMessage): Promise<unknown>;
  /** calls `changed` with each new address of the page */
  watchAddress(changed: (url: string) => void, signal: AbortSignal): void;
  /** resolves once a new view is on the page and marked */
  settled(signal: AbortSignal): Promise<void>;
}

/**
 * What makes an address another visit: all of it but a fragment that only points into the page
 * (`#section-3`, a table of contents' jump). The same address again (`replaceState` to where the
 * page is) or a jump to an anchor is the same visit, and recording it again would only repeat
 * the history's line; a fragment that is a route (`#/search`, `#!/act/2018`) is a hash-routed
 * app's page, and a visit of its own.
 */
export function visitKeyOf(url: string): string {
  const hash = url.indexOf('#');
  if (hash === -1) return url;
  const fragment = url.slice(hash + 1);
  return fragment.startsWith('/') || fragment.startsWith('!') ? url : url.slice(0, hash);
}

function defaults(page: VisitedPage): VisitRecording {
  return {
    record: postToBackground,
    watchAddress: (changed, signal) => watchAddress(changed, signal, (listener) => page.lookups.onResolved(listener)),
    settled: (signal) => viewSettled(document.body, page.lookups, signal),
  };
}

/** The visit as the page shows it now, or undefined once `signal` aborted. */
async function visitOf(page: VisitedPage, url: string, signal: AbortSignal): Promise<VisitMessage | undefined> {
  const { title, references, thisPage } = page.listReferences();
  const mentions = page.mentions();
  // In slices: on a long page one walk over its text would be a long task.
  const positions = await positionsOf(mentions, document.body, yieldToPage);
  if (signal.aborted) return undefined;
  const byId = new Map<string, Occurrence[]>();
  mentions.forEach(({ id }, i) => {
    const position = positions[i];
    if (!position) return;
    const list = byId.get(id) ?? [];
    if (list.length < MAX_OCCURRENCES) list.push(position);
    byId.set(id, list);
  });
  return {
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
    ...(thisPage ? { documentId: thisPage.id } : {}),
  };
}

/** What a visit says of the page's references: the documents and their counts, in order. */
function citedIn(references: readonly { id: string; count: number }[]): string {
  return references.map(({ id, count }) => `${id}\u0000${count}`).join('\u0001');
}

/**
 * After a visit is recorded, each scan that changes what the page cites (content added later)
 * records it again once the page has settled, until `visit` aborts (another address, the end).
 */
function followLateReferences(
  page: VisitedPage,
  url: string,
  visit: AbortSignal,
  recording: VisitRecording,
  sent: string,
): void {
  let last = sent;
  let waiting = false;
  const changed = () => citedIn(page.listReferences().references) !== last;
  const stop = page.lookups.onResolved(() => {
    if (waiting || visit.aborted || !changed()) return;
    waiting = true;
    void recording
      .settled(visit)
      .then(() => (visit.aborted ? undefined : visitOf(page, url, visit)))
      .then((message) => {
        waiting = false;
        if (!message || visit.aborted) return;
        const cited = citedIn(message.references);
        if (cited === last) return;
        last = cited;
        return recording.record(message);
      })
      .catch((error: unknown) => {
        waiting = false;
        console.debug('Eurefs: the visit was not updated', error);
      });
  });
  visit.addEventListener('abort', stop, { once: true });
}

export function recordVisits(page: VisitedPage, signal: AbortSignal, recording: VisitRecording = defaults(page)): void {
  let key = visitKeyOf(location.href);
  /** the visit not recorded yet: a new address before it is, and it is the new one's turn */
  let current = new AbortController();
  const recordWhen = (url: string, shown: (visit: AbortSignal) => Promise<void>) => {
    if (signal.aborted) return;
    const controller = new AbortController();
    current.abort();
    current = controller;
    const visit = controller.signal;
    signal.addEventListener('abort', () => controller.abort(), { signal: visit });
    void shown(visit)
      .then(() => (visit.aborted ? undefined : visitOf(page, url, visit)))
      .then((message) => {
        if (!message || visit.aborted) return;
        followLateReferences(page, url, visit, recording, citedIn(message.references));
        return recording.record(message);
      })
      .catch((error: unknown) => console.debug('Eurefs: the visit was not recorded', error));
  };

  recordWhen(location.href, () => page.ready);
  recording.watchAddress((url) => {
    const next = visitKeyOf(url);
    if (next === key) return;
    key = next;
    recordWhen(url, (visit) => page.ready.then(() => recording.settled(visit)));
  }, signal);
}
