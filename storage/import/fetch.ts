/**
 * Imports from an address: https only, an answer that is not a dataset says so, and a server that
 * stops answering (before its headers or in the middle of the file) is given up on after
 * FETCH_TIMEOUT_MS without progress. Pure given `fetchFn`.
 */
import { anySignal, ImportCancelledError, raceAbort } from './abort';
import { MAX_IMPORT_BYTES } from './pipeline';
import { byteSize, duration, phrase, type Phrase } from '../../i18n/phrase';
import { PhrasedError } from '../../i18n/phrased-error';

export interface FetchedFile {
  bytes: Uint8Array;
  name: string;
  contentType: string;
  url: string;
}

export class FetchProblem extends PhrasedError {
  constructor(
    words: Phrase,
    /** the server stopped answering, as against refusing or answering something else */
    readonly timedOut = false,
  ) {
    super(words, 'FetchProblem');
  }
}

/**
 * How long a server may send nothing, before its first byte or between two parts of the file.
 * A slow server that keeps sending is waited for; one that goes quiet is not.
 */
export const FETCH_TIMEOUT_MS = 30_000;

export interface FetchOptions {
  /** the reader's Cancel */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  /** bytes of the file received so far, and the size the server announced (null when it did not) */
  onProgress?: (received: number, total: number | null) => void;
}

function timeoutMessage(href: string, ms: number, body: { received: number; total: number | null } | null): Phrase {
  if (body === null) return phrase('importFetchNoAnswer', href, duration(ms));
  const received = body.total ? phrase('importFetchOf', byteSize(body.received), byteSize(body.total)) : byteSize(body.received);
  return phrase('importFetchStalled', href, duration(ms), received);
}

/** Checks an address typed by staff: https only, no credentials in it. */
export function checkAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new FetchProblem(phrase('importFetchNotAddress', address));
  }
  if (url.protocol !== 'https:') throw new FetchProblem(phrase('importFetchNotHttps', `${url.protocol}//`));
  if (url.username || url.password) throw new FetchProblem(phrase('importFetchCredentials'));
  return url;
}

export async function fetchDatasetFile(address: string, fetchFn: typeof fetch = fetch, options: FetchOptions = {}): Promise<FetchedFile> {
  const url = checkAddress(address);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const quiet = new AbortController();
  /** null until the headers are in */
  let body: { received: number; total: number | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitAgain = () => {
    clearTimeout(timer);
    timer = setTimeout(() => quiet.abort(new FetchProblem(timeoutMessage(url.href, timeoutMs, body), true)), timeoutMs);
  };
  const signal = options.signal ? anySignal([options.signal, quiet.signal]) : quiet.signal;
  /** Why we stopped, when we did: Cancel wins over a timeout that fell in the same moment. */
  const stopped = (): Error | null => (options.signal?.aborted ? new ImportCancelledError() : quiet.signal.aborted ? (quiet.signal.reason as FetchProblem) : null);

  waitAgain();
  try {
    let response: Response;
    try {
      response = await raceAbort(fetchFn(url.href, { credentials: 'omit', cache: 'no-cache', redirect: 'follow', signal }), signal);
    } catch (error) {
      throw (
        stopped() ??
        new FetchProblem(phrase('importFetchUnreachable', error instanceof Error ? error.message : String(error)))
      );
    }
    if (response.url && !response.url.startsWith('https:')) throw new FetchProblem(phrase('importFetchRedirect'));
    if (!response.ok) {
      throw new FetchProblem(
        phrase('importFetchStatus', `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, phrase(response.status === 404 ? 'importFetchNoFile' : 'importFetchNotFetched')),
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/i.test(contentType)) {
      throw new FetchProblem(phrase('importFetchHtml'));
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) throw new FetchProblem(phrase('importFetchTooLarge', byteSize(declared), byteSize(maxBytes)));
    body = { received: 0, total: declared > 0 ? declared : null };
    waitAgain();
    options.onProgress?.(0, body.total);
    const bytes = await readBody(response, signal, maxBytes, (received) => {
      body = { received, total: body?.total ?? null };
      waitAgain();
      options.onProgress?.(received, body.total);
    }).catch((error: unknown) => {
      throw (
        stopped() ??
        (error instanceof FetchProblem
          ? error
          : new FetchProblem(phrase('importFetchBroke', error instanceof Error ? error.message : String(error))))
      );
    });
    const name = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? url.hostname);
    return { bytes, name, contentType, url: url.href };
  } finally {
    clearTimeout(timer);
  }
}

/** The body, part by part, so that each part counts as progress and a stalled read can be given up on. */
async function readBody(response: Response, signal: AbortSignal, maxBytes: number, onPart: (received: number) => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await raceAbort(response.arrayBuffer(), signal));
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) throw new FetchProblem(phrase('importFetchGrewTooLarge', byteSize(maxBytes)));
      parts.push(value);
      onPart(received);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  if (parts.length === 1) return parts[0]!;
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
