/**
 * Where the parts of a dataset file are, in its UTF-8 bytes, without parsing them: the value of
 * each top-level field, and each element of `documents`. A large file is then parsed a document
 * at a time (storage/dataset/dataset-file.ts) and its text never sits in memory whole:
 * 100,000 documents are some 220 million characters, 440 MB as the two-byte string that one curly
 * quote makes of it.
 *
 * Only the structure between the parts is checked here (braces, commas, colons, what follows the
 * object); each part is checked by JSON.parse when it is read, so the file is valid JSON exactly
 * when every part parses. Anything unexpected (not an object, `documents` not a list or missing,
 * a stray byte) gives null: the caller parses the whole text instead, which words the error.
 * Pure: no DOM, no browser API.
 */

export interface DatasetLayout {
  /** the top-level fields but `documents`, parsed (a repeated key's last value, as JSON.parse) */
  head: Record<string, unknown>;
  /** where each element of `documents` starts and ends */
  starts: number[];
  ends: number[];
  /** per element: LOOSE, white space between its tokens (then its text is not what is stored) */
  flags: Uint8Array;
}

export const LOOSE = 1;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** No position: what Reader.next gives where the file is not laid out as a list. */
const NONE = Number.MIN_SAFE_INTEGER;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Reads one file; `flags` collects what it saw of the element being read. */
class Reader {
  flags = 0;
  constructor(private readonly a: Uint8Array) {}

  space(i: number): number {
    const a = this.a;
    while (i < a.length && isSpace(a[i])) i++;
    return i;
  }

  /**
   * After a member or an element: past its comma and the space after it, where more follow; past
   * `close` as ~position (negative) where the list ends; NONE where neither comes.
   */
  next(i: number, close: number): number {
    i = this.space(i);
    if (this.a[i] === COMMA) return this.space(i + 1);
    return this.a[i] === close ? ~(i + 1) : NONE;
  }

  /** From the opening quote to just past the closing one; -1 if the string does not end. */
  string(i: number): number {
    const a = this.a;
    const n = a.length;
    i++;
    while (i < n) {
      const b = a[i++]!;
      if (b === QUOTE) return i;
      if (b === BACKSLASH) i++;
    }
    return -1;
  }

  /** From the first byte of a value to just past it; -1 if it does not end. */
  value(i: number): number {
    const a = this.a;
    const n = a.length;
    const first = a[i];
    if (first === QUOTE) return this.string(i);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      let depth = 0;
      while (i < n) {
        const b = a[i]!;
        if (b === QUOTE) {
          i = this.string(i);
          if (i < 0) return -1;
          continue;
        }
        if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          if (--depth === 0) return i + 1;
        } else if (isSpace(b)) this.flags |= LOOSE;
        i++;
      }
      return -1;
    }
    const start = i;
    while (i < n) {
      const b = a[i]!;
      if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) break;
      i++;
    }
    return i > start ? i : -1;
  }
}

/**
 * Where the parts are in a file of any layout: every byte read, strings skipped, brackets counted.
 * Throws a SyntaxError where a part is not JSON.
 */
