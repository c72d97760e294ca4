/**
 * A proposal's quote shown as a reader meets it in the report: inside its paragraph, with the
 * sentence before and the sentence after, so that "the same day" or "it" can be read against
 * what they refer to. The three parts are plain strings; the section renders the quote in a
 * <mark> as text.
 */
import { foldQuotes } from '../../../evidence/find-quote';
import { sentenceStarts } from '../../../evidence/sentence';

export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
}

/**
 * The quote with up to `sentences` sentences either side of it from `context` (the block it
 * stands in). A quote not found in its context (whitespace aside) is shown alone.
 */
export function quoteInContext(quote: string, context: string, sentences = 1): QuoteInContext {
  const start = foldQuotes(context).indexOf(foldQuotes(quote));
  if (quote === '' || start < 0) return { before: '', quote, after: '' };
  const end = start + quote.length;
  const starts = sentenceStarts(context);
  const earlier = starts.filter((s) => s <= start);
  const later = starts.filter((s) => s >= end);
  const from = earlier[Math.max(0, earlier.length - 1 - sentences)] ?? 0;
  // later[0] starts the sentence right after the quote's own
  const to = later[sentences] ?? context.length;
  return { before: context.slice(from, start), quote: context.slice(start, end), after: context.slice(end, to).trimEnd() };
}
