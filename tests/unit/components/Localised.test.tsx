import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEY } from '../../../storage/settings';
import { serveCatalogues } from '../i18n/helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const { window } = parseHTML('<!doctype html><html lang="en"><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const root = window.document.getElementById('root')!;
const { Localised } = await import('../../../components/Localised');
const { useI18n } = await import('../../../components/i18n-context');

function Stage() {
  const words = useI18n();
  return <p>{words.t('stageInForce')} · {words.plural('popoverTimeline', 2)}</p>;
}

afterEach(() => {
  render(null, root);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  fakeBrowser.reset();
});

describe('an extension page\'s words', () => {
  it('are in the browser\'s language until the reader chooses, and the page says its language', async () => {
    vi.stubGlobal('fetch', serveCatalogues().fetch);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-AT');
    render(<Localised title="listPageTitle"><Stage /></Localised>, root);
    // Nothing in some other language while the catalogue is read.
    expect(root.textContent).toBe('');
    await vi.waitFor(() => expect(root.textContent).toBe('in Kraft · Zeitleiste (2 Ereignisse)'));
    expect(window.document.documentElement.getAttribute('lang')).toBe('de');
    expect(window.document.title).toBe('Eurefs: Verweise auf dieser Seite');
  });

  it('follow the reader\'s choice on the options page at once', async () => {
    vi.stubGlobal('fetch', serveCatalogues().fetch);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    render(<Localised><Stage /></Localised>, root);
    await vi.waitFor(() => expect(root.textContent).toContain('in Kraft'));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en' } });
    await vi.waitFor(() => expect(root.textContent).toBe('in force · Timeline (2 events)'));
    expect(window.document.documentElement.getAttribute('lang')).toBe('en');
  });
});
