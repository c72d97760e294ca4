import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askBackground, BackgroundUnreachable, type RetryPolicy } from '../../../messaging/ask-background';

const POLICY: RetryPolicy = { attemptTimeoutMs: 1_000, backoffMs: [100, 400] };
const parse = (raw: unknown) => raw as { ok: number };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The outcome of a promise, once the fake clock has run `ms`. */
async function after<T>(ms: number, promise: Promise<T>): Promise<{ value?: T; error?: unknown; settled: boolean }> {
  const outcome: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(outcome, { value, settled: true }),
    (error: unknown) => Object.assign(outcome, { error, settled: true }),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return outcome;
}

describe('asking a background that may be asleep or gone', () => {
  it('answers at once when the background does', async () => {
    const send = vi.fn(async () => ({ ok: 1 }));
    expect(await after(0, askBackground(send, parse, POLICY))).toEqual({ value: { ok: 1 }, settled: true });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again after a short pause when the message fails, as when the worker was stopped', async () => {
    const send = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValueOnce({ ok: 2 });
    const asking = askBackground(send, parse, POLICY);
    expect((await after(99, asking)).settled).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await after(1, asking)).toEqual({ value: { ok: 2 }, settled: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('asks again when the answer is empty, as when the listener died before answering', async () => {
    const send = vi.fn<() => Promise<unknown>>().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: 3 });
    expect((await after(100, askBackground(send, parse, POLICY))).value).toEqual({ ok: 3 });
  });

  it('gives an attempt that never answers up after its timeout, and asks again', async () => {
    const send = vi
      .fn<() => Promise<unknown>>()
      .mockReturnValueOnce(new Promise(() => undefined))
      .mockResolvedValueOnce({ ok: 4 });
    const asking = askBackground(send, parse, POLICY);
    expect((await after(999, asking)).settled).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await after(101, asking)).toEqual({ value: { ok: 4 }, settled: true });
  });

  it('fails plainly once every attempt has failed, after the pauses and timeouts, and not before', async () => {
    const send = vi.fn<() => Promise<unknown>>(() => new Promise(() => undefined));
    const asking = askBackground(send, parse, POLICY);
    // three attempts of 1,000 ms, with pauses of 100 and 400 ms between them
    expect((await after(3_499, asking)).settled).toBe(false);
    const outcome = await after(1, asking);
    expect(outcome.error).toBeInstanceOf(BackgroundUnreachable);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('does not ask again when the background answered with something that does not parse', async () => {
    const send = vi.fn(async () => ({ unexpected: true }));
    const strict = (raw: unknown) => {
      if (!(raw as { ok?: number }).ok) throw new Error('not a lookup answer');
      return raw;
    };
    const outcome = await after(2_000, askBackground(send, strict, POLICY));
    expect(outcome.error).toEqual(new Error('not a lookup answer'));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
