/**
 * Canonical ids, CELEX numbers and addresses. Pure functions, no DOM.
 */
import type { Reference, ReferenceType } from './types';

export type DocumentType = 'com' | 'join' | 'sec' | 'swd' | 'c';
export type ActType = 'directive' | 'regulation' | 'decision' | 'framework-decision';

/** The identity part of a reference (everything but its place in the text). */
export type ReferenceIdentity = Omit<Reference, 'start' | 'end' | 'text'>;

export const DOCUMENT_PREFIX: Readonly<Record<DocumentType, string>> = {
  com: 'COM',
  join: 'JOIN',
  sec: 'SEC',
  swd: 'SWD',
  c: 'C',
};

export const ACT_CELEX_LETTER: Readonly<Record<ActType, string>> = {
  directive: 'L',
  regulation: 'R',
  decision: 'D',
  'framework-decision': 'F',
};

const CELEX_LETTER_TO_ACT: Readonly<Record<string, ActType>> = {
  L: 'directive',
  R: 'regulation',
  D: 'decision',
  F: 'framework-decision',
};

const EURLEX = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=';
const OEIL = 'https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=';

/** Strip leading zeros ("0793" → "793", "0" → "0"). */
export function stripZeros(n: string): string {
  const s = n.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

export function pad4(n: string | number): string {
  return String(n).padStart(4, '0');
}

/** Two-digit years of acts and old COM documents: 95 → 1995, 05 → 2005. */
export function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n >= 50 ? 1900 + n : 2000 + n;
  return n;
}

export function isPlausibleYear(y: number): boolean {
  return y >= 1950 && y <= 2099;
}

export function eurLexUrl(uri: string): string {
  return EURLEX + uri;
}

export function celexUrl(celex: string): string {
  return eurLexUrl('CELEX:' + celex);
}

export function procedureUrl(id: string): string {
  return OEIL + id;
}

export function documentId(type: DocumentType, year: number, number: string): string {
  return `${DOCUMENT_PREFIX[type]}(${year}) ${stripZeros(number)}`;
}

export function documentUrl(type: DocumentType, year: number, number: string): string {
  return eurLexUrl(`${DOCUMENT_PREFIX[type]}:${year}:${stripZeros(number)}:FIN`);
}

export function actCelex(type: ActType, year: number, number: string | number): string {
  return `3${year}${ACT_CELEX_LETTER[type]}${pad4(stripZeros(String(number)))}`;
}

export function procedureId(year: number, number: string, procType: string): string {
  return `${year}/${number}(${procType.toUpperCase()})`;
}

export function documentIdentity(
  type: DocumentType,
  year: number,
  number: string,
  celex?: string,
): ReferenceIdentity {
  const n = stripZeros(number);
  const ident: ReferenceIdentity = {
    type,
    year,
    number: n,
    id: documentId(type, year, n),
    url: celex ? celexUrl(celex) : documentUrl(type, year, n),
  };
  if (celex) ident.celex = celex;
  return ident;
}

export function actIdentity(type: ActType, year: number, number: string): ReferenceIdentity {
  const celex = actCelex(type, year, number);
  return { type, year, number: stripZeros(number), id: celex, celex, url: celexUrl(celex) };
}

/*
 * The grammar's references, each built whole as one object of one shape, not as an identity
 * spread into a second: a long page holds hundreds of thousands of them.
 */

/** The document `type` `year`/`number` found at [start, end) as `text`. */
export function documentReference(start: number, end: number, text: string, type: DocumentType, year: number, number: string): Reference {
  const n = stripZeros(number);
  return { start, end, text, type, year, number: n, id: documentId(type, year, n), url: documentUrl(type, year, n) };
}

/** The act `type` `year`/`number` found at [start, end) as `text`. */
export function actReference(start: number, end: number, text: string, type: ActType, year: number, number: string): Reference {
  const celex = actCelex(type, year, number);
  return { start, end, text, type, year, number: stripZeros(number), id: celex, url: celexUrl(celex), celex };
}

