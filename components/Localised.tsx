/**
 * An extension page's words: its own catalogue files, in the reader's language, and again at
 * once when the reader chooses another on the options page. Sets the page's `lang`, so screen
 * readers pronounce it right.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onSettingsChanged, readSettings, type Settings } from '../storage/settings';
import { readCatalogue } from '../i18n/catalogue-files';
import { readerLanguage } from '../i18n/reader-language';
import { catalogueSource, createTranslator, type Translator } from '../i18n/translate';
import { I18nContext } from './i18n-context';
import type { MessageKey } from '../i18n/keys';

/** `title`: the page's title, in the same language (a page may set a more precise one later). */
export function Localised({ children, title }: { children: ComponentChildren; title?: MessageKey }) {
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    let latest = 0;
    const load = async (settings: Settings) => {
      const asked = ++latest;
      const { language, catalogue } = await readCatalogue(readerLanguage(settings));
      // Two quick changes: only the last one's words stay.
      if (asked !== latest || stop.signal.aborted) return;
      document.documentElement.lang = language;
      const translator = createTranslator(language, catalogueSource(catalogue));
      if (title) document.title = translator.t(title);
      setTranslator(translator);
    };
    const failed = (error: unknown) => console.error('Eurefs: could not read the catalogue', error);
    void readSettings().then(load).catch(failed);
    onSettingsChanged((settings, before) => {
      if (settings.language !== before.language) void load(settings).catch(failed);
    }, stop.signal);
    return () => stop.abort();
  }, []);
  if (!translator) return null;
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}
