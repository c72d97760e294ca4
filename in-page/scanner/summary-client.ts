import { pageToBackground, type DocumentSummary, type PageToBackground } from '../../messaging/page-to-background';
import type { RequestInput } from '../../messaging/exchange';
import { postToBackground } from '../../messaging/post-to-background';
import { MAX_IDS_PER_LOOKUP } from '../../messaging/limits';
import { askBackground, BACKGROUND_RETRY, type RetryPolicy } from '../../messaging/ask-background';

type SummaryMessage = RequestInput<PageToBackground, 'lookup-summary'>;

/** One call of `resolve`, reported once it is done: when it began (performance.now()). */
export interface ResolvedCall {
  startedAt: number;
}

/**
 * Asks the background what the dataset says of a page's ids: all unique ids in one message
 * (split only past MAX_IDS_PER_LOOKUP), each id once per page, and only what marking and the
 * page's list need (stage and title). The popover asks for the full document when it opens.
 * A background that does not answer is asked again a few times (ask-background.ts), so the marks
 * of a page whose worker had stopped still get their status; ids it never answered for are asked
 * again on the next call.
 */
export class SummaryClient {
  private readonly known = new Map<string, DocumentSummary | null>();
  private readonly asked = new Set<string>();
  private readonly listeners = new Set<(call: ResolvedCall) => void>();
  private running = 0;
  roundTrips = 0;

  constructor(
    private readonly send: (message: SummaryMessage) => Promise<unknown> = postToBackground,
    private readonly policy: RetryPolicy = BACKGROUND_RETRY,
  ) {}

  /** undefined while unknown, null when the dataset does not track the id */
  get(id: string): DocumentSummary | null | undefined {
    return this.known.get(id);
  }

  /** True while a call of `resolve` is under way. */
  get busy(): boolean {
    return this.running > 0;
  }

  /**
   * Calls `listener` after each call of `resolve`, those with nothing new to ask included: the
   * scanner calls it after every scan, so each one also says that a scan is done.
   */
  onResolved(listener: (call: ResolvedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async resolve(ids: Iterable<string>): Promise<string[]> {
    const call = { startedAt: performance.now() };
    this.running++;
    try {
      return await this.resolveFresh(ids);
    } finally {
      this.running--;
      for (const listener of [...this.listeners]) listener(call);
    }
  }

  private async resolveFresh(ids: Iterable<string>): Promise<string[]> {
    const fresh = [...new Set(ids)].filter((id) => !this.asked.has(id));
    if (fresh.length === 0) return [];
    fresh.forEach((id) => this.asked.add(id));
    for (let i = 0; i < fresh.length; i += MAX_IDS_PER_LOOKUP) {
      const batch = fresh.slice(i, i + MAX_IDS_PER_LOOKUP);
      this.roundTrips++;
      try {
        const answer = await askBackground(
          () => this.send({ type: 'lookup-summary', ids: batch }),
          (raw) => pageToBackground()['lookup-summary'].answer.parse(raw),
          this.policy,
        );
        for (const id of batch) this.known.set(id, answer.documents[id] ?? null);
      } catch (error) {
        // Ask again next time: a background that could not answer is no reason to say "untracked".
        batch.forEach((id) => this.asked.delete(id));
        console.warn('Eurefs: lookup failed', error);
      }
    }
    return fresh;
  }
}
