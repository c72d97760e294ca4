import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveCatalogues } from './helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function freshModule() {
  return import('../../../i18n/catalogue-files');
}

describe('the catalogues an extension context reads from its own files', () => {
  it('reads the language\'s own words, English for any key it lacks, without the translators\' descriptions', async () => {
    const served = serveCatalogues();
    vi.stubGlobal('fetch', served.fetch);
    const { readCatalogue } = await freshModule();
    const words = await readCatalogue('de');
    expect(words.language).toBe('de');
    expect(words.catalogue.stageInForce).toEqual({ message: 'in Kraft' });
    expect(served.asked.every((url) => url.startsWith('chrome-extension://'))).toBe(true);
    // Read once per context.
    const count = served.asked.length;
    await readCatalogue('de');
    expect(served.asked).toHaveLength(count);
  });

  it('is English, and says so, for a language whose catalogue the build lacks', async () => {
    vi.stubGlobal('fetch', serveCatalogues(['ga']).fetch);
    const { readCatalogue } = await freshModule();
    const words = await readCatalogue('ga');
    expect(words.language).toBe('en');
    expect(words.catalogue.stageInForce?.message).toBe('in force');
  });

  it('tries again after a read that failed, rather than remembering the failure', async () => {
    const served = serveCatalogues();
    vi.stubGlobal('fetch', async () => new Response('', { status: 500 }));
    const { readCatalogue } = await freshModule();
    await expect(readCatalogue('en')).rejects.toThrow(/English catalogue is missing/);
    vi.stubGlobal('fetch', served.fetch);
    expect((await readCatalogue('en')).catalogue.extName?.message).toBe('Eurefs');
  });
});
