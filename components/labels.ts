import type { ReferenceType } from '../references/types';

/** The kind of document a reference names, in words a reader knows. */
export const TYPE_NAMES: Record<ReferenceType, string> = {
  com: 'Commission document (COM)',
  join: 'Joint communication (JOIN)',
  sec: 'Commission staff document (SEC)',
  swd: 'Staff working document (SWD)',
  c: 'Commission decision or act (C)',
  directive: 'Directive',
  regulation: 'Regulation',
  decision: 'Decision',
  'framework-decision': 'Framework Decision',
  procedure: 'Interinstitutional procedure',
};

export interface Labelled {
  id: string;
  type: ReferenceType;
  year: number;
  number: string;
}

/** A short human citation for a canonical id: acts read better by their number than by CELEX. */
export function referenceLabel({ id, type, year, number }: Labelled): string {
  switch (type) {
    case 'directive':
    case 'decision':
    case 'framework-decision':
      // Acts before 1999 were numbered with two-digit years (Directive 95/46/EC).
      return `${TYPE_NAMES[type]} ${year < 1999 ? String(year).slice(-2) : year}/${number}`;
    case 'regulation':
      return year >= 2015 ? `Regulation ${year}/${number}` : `Regulation No ${number}/${year}`;
    default:
      return id;
  }
}

/** Dates in the reports are written day.month.year; readers of EU documents expect that form. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!y || !m) return date;
  if (!d) {
    const month = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `${month} ${y}`;
  }
  return `${Number(d)}.${Number(m)}.${y}`;
}
