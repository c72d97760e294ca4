/**
 * Interinstitutional procedure numbers: `2017/0351(COD)`, `2017/0351 (COD)`, `2015/0289/COD`,
 * type first `COD 2007/0234`, split files `2016/0400A(COD)`.
 */
import type { Reference } from './types';
import { isPlausibleYear, pad4, procedureReference } from './ids';

/** Procedure types of the Legislative Observatory. */
export const PROCEDURE_TYPES = [
  'COD', 'CNS', 'APP', 'NLE', 'INI', 'BUD', 'DEC', 'INL', 'RSP', 'AVC', 'SYN', 'ACI', 'DCE',
  'IMM', 'REG', 'RPS', 'COS', 'DEA', 'RSO', 'INS', 'ITS', 'CNT', 'SEC', 'DEL', 'NLS',
] as const;

const TYPES = `(${PROCEDURE_TYPES.join('|')})`;

// 1 year, 2 number, 3 split letter, 4 type in parentheses, 5 type after a slash
const NUMBER_FIRST_RE = new RegExp(
  `(?<![\\p{L}\\p{N}/])((?:19|20)\\d\\d)\\/(\\d{1,4})([A-Z])?(?:\\s*\\(\\s*${TYPES}\\s*\\)|\\/${TYPES}(?![\\p{L}\\p{N}]))`,
  'gu',
);

/** Type first (`COD 2007/0234`) only for legislative files, whose numbers start with 0. */
const LEGISLATIVE_TYPES = '(COD|CNS|APP|NLE|SYN|AVC|ACI)';

// 1 type, 2 year, 3 number, 4 split letter
const TYPE_FIRST_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${LEGISLATIVE_TYPES}[\\s\\-:]\\s*((?:19|20)\\d\\d)\\/(0\\d{3})([A-Z])?(?![\\p{L}\\p{N}]|\\/\\d|\\s*\\()`,
  'gu',
);

function make(text: string, start: number, end: number, y: string, n: string, letter: string | undefined, type: string): Reference | null {
  const year = Number(y);
  if (!isPlausibleYear(year) || /^0+$/.test(n)) return null;
  const number = pad4(n.length > 4 ? n.slice(-4) : n) + (letter ?? '');
  return procedureReference(start, end, text.slice(start, end), year, number, type);
}

export function findProcedures(text: string): Reference[] {
  const out: Reference[] = [];
  let m: RegExpExecArray | null;
  NUMBER_FIRST_RE.lastIndex = 0;
  while ((m = NUMBER_FIRST_RE.exec(text)) !== null) {
    const r = make(text, m.index, m.index + m[0].length, m[1] ?? '', m[2] ?? '', m[3], m[4] ?? m[5] ?? '');
    if (r) out.push(r);
  }
  TYPE_FIRST_RE.lastIndex = 0;
  while ((m = TYPE_FIRST_RE.exec(text)) !== null) {
    const r = make(text, m.index, m.index + m[0].length, m[2] ?? '', m[3] ?? '', m[4], m[1] ?? '');
    if (r) out.push(r);
  }
  return out;
}
