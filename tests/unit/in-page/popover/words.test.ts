import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEY } from '../../../../storage/settings';
import { catalogueFile } from '../../i18n/helpers';
import { completeCatalogue } from '../../../../i18n/catalogue';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const { PopoverWords, wordsOnFirstUse } = await import('../../../../in-page/popover/words');

const QUICK = { attemptTimeoutMs: 50, backoffMs: [1] };
const german = { language: 'de', catalogue: completeCatalogue(catalogueFile('de'), catalogueFile('en')) };
const english = { language: 'en', catalogue: completeCatalogue(catalogueFile('en'), {}) };

/** The browser's own i18n, in English, as Chromium's would answer from the English catalogue. */
function browserInEnglish() {
  const en = catalogueFile('en');
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string[]) =>
    (en[key]?.message ?? '').replace(/\$[a-z]+\$/gi, () => substitutions?.[0] ?? '')) as typeof fakeBrowser.i18n.getMessage);
}

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the popover\'s words', () => {
  it('are the browser\'s own until the reader\'s catalogue comes from the background, then the reader\'s language', async () => {
    browserInEnglish();
    const send = vi.fn(async () => german);
    const words = new PopoverWords(send, QUICK);
    expect(words.current.language).toBe('en');
    expect(words.current.t('stageInForce')).toBe('in force');
    expect(await words.load()).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'ui-catalogue' });
    expect(words.current.language).toBe('de');
    expect(words.current.t('popoverSince', '12.09.2018')).toBe('seit 12.09.2018');
  });

  it('keep the browser\'s language where the background does not answer, or answers with what is no catalogue', async () => {
    browserInEnglish();
    const silent = new PopoverWords(async () => undefined, QUICK);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await silent.load()).toBe(false);
    expect(silent.current.t('stageInForce')).toBe('in force');
    const wrong = new PopoverWords(async () => ({ language: 'xx', catalogue: {} }), QUICK);
    expect(await wrong.load()).toBe(false);
    expect(wrong.current.language).toBe('en');
  });

  it('change at once when the reader chooses another language, and not for other settings', async () => {
    browserInEnglish();
    let answer: unknown = english;
    const send = vi.fn(async () => answer);
    const words = new PopoverWords(send, QUICK);
    const changed = vi.fn();
    const stop = new AbortController();
    words.follow(stop.signal, changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { hideUntracked: true } });
    answer = german;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { hideUntracked: true, language: 'de' } });
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    expect(send).toHaveBeenCalledTimes(2);
    expect(words.current.t('stageInForce')).toBe('in Kraft');
    stop.abort();
  });

  it('for the keyboard, are asked of the background at the first use only, once, and follow the language after it', async () => {
    browserInEnglish();
    let answer: unknown = german;
    const send = vi.fn(async () => answer);
    const stop = new AbortController();
    const words = wordsOnFirstUse(stop.signal, () => new PopoverWords(send, QUICK));
    expect(send).not.toHaveBeenCalled();
    expect((await words()).t('stageInForce')).toBe('in Kraft');
    expect((await words()).language).toBe('de');
    expect(send).toHaveBeenCalledTimes(1);
    answer = english;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en' } });
    await vi.waitFor(async () => expect((await words()).language).toBe('en'));
    stop.abort();
  });
});