export function exactLayout(bytes: Uint8Array): DatasetLayout | null {
  const read = new Reader(bytes);
  const keyDecoder = new TextDecoder('utf-8', { fatal: true });
  const n = bytes.length;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  i = read.space(i);
  if (bytes[i] !== OPEN_BRACE) return null;
  const head: Record<string, unknown> = {};
  let list: { starts: number[]; ends: number[]; flags: number[] } | null = null;
  i = read.space(i + 1);
  if (bytes[i] === CLOSE_BRACE) return null;
  for (;;) {
    if (bytes[i] !== QUOTE) return null;
    const keyEnd = read.string(i);
    if (keyEnd < 0) return null;
    let key: unknown;
    key = JSON.parse(keyDecoder.decode(bytes.subarray(i, keyEnd)));
    i = read.space(keyEnd);
    if (bytes[i] !== COLON) return null;
    i = read.space(i + 1);
    if (key === 'documents') {
      if (bytes[i] !== OPEN_BRACKET) return null;
      list = { starts: [], ends: [], flags: [] };
      i = read.space(i + 1);
      if (bytes[i] === CLOSE_BRACKET) i++;
      else {
        for (;;) {
          read.flags = 0;
          const end = read.value(i);
          if (end < 0) return null;
          list.starts.push(i);
          list.ends.push(end);
          list.flags.push(read.flags);
          i = read.next(end, CLOSE_BRACKET);
          if (i === NONE) return null;
          if (i < 0) {
            i = ~i;
            break;
          }
        }
      }
    } else {
      const end = read.value(i);
      if (end < 0) return null;
      setOwn(head, String(key), JSON.parse(keyDecoder.decode(bytes.subarray(i, end))));
      i = end;
    }
    i = read.next(i, CLOSE_BRACE);
    if (i === NONE) return null;
    if (i < 0) {
      i = ~i;
      break;
    }
  }
  if (read.space(i) !== n || !list) return null;
  return { head, starts: list.starts, ends: list.ends, flags: Uint8Array.from(list.flags) };
}

/** A key as JSON.parse sets it: an own property, even `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const DOCUMENTS_KEY = ascii('"documents":');
const NEXT_DOCUMENT = ascii(',{"id":');
const FIRST_KEY = ascii('{"id":');

function at(bytes: Uint8Array, i: number, pattern: Uint8Array): boolean {
  if (i < 0 || i + pattern.length > bytes.length) return false;
  for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) return false;
  return true;
}

/**
 * Where the parts are in a compact file as JSON.stringify writes a dataset (and as Eurefs' own
 * compact files are): `documents` last, each document's `id` first, nothing between them but a
 * comma. Then a document ends at a `}` followed by `,{"id":`, which inside a string would need a
 * quote unescaped: only the closing braces are visited, not every byte. What a layout found this
 * way cannot prove by itself, each part's JSON.parse does: the head parses as an object whose last
 * field is `documents`, and a document that parses is balanced, so the next starts in the list
 * again. A file laid out otherwise gives null, and a part that does not parse a SyntaxError:
 * datasetLayout then reads the file the exact way.
 */
export function compactLayout(bytes: Uint8Array): DatasetLayout | null {
  let open = -1;
  for (let i = bytes.indexOf(OPEN_BRACKET); i >= 0; i = bytes.indexOf(OPEN_BRACKET, i + 1)) {
    if (at(bytes, i - DOCUMENTS_KEY.length, DOCUMENTS_KEY)) {
      open = i;
      break;
    }
  }
  if (open < 0) return null;
  let close = bytes.length - 1;
  while (close > open && isSpace(bytes[close])) close--;
  if (bytes[close] !== CLOSE_BRACE || bytes[close - 1] !== CLOSE_BRACKET) return null;
  close--;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The head as JSON.parse reads it, `documents` given as empty; not an object: not this layout.
  const head: unknown = JSON.parse(`${decoder.decode(bytes.subarray(0, open))}[]}`);
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return null;
  delete (head as Record<string, unknown>).documents;
  const starts: number[] = [];
  const ends: number[] = [];
  if (close > open + 1) {
    let start = open + 1;
    if (!at(bytes, start, FIRST_KEY)) return null;
    for (let i = bytes.indexOf(CLOSE_BRACE, start); i >= 0 && i < close; i = bytes.indexOf(CLOSE_BRACE, i + 1)) {
      if (bytes[i + 1] !== COMMA || !at(bytes, i + 1, NEXT_DOCUMENT)) continue;
      starts.push(start);
      ends.push(i + 1);
      start = i + 2;
    }
    starts.push(start);
    ends.push(close);
  }
  return { head: head as Record<string, unknown>, starts, ends, flags: new Uint8Array(starts.length) };
}

/** The compact way where it fits the file, else the exact way; null: not laid out as a dataset. */
export function datasetLayout(bytes: Uint8Array): DatasetLayout | null {
  return compactLayout(bytes) ?? exactLayout(bytes);
}
