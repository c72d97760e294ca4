/**
 * The 24 official languages of the EU, which Eurefs speaks, and how the one the reader reads in
 * is chosen: their choice on the options page, or else the browser's own language.
 */

export const LANGUAGES = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The setting: a language, or `auto`, the browser's own. */
export const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** The catalogue every other one falls back on, key by key (the manifest's `default_locale`). */
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * The language dataset text (titles, event labels, the reports' words) is written in: the
 * bundled dataset is built from English reports, and imported datasets follow its schema.
 */
export const DATASET_LANGUAGE: Language = 'en';

/**
 * Each language by its own name, as a reader looks for it in a list: the same in every
 * interface language, so that a reader who landed in one they cannot read finds their own.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  bg: 'български',
  cs: 'čeština',
  da: 'dansk',
  de: 'Deutsch',
  el: 'ελληνικά',
  en: 'English',
  es: 'español',
  et: 'eesti',
  fi: 'suomi',
  fr: 'français',
  ga: 'Gaeilge',
  hr: 'hrvatski',
  hu: 'magyar',
  it: 'italiano',
  lt: 'lietuvių',
  lv: 'latviešu',
  mt: 'Malti',
  nl: 'Nederlands',
  pl: 'polski',
  pt: 'português',
  ro: 'română',
  sk: 'slovenčina',
  sl: 'slovenščina',
  sv: 'svenska',
};

const KNOWN: ReadonlySet<string> = new Set(LANGUAGES);

export function isLanguage(tag: string): tag is Language {
  return KNOWN.has(tag);
}

/** A browser's language tag (`pt-BR`, `en-GB`, `de`) as one of the 24; any other is English. */
export function languageOfTag(tag: string): Language {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}

/** The language the reader reads Eurefs in: their choice, or the browser's (`uiLanguage`). */
export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  return setting === 'auto' ? languageOfTag(uiLanguage) : setting;
}

/**
 * The locale `Intl` formats dates and numbers with. English alone would format as in the US
 * ("Sep 12, 2018"); EU English writes day, month, year, as British and Irish English do.
 */
export function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language === 'pt' ? 'pt-PT' : language;
}
