/** The shipped catalogues as the tests read them: from the files, as the extension does. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h, type VNode } from 'preact';
import { catalogueSchema, completeCatalogue, type Catalogue } from '../../../i18n/catalogue';
import { DEFAULT_LANGUAGE, type Language } from '../../../i18n/languages';
import { catalogueSource, createTranslator, type Translator } from '../../../i18n/translate';
import { I18nContext } from '../../../components/i18n-context';

// From the path, not `new URL`: under jsdom `URL` is jsdom's, which node's fileURLToPath does not take.
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../public/_locales/');

export function catalogueFile(language: string): Catalogue {
  return catalogueSchema().parse(JSON.parse(readFileSync(`${LOCALES_DIR}${language}/messages.json`, 'utf8')));
}

/** The languages that have a catalogue folder now. */
export function shippedLanguages(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

export function wordsIn(language: Language): Translator {
  const catalogue = completeCatalogue(catalogueFile(language), catalogueFile(DEFAULT_LANGUAGE));
  return createTranslator(language, catalogueSource(catalogue));
}

/** `tree` rendered with the words of `language` (English unless told). */
export function inLanguage<P>(tree: VNode<P>, language: Language = 'en'): VNode<{ value: Translator | null }> {
  return h(I18nContext.Provider, { value: wordsIn(language) }, tree);
}

/**
 * A `fetch` that serves the extension's catalogue files as the browser serves its own files, from
 * the folder they ship in, and nothing else; returns the addresses asked for.
 */
/** The shipped catalogues as the extension's files, `missing` left out (a build that lacks one). */
export function serveCatalogues(missing: readonly string[] = []): { fetch: (input: string | URL | Request) => Promise<Response>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      asked.push(url);
      const language = /\/_locales\/([^/]+)\/messages\.json$/.exec(url)?.[1];
      if (!language || missing.includes(language) || !shippedLanguages().includes(language)) return new Response('not found', { status: 404 });
      return new Response(readFileSync(`${LOCALES_DIR}${language}/messages.json`, 'utf8'), { headers: { 'content-type': 'application/json' } });
    },
  };
}
