/** A proposal's quote highlighted inside the sentences around it, as text (Preact escapes it). */
import { quoteInContext } from './quote-in-context';
import { useI18n } from '../../../components/i18n-context';
import { DATASET_LANGUAGE } from '../../../i18n/languages';

export function QuotedSentence({ quote, context }: { quote: string; context: string }) {
  const words = useI18n();
  const parts = quoteInContext(quote, context);
  return (
    <blockquote class="quote" aria-label={words.t('draftQuoteLabel')} lang={words.language === DATASET_LANGUAGE ? undefined : DATASET_LANGUAGE}>
      {parts.before}
      <mark>{parts.quote}</mark>
      {parts.after}
    </blockquote>
  );
}
