/**
 * Sites beyond europa.eu: the reader grants each one on the options page (an optional host
 * permission); the background then registers the content script for the granted ones. Nothing
 * runs on a site the reader did not ask for.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, parseSettings, type Settings } from './settings';

const SCRIPT_ID = 'eurefs-extra-sites';

export async function readStoredSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function writeSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = update(await readStoredSettings());
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Registers the content script on exactly the granted extra sites (none: unregistered). */
export async function syncExtraSites(): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const { extraSites } = await readStoredSettings();
  const granted: string[] = [];
  for (const pattern of extraSites) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: granted, js: ['content-scripts/content.js'], runAt: 'document_idle' },
    ]);
  }
  return granted;
}

export function watchExtraSites(): void {
  const resync = () => void syncExtraSites().catch((error: unknown) => console.error('Eurefs: sites', error));
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) resync();
  });
  resync();
}
