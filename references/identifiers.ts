/**
 * Machine identifiers in text: CELEX numbers (`32016R0679`, `CELEX:52017PC0793`,
 * `uri=celex:...`, `CELEX%3A...`), ELI addresses (`data.europa.eu/eli/dir/2017/541/oj`).
 * EUR-Lex `uri=COM:2017:0793:FIN` links are found by the document grammar.
 */
import type { Reference } from './types';
import { actReference, identityFromCelex, isPlausibleYear, type ActType } from './ids';

// 1 "CELEX:" prefix, 2 the CELEX number
const CELEX_RE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])|(?<=%3[Aa]))((?:celex)(?::|%3[Aa]|\\s+)\\s*)?` +
    `([035](?:19|20)\\d\\d[A-Za-z]{1,2}\\d{4})(?:\\(\\d{2}\\))?(?:-\\d{8})?(?![\\p{L}\\p{N}])`,
  'giu',
);

const ELI_TYPES: Readonly<Record<string, ActType>> = {
  dir: 'directive',
  dir_impl: 'directive',
  dir_del: 'directive',
  reg: 'regulation',
  reg_impl: 'regulation',
  reg_del: 'regulation',
  dec: 'decision',
  dec_impl: 'decision',
  dec_del: 'decision',
  dec_framw: 'framework-decision',
};

// 1 ELI type, 2 year, 3 number
const ELI_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.\\/])(?:(?:https?:\\/\\/)?(?:data|eur-lex)\\.europa\\.eu)?\\/eli\\/` +
    `(dir|dir_impl|dir_del|reg|reg_impl|reg_del|dec|dec_impl|dec_del|dec_framw)\\/(\\d{4})\\/(\\d{1,4})` +
    `(?:\\/oj(?:\\/[a-z]{3})?)?(?![\\p{L}\\p{N}])`,
  'giu',
);

/**
 * What a CELEX number and an ELI address need, checked before the full expressions: those start
 * with an optional prefix and lookbehinds, so V8 tries them at every position of the text. Same
 * flags as the full expressions, so "needs" means the same ([A-Za-z] takes "ſ" and "K" under `iu`).
 */
const CELEX_CORE = /[035](?:19|20)\d\d[A-Za-z]{1,2}\d{4}/iu;
const ELI_CORE = /\/eli\//iu;

export function findIdentifiers(text: string): Reference[] {
  const out: Reference[] = [];
  if (CELEX_CORE.test(text)) findCelex(text, out);
  if (ELI_CORE.test(text)) findEli(text, out);
  return out;
}

function findCelex(text: string, out: Reference[]): void {
  let m: RegExpExecArray | null;
  CELEX_RE.lastIndex = 0;
  while ((m = CELEX_RE.exec(text)) !== null) {
    const prefix = m[1];
    const celex = m[2] ?? '';
    // Without "CELEX:" a CELEX number is written in capitals.
    if (!prefix && celex !== celex.toUpperCase()) continue;
    const ident = identityFromCelex(celex);
    if (!ident) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...ident });
  }
}

function findEli(text: string, out: Reference[]): void {
  let m: RegExpExecArray | null;
  ELI_RE.lastIndex = 0;
  while ((m = ELI_RE.exec(text)) !== null) {
    const type = ELI_TYPES[(m[1] ?? '').toLowerCase()];
    const year = Number(m[2]);
    if (!type || !isPlausibleYear(year) || /^0+$/.test(m[3] ?? '')) continue;
    out.push(actReference(m.index, m.index + m[0].length, m[0], type, year, m[3] ?? ''));
  }
}
