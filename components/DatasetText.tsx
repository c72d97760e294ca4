/**
 * Text as the dataset has it (a title, an event, a report's words) inside the reader's interface:
 * untranslated, and marked as the dataset's language where the interface speaks another, so a
 * screen reader pronounces it right.
 */
import type { ComponentChildren } from 'preact';
import { DATASET_LANGUAGE } from '../i18n/languages';
import type { Translator } from '../i18n/translate';
import { useI18n } from './i18n-context';

/** `lang` for an element of dataset text: only where it is not the interface's language. */
export function datasetLang(words: Translator): { lang?: string } {
  return words.language === DATASET_LANGUAGE ? {} : { lang: DATASET_LANGUAGE };
}

export function DatasetText({ children, class: className }: { children: ComponentChildren; class?: string }) {
  const words = useI18n();
  return (
    <span class={className} {...datasetLang(words)}>
      {children}
    </span>
  );
}
