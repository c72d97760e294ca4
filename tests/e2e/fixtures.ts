import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, servePages, type ExtensionBrowser } from '../../scripts/launch-browser';
import { SETTINGS_KEY } from '../../storage/settings';

export { expect };

export const DEMO_URL = 'https://eur-lex.europa.eu/eurefs-demo.html';
export const demoHtml = () => readFileSync(resolve(EXTENSION_DIR, 'demo.html'), 'utf8');

export const test = base.extend<{ ext: ExtensionBrowser }>({
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.context.close();
  },
});

/** Serves `html` at `url` (a real EUR-Lex address) and opens it once Eurefs has marked it. */
export async function openServed(ext: ExtensionBrowser, url: string, html: string, headers?: Record<string, string>): Promise<Page> {
  await servePages(ext.context, { [url]: { body: html, ...(headers ? { headers } : {}) } });
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.locator('[data-euref]').first().waitFor({ state: 'attached' });
  return page;
}

/**
 * Changes the stored settings as the extension does (storage/settings.ts): under the settings'
 * lock, over what is stored, so that an update of the extension's own in flight (the options
 * page's first start writes the settings too) keeps the change. `holdMs` keeps the lock that long
 * between the read and the write, as a slow update of the background's would.
 */
export async function updateStoredSettings(ext: ExtensionBrowser, change: Record<string, unknown>, holdMs = 0): Promise<void> {
  await ext.serviceWorker.evaluate(
    async ([key, change, holdMs]) => {
      const self = globalThis as unknown as {
        navigator: { locks: { request(name: string, work: () => Promise<void>): Promise<void> } };
        chrome: { storage: { local: { get(k: string): Promise<Record<string, object | undefined>>; set(items: object): Promise<void> } } };
        eurefsTestHoldsSettings?: boolean;
      };
      await self.navigator.locks.request(key, async () => {
        self.eurefsTestHoldsSettings = true;
        try {
          const stored = (await self.chrome.storage.local.get(key))[key] ?? {};
          await new Promise((done) => setTimeout(done, holdMs));
          await self.chrome.storage.local.set({ [key]: { ...stored, ...change } });
        } finally {
          self.eurefsTestHoldsSettings = false;
        }
      });
    },
    [SETTINGS_KEY, change, holdMs] as const,
  );
}

/** The reader's language setting, written where and as the options page writes it. */
export const setReaderLanguage = (ext: ExtensionBrowser, language: string): Promise<void> => updateStoredSettings(ext, { language });

/** The settings as stored, read by the service worker. */
export function storedSettings(ext: ExtensionBrowser): Promise<Record<string, unknown> | undefined> {
  return ext.serviceWorker.evaluate(async (key) => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown> | undefined>> } } } }).chrome.storage.local;
    return (await storage.get(key))[key];
  }, SETTINGS_KEY);
}

/** Whether updateStoredSettings holds the settings' lock now (the extension's own updates aside). */
export function testHoldsSettingsLock(ext: ExtensionBrowser): Promise<boolean> {
  return ext.serviceWorker.evaluate(() => (globalThis as { eurefsTestHoldsSettings?: boolean }).eurefsTestHoldsSettings === true);
}

/** The options page, once it shows the dataset. */
export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(page.getByTestId('dataset-summary')).toBeVisible();
  return page;
}

/** The popover's dialog, inside the open shadow root (Playwright's locators pierce it). */
export const popover = (page: Page) => page.locator('eurefs-popover [role="dialog"]');

/** The popover of a document the demo page cites, served at its EUR-Lex address: its stage and its words. */
export async function popoverOnDemoPage(ext: ExtensionBrowser, id: string): Promise<{ stage: string | null; text: string | null }> {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator(`[data-euref="${id}"]`).first().hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  const stage = await dialog.locator('[data-stage]').first().getAttribute('data-stage');
  const text = await dialog.textContent();
  await page.close();
  return { stage, text };
}

/** The id of the tab the reader is on, asked of the service worker (where `chrome` is the API). */
export async function activeTabId(ext: ExtensionBrowser): Promise<number> {
  const id = await ext.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** The list of a tab's references, as the toolbar popup shows it, opened in a page of its own. */
export async function openList(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const list = await ext.context.newPage();
  await list.setViewportSize({ width: 420, height: 800 });
  await list.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await list.getByRole('heading', { name: 'References on this page' }).waitFor();
  return list;
}
