import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetryPolicy } from '../../../../messaging/ask-background';
import { SummaryClient } from '../../../../in-page/scanner/summary-client';
import { LookupClient } from '../../../../in-page/popover/lookup-client';
import type { DocumentView } from '../../../../messaging/to-background';

const POLICY: RetryPolicy = { attemptTimeoutMs: 1_000, backoffMs: [100, 400] };
const ETIAS: DocumentView = {
  id: 'COM(2016) 731',
  type: 'com',
  kind: 'legislative-proposal',
  title: 'Proposal for a Regulation establishing ETIAS',
  aliases: [],
  status: { stage: 'adopted' },
  timeline: [],
};
const answer = (documents: Record<string, DocumentView | null>) => ({ datasetVersion: 'test', documents });
const dead = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
const hanging = () => new Promise<never>(() => undefined);

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the popover's lookups, when the background's worker stops", () => {
  it('fills in once the worker is back, from the same call that was waiting', async () => {
    const send = vi.fn<() => Promise<unknown>>().mockImplementationOnce(dead).mockResolvedValueOnce(answer({ 'COM(2016) 731': ETIAS }));
    const lookups = new LookupClient(send, POLICY);
    const resolved = vi.fn();
    void lookups.resolve(['COM(2016) 731']).then(resolved);
    await vi.advanceTimersByTimeAsync(100);
    expect(resolved).toHaveBeenCalled();
    expect(lookups.get('COM(2016) 731')).toEqual(ETIAS);
    expect(lookups.unreachable('COM(2016) 731')).toBe(false);
  });

  it('says the id is unreachable once a lookup that hangs has timed out every attempt, and not untracked', async () => {
    const send = vi.fn<() => Promise<unknown>>(hanging);
    const lookups = new LookupClient(send, POLICY);
    const resolved = vi.fn();
    void lookups.resolve(['COM(2016) 731']).then(resolved);
    await vi.advanceTimersByTimeAsync(3_499);
    expect(resolved).not.toHaveBeenCalled();
    expect(lookups.unreachable('COM(2016) 731')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toHaveBeenCalled();
    expect(lookups.unreachable('COM(2016) 731')).toBe(true);
    expect(lookups.get('COM(2016) 731')).toBeUndefined();
  });

  it('asks again when asked after the failure ("Try again"), and is no longer unreachable meanwhile', async () => {
    const send = vi.fn<() => Promise<unknown>>(dead);
    const lookups = new LookupClient(send, POLICY);
    void lookups.resolve(['COM(2016) 731']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lookups.unreachable('COM(2016) 731')).toBe(true);
    expect(send).toHaveBeenCalledTimes(3);

    send.mockResolvedValue(answer({ 'COM(2016) 731': ETIAS }));
    const again = lookups.resolve(['COM(2016) 731']);
    expect(lookups.unreachable('COM(2016) 731')).toBe(false);
    await again;
    expect(lookups.get('COM(2016) 731')).toEqual(ETIAS);
    expect(send).toHaveBeenCalledTimes(4);
  });
});

describe("the page scanner's batched lookup, when the background's worker stops", () => {
  it("gives the page's ids their stage and title once the worker is back", async () => {
    const send = vi
      .fn<() => Promise<unknown>>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ datasetVersion: 'test', documents: { 'COM(2016) 731': { stage: 'adopted', title: 'ETIAS' }, 'COM(2021) 206': null } });
    const summaries = new SummaryClient(send, POLICY);
    const asking = summaries.resolve(['COM(2016) 731', 'COM(2021) 206']);
    expect(summaries.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(await asking).toEqual(['COM(2016) 731', 'COM(2021) 206']);
    expect(summaries.get('COM(2016) 731')).toEqual({ stage: 'adopted', title: 'ETIAS' });
    expect(summaries.get('COM(2021) 206')).toBeNull();
    expect(summaries.busy).toBe(false);
  });

  it('asks for ids it never got an answer for again on the next call', async () => {
    const send = vi.fn<() => Promise<unknown>>(dead);
    const summaries = new SummaryClient(send, POLICY);
    const first = summaries.resolve(['COM(2016) 731']);
    await vi.advanceTimersByTimeAsync(1_000);
    await first;
    expect(summaries.get('COM(2016) 731')).toBeUndefined();
    send.mockResolvedValue({ datasetVersion: 'test', documents: { 'COM(2016) 731': { stage: 'adopted', title: 'ETIAS' } } });
    expect(await summaries.resolve(['COM(2016) 731'])).toEqual(['COM(2016) 731']);
    expect(summaries.get('COM(2016) 731')?.stage).toBe('adopted');
  });
});
