/**
 * Asking the background from a page, for an answer the background always gives. Its service
 * worker may be stopped or dying: Chromium stops an idle one, and a message that was on its way
 * then fails or comes back empty, while a new message starts the worker again. So a failed ask
 * is tried again a few times after a short pause, and an ask that gets no answer at all gives up
 * after a while: the reader must never wait on an answer that cannot come.
 */

export interface RetryPolicy {
  /** how long one attempt waits for its answer */
  readonly attemptTimeoutMs: number;
  /** the pause before each further attempt: as many retries as entries */
  readonly backoffMs: readonly number[];
}

/**
 * A lookup answers in tens of milliseconds (1,000 ids of a 100,000-document dataset in about
 * 0.6 s), and a stopped worker is back in a few hundred; the first lookup after an install waits
 * for the bundled dataset, and so does a later attempt. About 10 s in all before a lookup that
 * never answers is given up.
 */
export const BACKGROUND_RETRY: RetryPolicy = { attemptTimeoutMs: 3_000, backoffMs: [250, 1_000] };

/** Every attempt failed, timed out or came back empty. */
export class BackgroundUnreachable extends Error {
  override readonly name = 'BackgroundUnreachable';
}

const TIMED_OUT = Symbol('timed out');

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends with `send` until an answer comes, and returns it parsed. An answer that does not parse
 * is not retried: the background said something, and saying it again would not change it.
 */
export async function askBackground<T>(send: () => Promise<unknown>, parse: (answer: unknown) => T, policy: RetryPolicy = BACKGROUND_RETRY): Promise<T> {
  let lastProblem: unknown;
  for (let attempt = 0; attempt <= policy.backoffMs.length; attempt++) {
    if (attempt > 0) await pause(policy.backoffMs[attempt - 1]!);
    let answer: unknown;
    try {
      answer = await within(send(), policy.attemptTimeoutMs);
    } catch (error) {
      lastProblem = error;
      continue;
    }
    if (answer === TIMED_OUT) {
      lastProblem = new Error(`no answer within ${policy.attemptTimeoutMs} ms`);
      continue;
    }
    // What a listener that died before answering leaves behind.
    if (answer === undefined) {
      lastProblem = new Error('the answer was empty');
      continue;
    }
    return parse(answer);
  }
  throw new BackgroundUnreachable(`Eurefs: the background did not answer after ${policy.backoffMs.length + 1} attempts`, { cause: lastProblem });
}
