/**
 * The reader's language for every Preact tree Eurefs renders: the extension's pages
 * (Localised.tsx) and the popover (in-page/popover/words.ts) each provide a translator, and a
 * component reads it with `useI18n()`. No browser API here, so the popover can carry it.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translator } from '../i18n/translate';

export const I18nContext = createContext<Translator | null>(null);

export function useI18n(): Translator {
  const translator = useContext(I18nContext);
  // A tree rendered without its provider is a mistake to see at once, not English to ship.
  if (!translator) throw new Error('Eurefs: rendered without a translator (I18nContext)');
  return translator;
}