/** `number` is the 4-digit number plus an optional split letter ("0400A"). */
export function procedureReference(start: number, end: number, text: string, year: number, number: string, procType: string): Reference {
  const id = procedureId(year, number, procType);
  return { start, end, text, type: 'procedure', year, number, id, url: procedureUrl(id) };
}

/**
 * The document a CELEX number names, or null when it is not one of Eurefs' types.
 * Sector 3 L/R/D/F → the act; sector 0 (consolidated) → the consolidated act;
 * sector 5 PC/DC → COM, JC → JOIN, SC → SWD (SEC before 2012).
 */
export function identityFromCelex(celex: string): ReferenceIdentity | null {
  const m = /^([035])(\d{4})([A-Z]{1,2})(\d{4})$/.exec(celex.toUpperCase());
  if (!m) return null;
  const [, sector, y, letters, num] = m as unknown as [string, string, string, string, string];
  const year = Number(y);
  if (!isPlausibleYear(year)) return null;
  if (sector === '3' || sector === '0') {
    const act = CELEX_LETTER_TO_ACT[letters];
    return act ? actIdentity(act, year, num) : null;
  }
  const canonical = `5${y}${letters}${num}`;
  switch (letters) {
    case 'PC':
    case 'DC':
      return documentIdentity('com', year, num, canonical);
    case 'JC':
      return documentIdentity('join', year, num, canonical);
    case 'SC':
      return documentIdentity(year >= 2012 ? 'swd' : 'sec', year, num, canonical);
    default:
      return null;
  }
}

export interface IdDescription {
  type: ReferenceType;
  year: number;
  number: string;
  celex?: string;
  url: string;
  /** a human label, e.g. "Directive (EU) 2017/541", "Regulation No 767/2008", "COM(2017) 793" */
  label: string;
}

const ACT_LABEL: Readonly<Record<ActType, string>> = {
  directive: 'Directive',
  regulation: 'Regulation',
  decision: 'Decision',
  'framework-decision': 'Framework Decision',
};

function shortYear(year: number): string {
  return year < 1999 ? String(year % 100).padStart(2, '0') : String(year);
}

/** Human label for an act. Since 2015 all acts are numbered year/number. */
export function actLabel(type: ActType, year: number, number: string): string {
  const name = ACT_LABEL[type];
  if (year >= 2015) {
    return type === 'directive' || type === 'regulation'
      ? `${name} (EU) ${year}/${number}`
      : `${name} ${year}/${number}`;
  }
  if (type === 'regulation') return `${name} No ${number}/${shortYear(year)}`;
  return `${name} ${shortYear(year)}/${number}`;
}

const CANONICAL_DOC = /^(COM|JOIN|SEC|SWD|C)\((\d{4})\) ([1-9]\d{0,5})$/;
const CANONICAL_ACT = /^3(\d{4})([LRDF])(\d{4})$/;
const CANONICAL_PROC = /^(\d{4})\/(\d{4}[A-Z]?)\(([A-Z]{3})\)$/;

/** Describe a canonical id (see Reference.id); null if it is not one. */
export function describeId(id: string): IdDescription | null {
  let m = CANONICAL_DOC.exec(id);
  if (m) {
    const type = (m[1] ?? '').toLowerCase() as DocumentType;
    const year = Number(m[2]);
    const number = m[3] ?? '';
    return { type, year, number, url: documentUrl(type, year, number), label: id };
  }
  m = CANONICAL_ACT.exec(id);
  if (m) {
    const year = Number(m[1]);
    const type = CELEX_LETTER_TO_ACT[m[2] ?? ''];
    if (!type) return null;
    const number = stripZeros(m[3] ?? '');
    return { type, year, number, celex: id, url: celexUrl(id), label: actLabel(type, year, number) };
  }
  m = CANONICAL_PROC.exec(id);
  if (m) {
    return { type: 'procedure', year: Number(m[1]), number: m[2] ?? '', url: procedureUrl(id), label: id };
  }
  return null;
}
