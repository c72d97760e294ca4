/**
 * Sites beyond europa.eu: the reader grants each one on the options page (an optional host
 * permission); the background then registers the content script for the granted ones. Nothing
 * runs on a site the reader did not ask for.
 */
import { browser, type Browser } from 'wxt/browser';
import { onSettingsChanged, readSettings } from '../../storage/settings';

const SCRIPT_ID = 'eurefs-extra-sites';
const API_WORLD_SCRIPT_ID = 'eurefs-extra-sites-api-world';
const SCRIPT_IDS = [API_WORLD_SCRIPT_ID, SCRIPT_ID];

/** Registers the content script on exactly the granted extra sites (none: unregistered). */
export async function syncExtraSites(): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const { extraSites } = await readSettings();
  const granted: string[] = [];
  for (const pattern of extraSites) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
  if (granted.length) await browser.scripting.registerContentScripts(scriptsFor(granted));
  return granted;
}

function scriptsFor(matches: string[]): Browser.scripting.RegisteredContentScript[] {
  // document_end, as on europa.eu (entrypoints/content/index.ts): document_idle waits for the page's images.
  // The marks' look with it, as the manifest has it (in-page/marks/marks.css).
  const lookout: Browser.scripting.RegisteredContentScript = {
    id: SCRIPT_ID,
    matches,
    js: ['content-scripts/content.js'],
    css: ['content-scripts/content.css'],
    runAt: 'document_end',
  };
  // Firefox keeps the API in the isolated world whatever the page names its frames.
  if (import.meta.env.BROWSER === 'firefox') return [lookout];
  // What the manifest gives europa.eu (wxt.config.ts, build:manifestGenerated): without it, a page's
  // `<iframe name="browser">` leaves the lookout's world without the extension API.
  return [{ id: API_WORLD_SCRIPT_ID, matches, js: ['api-world.js'], runAt: 'document_start' }, lookout];
}

export function watchExtraSites(): void {
  const resync = () => void syncExtraSites().catch((error: unknown) => console.error('Eurefs: sites', error));
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  onSettingsChanged(resync);
  resync();
}
