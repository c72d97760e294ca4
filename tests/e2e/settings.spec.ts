/**
 * The reader's per-site switches, kept in the one settings store (storage/settings.ts): a site
 * whose history is switched off on the options page is still read and marked, and its visits stay
 * out of the history until the switch is back on.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_URL, demoHtml, expect, openServed, storedSettings, test, testHoldsSettingsLock, updateStoredSettings } from './fixtures';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

async function visitCount(options: Page): Promise<number> {
  const answer = await options.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'history:list', query: '' }),
  );
  return (answer as { total: number }).total;
}

test('a site whose history the reader switched off is still marked, and its visits are kept again once switched back on', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const history = options.getByRole('group', { name: 'Record the history on' });
  const eurlex = history.getByLabel('eur-lex.europa.eu');
  await expect(eurlex).toBeChecked();
  await eurlex.uncheck();
  await expect(eurlex).not.toBeChecked();
  // The reading switch for another site sits in the same record store, beside it.
  await options.getByLabel('Site', { exact: true }).last().fill('ec.europa.eu');
  await options.getByRole('button', { name: 'Switch Eurefs off here' }).click();
  await expect(options.getByTestId('disabled-sites')).toContainText('ec.europa.eu');
  await options.locator('[data-section="reading"]').screenshot({ path: resolve(ARTIFACTS, 'settings-reading.png') });
  await history.screenshot({ path: resolve(ARTIFACTS, 'settings-history-switch.png') });

  const reader = await openServed(ext, DEMO_URL, demoHtml());
  await reader.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
  await expect(reader.locator('[data-euref="COM(2016) 731"]').first()).toBeVisible();
  // A recorded visit is sent once the first scan and lookup are done; give it time to arrive.
  await reader.waitForTimeout(1500);
  expect(await visitCount(options)).toBe(0);

  await options.reload();
  await expect(eurlex).not.toBeChecked();
  await eurlex.check();
  await reader.reload();
  await expect.poll(() => visitCount(options)).toBe(1);
});

test('a tick on the options page is kept when the background is in the middle of its own update of the settings', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const tick = options.getByLabel(/Hide references the dataset does not track/);
  await expect(tick).toBeVisible();
  // The background as storage/settings.ts has it update the settings: under the settings' lock, it
  // reads them, takes its time, and writes them back with its own change.
  const backgroundUpdate = updateStoredSettings(ext, { marksInTabOrder: true }, 1500);
  await expect.poll(() => testHoldsSettingsLock(ext)).toBe(true);
  await tick.check();
  await backgroundUpdate;
  await expect.poll(() => storedSettings(ext)).toMatchObject({ hideUntracked: true, marksInTabOrder: true });
  // And the page says what is stored, once it is read again.
  await options.reload();
  await expect(options.getByLabel(/Hide references the dataset does not track/)).toBeChecked();
  await expect(options.getByLabel(/Stop at every reference when moving through a page with Tab/)).toBeChecked();
});
