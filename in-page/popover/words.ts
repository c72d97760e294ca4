/**
 * The popover's words. Its catalogue comes from the background (messaging/ui-catalogue.ts), in the
 * reader's language, asked for once when the popover's script starts and again when the reader
 * chooses another language. Until it comes, and where the background cannot answer, the
 * browser's own `i18n` serves, in the browser's language: the popover never shows bare keys.
 */
import { browser } from 'wxt/browser';
import { askBackground, BACKGROUND_RETRY, type RetryPolicy } from '../../messaging/ask-background';
import { postToBackground } from '../../messaging/post-to-background';
import { uiCatalogue } from '../../messaging/ui-catalogue';
import { onSettingsChanged } from '../../storage/settings';
import { languageOfTag } from '../../i18n/languages';
import { catalogueSource, createTranslator, type Translator } from '../../i18n/translate';

export function browserTranslator(): Translator {
  // The keys are checked where they are used (i18n/keys.ts); this source takes any name, as a catalogue does.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions: string[]) => string;
  return createTranslator(languageOfTag(browser.i18n.getUILanguage()), (key, substitutions) => getMessage(key, [...substitutions]) || undefined);
}

export class PopoverWords {
  current: Translator = browserTranslator();
  private latest = 0;

  constructor(
    private readonly send: (message: { type: 'ui-catalogue' }) => Promise<unknown> = postToBackground,
    private readonly policy: RetryPolicy = BACKGROUND_RETRY,
  ) {}

  /** Asks for the reader's catalogue; resolves true once `current` is in it. */
  async load(): Promise<boolean> {
    const asked = ++this.latest;
    try {
      const answer = await askBackground(() => this.send({ type: 'ui-catalogue' }), (raw) => uiCatalogue()['ui-catalogue'].answer.parse(raw), this.policy);
      if (asked !== this.latest) return false;
      this.current = createTranslator(answer.language, catalogueSource(answer.catalogue));
      return true;
    } catch (error) {
      console.warn('Eurefs: the popover keeps the browser language', error);
      return false;
    }
  }

  /** Loads now, and again whenever the reader changes the language; `changed` re-renders. Resolves once the first load is done. */
  follow(signal: AbortSignal, changed: () => void): Promise<boolean> {
    const first = this.load();
    void first.then((loaded) => loaded && changed());
    onSettingsChanged((settings, before) => {
      if (settings.language !== before.language) void this.load().then((loaded) => loaded && changed());
    }, signal);
    return first;
  }
}

/**
 * The reader's words for a script that speaks rarely (the keyboard's announcements): nothing is
 * asked as the page loads, the catalogue on the first call, and the language followed after it.
 */
export function wordsOnFirstUse(signal: AbortSignal, words: () => PopoverWords = () => new PopoverWords()): () => Promise<Translator> {
  let following: { words: PopoverWords; first: Promise<boolean> } | undefined;
  return async () => {
    if (!following) {
      const made = words();
      following = { words: made, first: made.follow(signal, () => {}) };
    }
    await following.first;
    return following.words.current;
  };
}
