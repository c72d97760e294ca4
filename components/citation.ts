/**
 * A citation a reader can paste into a note or a paper: what the document is, its reference as
 * the EU writes it, its date, and, where tracked, its status and the report that says so, in
 * the reader's language (the title stays as the dataset has it).
 */
import type { Reference } from '../references/types';
import type { DocumentView } from '../messaging/to-background';
import type { Translator } from '../i18n/translate';
import { referenceLabel, stageWords } from './labels';

const COMMISSION_TYPES = new Set(['com', 'join', 'sec', 'swd', 'c']);

export function formatCitation(
  reference: Pick<Reference, 'id' | 'type' | 'year' | 'number' | 'url'>,
  doc: DocumentView | null | undefined,
  words: Translator,
): string {
  const label = referenceLabel(reference);
  // Commission documents are cited with "final", as on their cover page.
  const cited = COMMISSION_TYPES.has(reference.type) ? `${label} final` : label;
  const parts: string[] = [];
  const title = doc && doc.title !== doc.id ? doc.title : null;
  parts.push(title ? `${title}, ${cited}` : cited);
  if (doc?.date) parts[0] += `, ${words.date(doc.date)}`;
  if (doc?.status) {
    const { stage, since, asOfReport } = doc.status;
    const status = words.t('citationStatus', stageWords(words, stage));
    parts.push(`${status}${since ? ` ${words.t('citationSince', words.date(since))}` : ''}${asOfReport ? ` (${words.t('citationAsOf', asOfReport)})` : ''}`);
  }
  parts.push(doc?.url ?? reference.url);
  return `${parts.join('. ')}.`.replace(/\.\.$/, '.');
}
