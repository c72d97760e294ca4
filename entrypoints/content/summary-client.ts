import { browser } from 'wxt/browser';
import { summaryResponseSchema, type DocumentSummary } from '../../storage/content-protocol';
import { MAX_IDS_PER_LOOKUP } from '../../storage/limits';

/**
 * Asks the background what the dataset says of a page's ids: all unique ids in one message
 * (split only past MAX_IDS_PER_LOOKUP), each id once per page, and only what marking and the
 * page's list need (stage and title). The popover asks for the full document when it opens.
 */
export class SummaryClient {
  private readonly known = new Map<string, DocumentSummary | null>();
  private readonly asked = new Set<string>();
  roundTrips = 0;

  /** undefined while unknown, null when the dataset does not track the id */
  get(id: string): DocumentSummary | null | undefined {
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
        const answer = summaryResponseSchema().parse(await browser.runtime.sendMessage({ type: 'lookup-summary', ids: batch }));
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
