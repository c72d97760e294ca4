/**
 * Eurefs in the reader's language: the browser's own (Chromium started in German, in Bulgarian),
 * or the one the reader chooses on the options page, which the popover follows at once; and in
 * every language that ships, the popover fits its 420 px without overflow.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension } from '../../scripts/launch-browser';
import { DEMO_URL, activeTabId, demoHtml, expect, openList, openOptions, openServed, popover, setReaderLanguage, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const LOCALES = join(EXTENSION_DIR, '_locales');
/** The languages the built extension has a catalogue for. */
const SHIPPED = existsSync(LOCALES) ? readdirSync(LOCALES).sort() : [];

/** A message of the built extension's catalogue for `language`, as a reader sees it. */
function message(language: string, key: string): string {
  const catalogue = JSON.parse(readFileSync(join(LOCALES, language, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const entry = catalogue[key];
  if (!entry) throw new Error(`no ${key} in ${language}`);
  return entry.message;
}

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** How far anything in the open popover reaches past its right edge, and whether it scrolls sideways. */
async function overflow(page: Page) {
  return popover(page).evaluate((dialog) => {
    const right = dialog.getBoundingClientRect().right;
    let worst = 0;
    let culprit = '';
    for (const element of dialog.querySelectorAll('*')) {
      const past = element.getBoundingClientRect().right - right;
      if (past > worst) [worst, culprit] = [past, `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 60)}`];
    }
    return { width: dialog.getBoundingClientRect().width, scrollWidth: dialog.scrollWidth, clientWidth: dialog.clientWidth, worst, culprit };
  });
}

test('the popover follows the language the reader sets, at once, and marks the dataset\'s English as English', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog.locator('.badge')).toHaveText(message('en', 'stageAdopted'));
  await expect(dialog.locator('.title')).not.toHaveAttribute('lang', /./);
  await setReaderLanguage(ext, 'de');
  // No reload, no second hover: the open popover changes language.
  await expect(dialog.locator('.badge')).toHaveText('angenommen');
  await expect(page.locator('eurefs-popover .layer')).toHaveAttribute('lang', 'de');
  await expect(dialog.locator('.title')).toHaveAttribute('lang', 'en');
  await expect(dialog.locator('.dataset-language')).toHaveText('Titel, Ereignisse und Quellen: Englisch, wie im Datensatz.');
  await page.screenshot({ path: `${ARTIFACTS}/languages-popover-de-setting.png` });
  await setReaderLanguage(ext, 'auto');
  await expect(dialog.locator('.badge')).toHaveText(message('en', 'stageAdopted'));
  await expect(dialog.locator('.dataset-language')).toHaveCount(0);
});

for (const language of ['de', 'bg']) {
  test(`in a browser started in ${language}, the popover, the list and the options page speak it, and still pass axe-core`, async () => {
    const ext = await launchWithExtension({ language });
    try {
      const page = await openServed(ext, DEMO_URL, demoHtml());
      await page.locator('[data-euref="COM(2016) 731"]').hover();
      const dialog = popover(page);
      await expect(dialog.locator('.badge')).toHaveText(message(language, 'stageAdopted'));
      await expect(dialog.locator('.links a').first()).toHaveText(message(language, 'popoverOpenEurLex'));
      await expect(page.locator('eurefs-popover .layer')).toHaveAttribute('lang', language);
      expect(await seriousViolations(page, 'eurefs-popover')).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/languages-popover-${language}.png` });

      const tabId = await activeTabId(ext);
      const list = await ext.context.newPage();
      await list.setViewportSize({ width: 420, height: 800 });
      await list.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
      await expect(list.getByRole('heading', { level: 1 })).toHaveText(message(language, 'listHeading'));
      await expect(list.locator('html')).toHaveAttribute('lang', language);
      expect(await seriousViolations(list)).toEqual([]);
      await list.screenshot({ path: `${ARTIFACTS}/languages-list-${language}.png`, fullPage: true });

      const options = await openOptions(ext);
      await expect(options.locator('#reader-settings-heading')).toHaveText(message(language, 'settingsHeading'));
      await expect(options.locator('html')).toHaveAttribute('lang', language);
      await expect(options.getByTestId('language').locator('option').first()).toContainText(new RegExp(language === 'de' ? 'Deutsch' : 'български'));
      expect(await seriousViolations(options)).toEqual([]);
      await options.screenshot({ path: `${ARTIFACTS}/languages-options-${language}.png`, fullPage: true });
    } finally {
      await ext.context.close();
    }
  });
}

test('in every language that ships, the popover fits 420 px: nothing runs past its edge, nothing scrolls sideways', async ({ ext }) => {
  // Checked against what the reader has chosen: every language the build has a catalogue for.
  expect(SHIPPED).toContain('en');
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const mark = page.locator('[data-euref="COM(2016) 731"]');
  const dialog = popover(page);
  const measured: Record<string, { width: number; worst: number }> = {};
  for (const language of SHIPPED) {
    await setReaderLanguage(ext, language);
    await page.mouse.move(5, 5);
    await expect(dialog).toHaveCount(0);
    await mark.hover();
    await expect(dialog.locator('.badge')).toHaveText(message(language, 'stageAdopted'));
    // The longest state: the timeline open, with the report's words.
    const timeline = dialog.locator('details.timeline');
    if (!(await timeline.evaluate((d) => (d as HTMLDetailsElement).open))) await timeline.locator('summary').click();
    await dialog.locator('button.words-toggle').first().click();
    await expect(dialog.locator('blockquote').first()).toBeVisible();
    const { width, scrollWidth, clientWidth, worst, culprit } = await overflow(page);
    measured[language] = { width, worst };
    expect(width, language).toBeLessThanOrEqual(420);
    expect(scrollWidth, `${language}: the popover scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    expect(worst, `${language}: ${culprit}`).toBeLessThanOrEqual(0.5);
    await dialog.screenshot({ path: `${ARTIFACTS}/languages-fit-${language}.png` });
  }
  console.log(`popover width by language: ${JSON.stringify(measured)}`);
});
