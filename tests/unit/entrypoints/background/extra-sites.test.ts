import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeSiteAccess, type FakeSiteAccess } from './helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const { syncExtraSites, watchExtraSites } = await import('../../../../entrypoints/background/extra-sites');
const { updateSettings } = await import('../../../../storage/settings');

const EXAMPLE = 'https://example.org/*';
const WIKI = 'https://*.wikipedia.org/*';

let sites: FakeSiteAccess;

beforeEach(() => {
  fakeBrowser.reset();
  sites = fakeSiteAccess();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The reader adds sites on the options page: listed in the settings, then granted by the browser. */
async function addSites(...patterns: string[]): Promise<void> {
  await updateSettings((settings) => ({ ...settings, extraSites: [...settings.extraSites, ...patterns] }));
  for (const pattern of patterns) await sites.grant(pattern);
}

const scriptsById = () => Object.fromEntries(sites.registered().map((script) => [script.id, script]));

describe('the content script on the extra sites the reader granted', () => {
  it('registers nothing while no extra site is granted', async () => {
    await updateSettings((settings) => ({ ...settings, extraSites: [EXAMPLE] }));
    expect(await syncExtraSites()).toEqual([]);
    expect(sites.registered()).toEqual([]);
  });

  it('runs the lookout on exactly the granted sites, at document_end as on europa.eu', async () => {
    await addSites(EXAMPLE, WIKI);
    // Listed but never granted: the reader did not finish asking for it.
    await updateSettings((settings) => ({ ...settings, extraSites: [...settings.extraSites, 'https://news.example/*'] }));
    expect(await syncExtraSites()).toEqual([EXAMPLE, WIKI]);
    const lookouts = sites.registered().filter((script) => script.js?.includes('content-scripts/content.js'));
    expect(lookouts).toHaveLength(1);
    expect(lookouts[0]).toMatchObject({ matches: [EXAMPLE, WIKI], runAt: 'document_end' });
  });

  it('gives the lookout there the marks\' look with it, the stylesheet WXT writes for the content script, as the manifest does on europa.eu', async () => {
    await addSites(EXAMPLE);
    await syncExtraSites();
    const [lookout] = sites.registered().filter((script) => script.js?.includes('content-scripts/content.js'));
    expect(lookout?.css).toEqual(['content-scripts/content.css']);
  });

  it('in Chromium, also gives those sites the empty script at document_start that keeps the API in the lookout\'s world', async () => {
    await addSites(EXAMPLE);
    await syncExtraSites();
    const apiWorld = sites.registered().filter((script) => script.js?.includes('api-world.js'));
    expect(apiWorld).toHaveLength(1);
    expect(apiWorld[0]).toMatchObject({ matches: [EXAMPLE], runAt: 'document_start' });
    // The isolated world, where the lookout runs: the one whose API a named frame would take.
    expect(apiWorld[0]!.world ?? 'ISOLATED').toBe('ISOLATED');
  });

  it('in Firefox, registers the lookout alone', async () => {
    vi.stubEnv('BROWSER', 'firefox');
    await addSites(EXAMPLE);
    await syncExtraSites();
    expect(sites.registered().map((script) => [script.js, script.css])).toEqual([[['content-scripts/content.js'], ['content-scripts/content.css']]]);
  });

  it('drops a site whose permission the reader took back, and everything with the last one', async () => {
    await addSites(EXAMPLE, WIKI);
    await syncExtraSites();
    await sites.revoke(EXAMPLE);
    await syncExtraSites();
    expect(Object.values(scriptsById()).map((script) => script.matches)).toEqual([[WIKI], [WIKI]]);
    await sites.revoke(WIKI);
    await syncExtraSites();
    expect(sites.registered()).toEqual([]);
  });

  it('follows grants, revocations and the settings by itself once watching', async () => {
    watchExtraSites();
    await addSites(EXAMPLE);
    await vi.waitFor(() => expect(scriptsById()['eurefs-extra-sites']?.matches).toEqual([EXAMPLE]));
    await sites.revoke(EXAMPLE);
    await vi.waitFor(() => expect(sites.registered()).toEqual([]));
  });
});
