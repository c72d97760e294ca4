import { browser } from 'wxt/browser';
import { LookupResponseSchema, MAX_IDS_PER_LOOKUP, type DocumentView } from '../../storage/protocol';

/**
 * Asks the background for documents by id: all of a page's unique ids in one message (split
 * only past MAX_IDS_PER_LOOKUP), and each id only once per page.
 */
export class LookupClient {
  private readonly known = new Map<string, DocumentView | null>();
  private readonly asked = new Set<string>();
  roundTrips = 0;

  get(id: string): DocumentView | null | undefined {
    return this.known.get(id);
  }

  async resolve(ids: Iterable<string>): Promise<string[]> {
    const fresh = [...new Set(ids)].filter((id) => !this.asked.has(id));
    if (fresh.length === 0) return [];
    fresh.forEach((id) => this.asked.add(id));
    for (let i = 0; i < fresh.length; i += MAX_IDS_PER_LOOKUP) {
      const batch = fresh.slice(i, i + MAX_IDS_PER_LOOKUP);
      this.roundTrips++;
      try {
        const answer = LookupResponseSchema.parse(await browser.runtime.sendMessage({ type: 'lookup', ids: batch }));
        for (const id of batch) this.known.set(id, answer.documents[id] ?? null);
      } catch (error) {
        // Ask again next time: a background that was restarting is no reason to say "untracked".
        batch.forEach((id) => this.asked.delete(id));
        console.warn('Eurefs: lookup failed', error);
      }
    }
    return fresh;
  }
}
