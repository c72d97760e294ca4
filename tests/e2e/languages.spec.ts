/**
 * Eurefs in the reader's language: the browser's own (Chromium started with `--lang`), or the one
 * the reader chooses on the options page, which the popover follows at once.
 */
import { mkdirSync } from 'node:fs';
import { launchWithExtension } from '../../scripts/launch-browser';
import { DEMO_URL, demoHtml, expect, openServed, popover, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const SETTINGS_KEY = 'eurefs:settings';

test('the popover follows the language the reader sets, at once, and marks the dataset\'s English as English', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog.locator('.badge')).toHaveText('adopted');
  await ext.serviceWorker.evaluate(async (key) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ [key]: { language: 'de' } });
  }, SETTINGS_KEY);
  await expect(dialog.locator('.badge')).toHaveText('angenommen');
  await expect(page.locator('eurefs-popover .layer')).toHaveAttribute('lang', 'de');
  await page.screenshot({ path: `${ARTIFACTS}/languages-popover-de-setting.png` });
});

test('in a browser started in German, the popover speaks German', async () => {
  const ext = await launchWithExtension({ language: 'de' });
  try {
    const page = await openServed(ext, DEMO_URL, demoHtml());
    await page.locator('[data-euref="COM(2016) 731"]').hover();
    await expect(popover(page).locator('.badge')).toHaveText('angenommen');
  } finally {
    await ext.context.close();
  }
});
