/**
 * Messages in the reader's language, from a catalogue the context got as it can (an extension
 * page fetches its own files, the popover asks the background), with placeholders filled in as
 * the browser's `i18n.getMessage` fills them, plurals chosen by `Intl.PluralRules`, and dates and
 * numbers formatted by `Intl` for the language. Pure: no browser API.
 */
import type { Catalogue } from './catalogue';
import { intlLocale, type Language } from './languages';
import type { MessageKey, PluralKey } from './keys';

/** What fills a message's `$1`…`$9`. */
export type Substitution = string | number;

/** The text of `key` with its substitutions made, or undefined where the source has no such key. */
export type MessageSource = (key: string, substitutions: readonly string[]) => string | undefined;

export interface Translator {
  readonly language: Language;
  /** The message of `key`; `$1`… take `substitutions` in order. */
  t(key: MessageKey, ...substitutions: Substitution[]): string;
  /** The plural form of `key` for `count`: `$1` is the count as the language writes it, `$2`… the rest. */
  plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string;
  /** A dataset date: `2018-09-12`, `2018-09` (a month) or `2018` (a year). */
  date(iso: string): string;
  /** A moment the browser recorded (an import, a note's last change), in the reader's time zone. */
  moment(value: string | number | Date, withTime?: boolean): string;
  number(value: number): string;
}

/**
 * One pass over the message, as Chromium's own substitution goes: `$$` is a dollar sign,
 * `$name$` the named placeholder's content (names are not case-sensitive), `$1`… a substitution.
 */
export function substitute(message: string, placeholders: Catalogue[string]['placeholders'], substitutions: readonly string[]): string {
  const numbered = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return message.replace(/\$\$|\$([A-Za-z0-9_]+)\$|\$(\d)/g, (whole, name: string | undefined, n: string | undefined) => {
    if (whole === '$$') return '$';
    if (n !== undefined) return substitutions[Number(n) - 1] ?? '';
    const wanted = name!.toLowerCase();
    const placeholder = Object.entries(placeholders ?? {}).find(([own]) => own.toLowerCase() === wanted)?.[1];
    return placeholder ? numbered(placeholder.content) : whole;
  });
}

/** Messages from a parsed catalogue. */
export function catalogueSource(catalogue: Catalogue): MessageSource {
  return (key, substitutions) => {
    const entry = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
    return entry ? substitute(entry.message, entry.placeholders, substitutions) : undefined;
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

export function createTranslator(language: Language, source: MessageSource): Translator {
  const locale = intlLocale(language);
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const localDays = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const localMoments = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const text = (value: Substitution) => (typeof value === 'number' ? numbers.format(value) : value);
  // A key missing everywhere shows as itself: visible in a screenshot, never an empty label.
  const message = (key: string, substitutions: Substitution[]) => source(key, substitutions.map(text)) ?? key;
  return {
    language,
    t: (key, ...substitutions) => message(key, substitutions),
    plural: (key, count, ...substitutions) => {
      const all = [count, ...substitutions];
      const form = `${key}_${plurals.select(count)}`;
      return source(form, all.map(text)) ?? message(`${key}_other`, all);
    },
    date: (iso) => {
      const day = DAY.exec(iso);
      if (day) return days.format(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
      const month = MONTH.exec(iso);
      if (month) return months.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
      return iso;
    },
    moment: (value, withTime = false) => (withTime ? localMoments : localDays).format(new Date(value)),
    number: (value) => numbers.format(value),
  };
}
