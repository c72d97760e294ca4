/**
 * An address import can always be left: a server that never answers, or stops in the middle of
 * the file, is given up on after 30 s without progress, with a message that says what to try;
 * the reader's Cancel stops it at once. Fake timers: the 30 s pass without waiting for them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followAny, ImportCancelledError } from '../../../../storage/import/abort';
import { FETCH_TIMEOUT_MS, FetchProblem, fetchDatasetFile } from '../../../../storage/import/fetch';
import { english } from '../../../../i18n/english';
import { say } from '../../../../i18n/phrase';
import { errorWords } from '../../../../i18n/phrased-error';
import { wordsIn } from '../../i18n/helpers';

const ADDRESS = 'https://data.example.org/eurefs/dataset.json';

/** A fetch that never answers, and keeps the signal it was given. */
function silentServer() {
  const seen: { signal?: AbortSignal | null } = {};
  const fetchFn = ((_input: RequestInfo | URL, init?: RequestInit) => {
    seen.signal = init?.signal ?? null;
    return new Promise<Response>(() => undefined);
  }) as typeof fetch;
  return { fetchFn, seen };
}

/** Headers at once, then `parts`, then nothing more: the body stalls. */
function stallingServer(parts: string[], headers: Record<string, string> = {}) {
  const encoder = new TextEncoder();
  return (async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(encoder.encode(part));
        },
      }),
      { headers: { 'content-type': 'application/json', ...headers } },
    )) as unknown as typeof fetch;
}

/** Settles `promise` into a value we can look at without awaiting it. */
function watch<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('an address that stops answering', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is given up on after 30 s without a reply, naming the address and what to try', async () => {
    expect(FETCH_TIMEOUT_MS).toBe(30_000);
    const { fetchFn, seen } = silentServer();
    const result = watch(fetchDatasetFile(ADDRESS, fetchFn));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(result.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.error).toBeInstanceOf(FetchProblem);
    const error = result.error as FetchProblem;
    expect(error.timedOut).toBe(true);
    expect(say(english, error.words)).toContain(`${ADDRESS} did not answer`);
    expect(say(english, error.words)).toContain('timed out after 30 s');
    expect(say(english, error.words)).toContain('Nothing was changed.');
    expect(say(english, error.words)).toMatch(/opens in a browser tab/);
    expect(say(english, error.words)).toMatch(/allows the extension to read it/);
    expect(say(english, error.words)).toMatch(/try again later/);
    expect(say(english, error.words)).toMatch(/download the file and import it from disk/);
    expect(say(wordsIn('de'), error.words)).toContain(`${ADDRESS} hat nicht geantwortet: der Import wurde nach 30 Sek. ohne Antwort des Servers abgebrochen.`);
    // A real fetch given this signal stops too: the connection is not left open.
    expect(seen.signal?.aborted).toBe(true);
  });

  it('is given up on when the file stops coming, 30 s after the last part', async () => {
    const fetchFn = stallingServer(['{"schemaVersion":1,'], { 'content-length': '2048' });
    const received: number[] = [];
    const result = watch(fetchDatasetFile(ADDRESS, fetchFn, { onProgress: (bytes) => received.push(bytes) }));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(result.settled).toBe(false);
    expect(received.at(-1)).toBe(19);
    await vi.advanceTimersByTimeAsync(1);
    const error = result.error as FetchProblem;
    expect(error).toBeInstanceOf(FetchProblem);
    expect(error.timedOut).toBe(true);
    expect(say(english, error.words)).toContain(`${ADDRESS} stopped sending the file`);
    expect(say(english, error.words)).toContain('timed out after 30 s');
    expect(say(english, error.words)).toContain('19 bytes of 2 KB received');
    expect(say(english, error.words)).toContain('Nothing was changed.');
  });

  it('waits for a slow server as long as the file keeps coming', async () => {
    const parts = ['{"schemaVersion":1,', '"version":"slow",', '"documents":[]}'];
    let sent = 0;
    const encoder = new TextEncoder();
    const fetchFn = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            return new Promise<void>((resolve) =>
              setTimeout(() => {
                controller.enqueue(encoder.encode(parts[sent++]!));
                if (sent === parts.length) controller.close();
                resolve();
              }, 25_000),
            );
          },
        }),
      )) as unknown as typeof fetch;
    const result = watch(fetchDatasetFile(ADDRESS, fetchFn));
    await vi.advanceTimersByTimeAsync(25_000 * parts.length);
    expect(result.error).toBeUndefined();
    expect(new TextDecoder().decode(result.value?.bytes)).toBe(parts.join(''));
  });

  it('gives up after the time it is given', async () => {
    const { fetchFn } = silentServer();
    const result = watch(fetchDatasetFile(ADDRESS, fetchFn, { timeoutMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(say(english, errorWords(result.error))).toContain('timed out after 5 s');
  });
});

describe('Cancel while an address is read', () => {
  it('stops a fetch that has no answer yet, at once', async () => {
    const { fetchFn, seen } = silentServer();
    const cancel = new AbortController();
    const result = fetchDatasetFile(ADDRESS, fetchFn, { signal: cancel.signal });
    cancel.abort();
    await expect(result).rejects.toBeInstanceOf(ImportCancelledError);
    await expect(result).rejects.toThrow('nothing was changed');
    expect(seen.signal?.aborted).toBe(true);
  });

  it('stops in the middle of the file', async () => {
    const cancel = new AbortController();
    let parts = 0;
    const result = fetchDatasetFile(ADDRESS, stallingServer(['{"a":', '1']), {
      signal: cancel.signal,
      onProgress: (received) => {
        if (received > 0 && ++parts === 2) cancel.abort();
      },
    });
    await expect(result).rejects.toBeInstanceOf(ImportCancelledError);
  });

  it('is refused before it starts when already cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort();
    let signalAborted: boolean | undefined;
    const fetchFn = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      signalAborted = init?.signal?.aborted;
      return new Response('{}');
    }) as unknown as typeof fetch;
    await expect(fetchDatasetFile(ADDRESS, fetchFn, { signal: cancel.signal })).rejects.toBeInstanceOf(ImportCancelledError);
    // A real fetch given an aborted signal sends nothing.
    expect(signalAborted).toBe(true);
  });
});

describe('combining Cancel with the timeout without AbortSignal.any', () => {
  it('aborts with the reason of whichever signal aborts first, and only once', () => {
    const cancel = new AbortController();
    const quiet = new AbortController();
    const combined = followAny([cancel.signal, quiet.signal]);
    expect(combined.aborted).toBe(false);
    quiet.abort('quiet');
    cancel.abort('cancel');
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('quiet');
  });

  it('is aborted at once when one of its signals already is', () => {
    const done = new AbortController();
    done.abort('before');
    const combined = followAny([new AbortController().signal, done.signal]);
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('before');
  });
});
