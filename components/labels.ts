import { describeId } from '../references';
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

/** A short human citation for a canonical id: acts read better by their number than by CELEX. */
export function referenceLabel({ id }: { id: string }): string {
  return describeId(id)?.label ?? id;
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
