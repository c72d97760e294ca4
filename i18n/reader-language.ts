/** The language the reader reads Eurefs in, from their settings and the browser's own language. */
import { browser } from 'wxt/browser';
import type { Settings } from '../storage/settings';
import { resolveLanguage, type Language } from './languages';

export function readerLanguage(settings: Pick<Settings, 'language'>): Language {
  return resolveLanguage(settings.language, browser.i18n.getUILanguage());
}
