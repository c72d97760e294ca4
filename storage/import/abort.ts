/**
 * Stopping an import: the reader's Cancel and the address's timeout both arrive as an
 * AbortSignal. Pure: no DOM, no browser API beyond AbortController (the worker, the background
 * and Node all have it).
 */

/** The reader chose Cancel before anything was written. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled: nothing was imported and nothing was changed.');
    this.name = 'ImportCancelledError';
  }
}

export const isCancelled = (error: unknown): error is ImportCancelledError => error instanceof Error && error.name === 'ImportCancelledError';

/** Throws ImportCancelledError when `signal` has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelledError();
}

/**
 * A signal that aborts as soon as one of `signals` does, with that one's reason, built by hand:
 * for browsers without AbortSignal.any.
 */
export function followAny(signals: readonly AbortSignal[]): AbortSignal {
  const combined = new AbortController();
  const first = signals.find((signal) => signal.aborted);
  if (first) {
    combined.abort(first.reason);
    return combined.signal;
  }
  const stop = (signal: AbortSignal) => () => {
    for (const [other, listener] of listeners) other.removeEventListener('abort', listener);
    combined.abort(signal.reason);
  };
  const listeners = signals.map((signal) => [signal, stop(signal)] as const);
  for (const [signal, listener] of listeners) signal.addEventListener('abort', listener, { once: true });
  return combined.signal;
}

/** AbortSignal.any where the platform has it, else the same by hand. */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  return typeof any === 'function' ? any.call(AbortSignal, [...signals]) : followAny(signals);
}

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts: a fetch function or a
 * body reader that ignores its signal (a server that never answers) cannot keep an import waiting.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The promise may still reject later: nobody is listening then.
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
