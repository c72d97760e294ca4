/** A proposal's quote highlighted inside the sentences around it, as text (Preact escapes it). */
import { quoteInContext } from './quote-in-context';
import { DRAFT_STRINGS as S } from './strings';

export function QuotedSentence({ quote, context }: { quote: string; context: string }) {
  const parts = quoteInContext(quote, context);
  return (
    <blockquote class="quote" aria-label={S.quoteLabel}>
      {parts.before}
      <mark>{parts.quote}</mark>
      {parts.after}
    </blockquote>
  );
}
