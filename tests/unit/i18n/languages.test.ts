import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES, LANGUAGES, intlLocale, languageOfTag, resolveLanguage } from '../../../i18n/languages';

describe('the reader\'s language', () => {
  it('is one of the 24 official languages of the EU, each named in itself', () => {
    expect(LANGUAGES).toHaveLength(24);
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    expect(LANGUAGE_NAMES.de).toBe('Deutsch');
    expect(LANGUAGE_NAMES.el).toBe('ελληνικά');
  });

  it('follows the browser\'s language by its primary subtag, and is English for any language the EU does not have', () => {
    expect(languageOfTag('pt-BR')).toBe('pt');
    expect(languageOfTag('en-GB')).toBe('en');
    expect(languageOfTag('de')).toBe('de');
    expect(languageOfTag('FR_be')).toBe('fr');
    expect(languageOfTag('ru')).toBe('en');
    expect(languageOfTag('ja-JP')).toBe('en');
    expect(languageOfTag('')).toBe('en');
  });

  it('is the reader\'s choice where they made one, whatever the browser\'s', () => {
    expect(resolveLanguage('auto', 'bg')).toBe('bg');
    expect(resolveLanguage('fi', 'de-AT')).toBe('fi');
  });

  it('formats English dates day first, as EU English does, not as in the US', () => {
    const date = new Date(Date.UTC(2018, 8, 12));
    expect(new Intl.DateTimeFormat(intlLocale('en'), { dateStyle: 'medium', timeZone: 'UTC' }).format(date)).toMatch(/^12 Sept? 2018$/);
    expect(intlLocale('pt')).toBe('pt-PT');
  });
});
