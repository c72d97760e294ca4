import { dataset, type DocumentView } from '../../messaging/dataset';
import { MAX_IDS_PER_LOOKUP } from '../../messaging/limits';
import { askBackground, BACKGROUND_RETRY, type RetryPolicy } from '../../messaging/ask-background';
import type { RequestInput } from '../../messaging/exchange';
import { postToBackground } from '../../messaging/post-to-background';

type LookupMessage = RequestInput<typeof dataset, 'lookup'>;

/**
 * Asks the background for whole documents (timeline, links, status), for the popover: one id
 * when the reader rests on a reference, or a proposal's act when the reader follows it. Each id
 * is asked once; asking again while the answer is on its way waits for that same answer. A
 * background that does not answer is asked again a few times (ask-background.ts); after that,
 * the id is unreachable until it is asked for again.
 */
export class LookupClient {
  private readonly known = new Map<string, DocumentView | null>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly unreachableIds = new Set<string>();
  roundTrips = 0;

  constructor(
    private readonly send: (message: LookupMessage) => Promise<unknown> = postToBackground,
    private readonly policy: RetryPolicy = BACKGROUND_RETRY,
  ) {}

  /** undefined while unknown, null when the dataset does not track the id */
  get(id: string): DocumentView | null | undefined {
    return this.known.get(id);
  }

  /** True once the last lookup of `id` got no answer, however often it was tried. */
  unreachable(id: string): boolean {
    return this.unreachableIds.has(id);
  }

  /** Resolves once every id in `ids` is known, or unreachable (asked again on the next call). */
  async resolve(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.known.has(id));
    const fresh = wanted.filter((id) => !this.inFlight.has(id));
    for (let i = 0; i < fresh.length; i += MAX_IDS_PER_LOOKUP) {
      const batch = fresh.slice(i, i + MAX_IDS_PER_LOOKUP);
      batch.forEach((id) => this.unreachableIds.delete(id));
      const asked = this.ask(batch).finally(() => batch.forEach((id) => this.inFlight.delete(id)));
      batch.forEach((id) => this.inFlight.set(id, asked));
    }
    await Promise.all(wanted.map((id) => this.inFlight.get(id)));
  }

  private async ask(batch: string[]): Promise<void> {
    this.roundTrips++;
    try {
      const answer = await askBackground(
        () => this.send({ type: 'lookup', ids: batch }),
        (raw) => dataset.lookup.answer.parse(raw),
        this.policy,
      );
      for (const id of batch) this.known.set(id, answer.documents[id] ?? null);
    } catch (error) {
      // Not remembered as untracked: a background that could not answer is no reason to say so.
      batch.forEach((id) => this.unreachableIds.add(id));
      console.warn('Eurefs: lookup failed', error);
    }
  }
}
