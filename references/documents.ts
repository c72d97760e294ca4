/**
 * COM, JOIN, SEC, SWD and C documents: `COM(2017) 793 final`, `COM (2018)23 final`,
 * `COM(2016) 0881`, `COM/2017/0793 final`, `COM:2017:663:FIN`, `KOM(2007) 680 endgültig`,
 * `SEK(2008) 12`, and lists `COM(2016) 881 final, 882 final and 883 final`.
 */
import type { Reference } from './types';
import { documentReference, expandYear, isPlausibleYear, type DocumentType } from './ids';
import { FINAL_WORD, LIST_SEPARATOR } from './lexicon';

const PREFIXES: Readonly<Record<string, DocumentType>> = {
  COM: 'com',
  KOM: 'com',
  JOIN: 'join',
  SEC: 'sec',
  SEK: 'sec',
  SWD: 'swd',
  C: 'c',
  K: 'c',
};

/** Prefixes that may carry a two-digit year: `COM(97) 123 final`. */
const TWO_DIGIT_YEAR_OK = new Set(['COM', 'KOM', 'SEC', 'SEK']);

const SUFFIX = `(?:\\s*${FINAL_WORD}(?:\\s*\\/\\s*\\d{1,2}(?!\\d))?(?![\\p{L}\\p{N}])|(?::|%3A)fin(?:al)?(?![\\p{L}\\p{N}]))`;

// groups: 1 prefix, 2 year (parenthesised), 3 year (slash), 4 year (uri), 5 number, 6 suffix
const DOCUMENT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(COM|KOM|JOIN|SEC|SEK|SWD|C|K)` +
    `(?:\\s*\\(\\s*(\\d{4}|\\d{2})\\s*\\)\\s*|\\/(\\d{4})\\/|(?::|%3A)(\\d{4})(?::|%3A))` +
    `(\\d{1,5})(?![\\d])(?!\\s*\\/\\s*\\d{2,}|[.,]\\d)(${SUFFIX})?`,
  'giu',
);

// one more item of a list: 1 number, 2 suffix
const CONTINUATION_RE = new RegExp(
  `${LIST_SEPARATOR}(\\d{1,5})(?![\\d])(?!\\s*\\/\\s*\\d|[.,]\\d)(${SUFFIX})?`,
  'iuy',
);

/** The swapped slip `COM 2017 (555) final`: only with its "final". 1 prefix, 2 year, 3 number. */
const SWAPPED_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(COM|KOM|JOIN|SEC|SWD)\\s+((?:19|20)\\d\\d)\\s*\\(\\s*(\\d{1,4})\\s*\\)${SUFFIX}`,
  'gu',
);

function findSwapped(text: string, out: Reference[]): void {
  SWAPPED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SWAPPED_RE.exec(text)) !== null) {
    const type = PREFIXES[m[1] ?? ''];
    const number = m[3] ?? '';
    if (!type || /^0+$/.test(number)) continue;
    out.push(documentReference(m.index, m.index + m[0].length, m[0], type, Number(m[2]), number));
  }
}

export function findDocuments(text: string): Reference[] {
  const out: Reference[] = [];
  findSwapped(text, out);
  DOCUMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOCUMENT_RE.exec(text)) !== null) {
    const prefix = m[1] ?? '';
    const yearText = m[2] ?? m[3] ?? m[4] ?? '';
    const number = m[5] ?? '';
    const suffix = m[6];
    const upper = prefix.toUpperCase();
    const type = PREFIXES[upper];
    if (!type) continue;
    // Prefixes are capitals in running text; lower case only in a URI with ":fin" (com:2017:793:fin).
    if (prefix !== upper && !(m[4] && suffix)) continue;
    if (yearText.length === 2 && !TWO_DIGIT_YEAR_OK.has(upper)) continue;
    // "K(2007) 1234" only with its "endgültig"/"final"; K alone is too short to trust.
    if (upper === 'K' && !suffix) continue;
    // "OJ C, C/2023/1234" names an Official Journal C publication, not a Commission document.
    if (upper === 'C' && m[3] && /(?:^|[^\p{L}])C,?\s*$/u.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // "C (2019) 12" may be a list item or a section; with a space, C wants "final" or 3+ digits.
    if (upper === 'C' && !suffix && number.length < 3 && /^C\s/.test(m[0])) continue;
    const year = expandYear(yearText);
    if (!isPlausibleYear(year) || /^0+$/.test(number)) continue;
    const start = m.index;
    const end = start + m[0].length;
    out.push(documentReference(start, end, m[0], type, year, number));

    // Enumeration: "881 final, 882 final and 883 final": keep items up to the last one with "final".
    const chain: Reference[] = [];
    let pos = end;
    let accepted = 0;
    for (let i = 0; i < 50; i++) {
      CONTINUATION_RE.lastIndex = pos;
      const c = CONTINUATION_RE.exec(text);
      if (!c) break;
      const num = c[1] ?? '';
      const cEnd = c.index + c[0].length;
      const numStart = cEnd - num.length - (c[2]?.length ?? 0);
      if (/^0+$/.test(num)) break;
      chain.push(documentReference(numStart, cEnd, text.slice(numStart, cEnd), type, year, num));
      if (c[2]) accepted = chain.length;
      pos = cEnd;
    }
    for (let i = 0; i < accepted; i++) out.push(chain[i] as Reference);
    if (accepted > 0) DOCUMENT_RE.lastIndex = (chain[accepted - 1] as Reference).end;
  }
  return out;
}
