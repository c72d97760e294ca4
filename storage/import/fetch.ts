/** Imports from an address: https only, and an answer that is not a dataset says so. Pure given `fetchFn`. */

export interface FetchedFile {
  bytes: Uint8Array;
  name: string;
  contentType: string;
  url: string;
}

export class FetchProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchProblem';
  }
}

/** Checks an address typed by staff: https only, no credentials in it. */
export function checkAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new FetchProblem(`"${address}" is not a web address: write it in full, starting with https://`);
  }
  if (url.protocol !== 'https:') throw new FetchProblem(`Only https:// addresses are accepted (this one starts with ${url.protocol}//), so that nobody on the way can change the data.`);
  if (url.username || url.password) throw new FetchProblem('The address must not contain a user name or password.');
  return url;
}

export async function fetchDatasetFile(address: string, fetchFn: typeof fetch = fetch, maxBytes = 256 * 1024 * 1024): Promise<FetchedFile> {
  const url = checkAddress(address);
  let response: Response;
  try {
    response = await fetchFn(url.href, { credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
  } catch (error) {
    throw new FetchProblem(`The address could not be reached (${error instanceof Error ? error.message : String(error)}). Check the address and the network; the server must also allow the extension to read it (CORS).`);
  }
  if (response.url && !response.url.startsWith('https:')) throw new FetchProblem('The address redirected to a page that is not https: refused.');
  if (!response.ok) {
    throw new FetchProblem(`The address answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${response.status === 404 ? 'there is no file there' : 'the file could not be fetched'}. Nothing was changed.`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (/text\/html|application\/xhtml/i.test(contentType)) {
    throw new FetchProblem('The address answered with a web page (HTML), not a dataset: use the address of the JSON or CSV file itself. Nothing was changed.');
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new FetchProblem(`The file at the address is too large (${declared} bytes).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const name = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? url.hostname);
  return { bytes, name, contentType, url: url.href };
}
