import { intlLocale } from '../../i18n/languages';
import type { Translator } from '../../i18n/translate';

/** A moment (an ISO timestamp) as the reader's language writes a date and time, in their time zone. */
export function dateTime(words: Translator, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(words.language), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}
