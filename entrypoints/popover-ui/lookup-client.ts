import { browser } from 'wxt/browser';
import { LookupResponseSchema, MAX_IDS_PER_LOOKUP, type DocumentView } from '../../storage/protocol';

/**
 * Asks the background for whole documents (timeline, links, status), for the popover: one id
 * when the reader rests on a reference, or a proposal's act when the reader follows it. Each id
 * is asked once; asking again while the answer is on its way waits for that same answer.
 */
export class LookupClient {
  private readonly known = new Map<string, DocumentView | null>();
  private readonly inFlight = new Map<string, Promise<void>>();
  roundTrips = 0;

  /** undefined while unknown, null when the dataset does not track the id */
  get(id: string): DocumentView | null | undefined {
    return this.known.get(id);
  }

  /** Resolves once every id in `ids` is known (or its lookup failed, to be asked again later). */
  async resolve(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.known.has(id));
    const fresh = wanted.filter((id) => !this.inFlight.has(id));
    for (let i = 0; i < fresh.length; i += MAX_IDS_PER_LOOKUP) {
      const batch = fresh.slice(i, i + MAX_IDS_PER_LOOKUP);
      const asked = this.ask(batch).finally(() => batch.forEach((id) => this.inFlight.delete(id)));
      batch.forEach((id) => this.inFlight.set(id, asked));
    }
    await Promise.all(wanted.map((id) => this.inFlight.get(id)));
  }

  private async ask(batch: string[]): Promise<void> {
    this.roundTrips++;
    try {
      const answer = LookupResponseSchema.parse(await browser.runtime.sendMessage({ type: 'lookup', ids: batch }));
      for (const id of batch) this.known.set(id, answer.documents[id] ?? null);
    } catch (error) {
      // Not remembered as untracked: a background that was restarting is no reason to say so.
      console.warn('Eurefs: lookup failed', error);
    }
  }
}
