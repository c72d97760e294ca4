import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readerLanguage } from '../../../i18n/reader-language';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

afterEach(() => vi.restoreAllMocks());

describe('the language the reader reads Eurefs in', () => {
  it('is the browser\'s, mapped to the 24, until the reader chooses', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('pt-BR');
    expect(readerLanguage({ language: 'auto' })).toBe('pt');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
    expect(readerLanguage({ language: 'auto' })).toBe('en');
  });

  it('is the reader\'s choice once they made one', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    expect(readerLanguage({ language: 'hu' })).toBe('hu');
  });
});
