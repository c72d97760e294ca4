/**
 * The catalogues as the extension ships them, read from its own files: for the background (which
 * hands the popover its catalogue) and the extension's pages. Not web-accessible: a page could
 * tell Eurefs is installed by fetching one.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { catalogueSchema, completeCatalogue, type Catalogue } from './catalogue';
import { DEFAULT_LANGUAGE, type Language } from './languages';

/** A catalogue, and the language it is in. */
export interface Words {
  language: Language;
  catalogue: Catalogue;
}

async function readFile(language: Language): Promise<Catalogue | null> {
  // The folder name is built at run time, so WXT's list of public paths cannot know it.
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as PublicPath)).catch(() => null);
  if (!response?.ok) return null;
  return catalogueSchema().parse(await response.json());
}

const read = new Map<Language, Promise<Words>>();

/**
 * `language`'s catalogue, with English for any key it lacks, read once per context. A language
 * with no catalogue yet is English, and says so: a `lang` attribute must name what is written.
 */
export function readCatalogue(language: Language): Promise<Words> {
  let words = read.get(language);
  if (!words) {
    words = Promise.all([readFile(language), language === DEFAULT_LANGUAGE ? null : readFile(DEFAULT_LANGUAGE)]).then(([own, english]) => {
      if (language === DEFAULT_LANGUAGE || !own) {
        const fallback = own ?? english;
        if (!fallback) throw new Error('Eurefs: the English catalogue is missing');
        return { language: DEFAULT_LANGUAGE, catalogue: completeCatalogue(fallback, {}) };
      }
      return { language, catalogue: completeCatalogue(own, english ?? {}) };
    });
    // A failed read is tried again next time rather than remembered.
    words.catch(() => read.delete(language));
    read.set(language, words);
  }
  return words;
}
