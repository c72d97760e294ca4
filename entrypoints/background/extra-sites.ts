/**
 * Sites beyond europa.eu: the reader grants each one on the options page (an optional host
 * permission); the background then registers the content script for the granted ones. Nothing
 * runs on a site the reader did not ask for.
 */
import { browser } from 'wxt/browser';
import { onSettingsChanged, readSettings } from '../../storage/settings';

const SCRIPT_ID = 'eurefs-extra-sites';

/** Registers the content script on exactly the granted extra sites (none: unregistered). */
export async function syncExtraSites(): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const { extraSites } = await readSettings();
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
  onSettingsChanged(resync);
  resync();
}
