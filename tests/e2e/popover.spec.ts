import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../scripts/shared-dir';
import { launchWithExtension, servePages } from '../../scripts/launch-browser';
import { DEMO_URL, activeTabId, demoHtml, expect, openList, openServed, popover, storedSettings, test } from './fixtures';
import { appendResultsLater } from './page-scripts';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

async function seriousViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the popover stays open while the pointer moves into it, and closes when it leaves both', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const mark = page.locator('[data-euref="COM(2016) 731"]');
  await mark.hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 5 });
  await page.waitForTimeout(600);
  await expect(dialog).toBeVisible();
  await page.mouse.move(5, 5, { steps: 5 });
  await expect(dialog).toHaveCount(0);
});

test('sweeping the pointer across a reference opens nothing', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const box = (await page.locator('[data-euref="COM(2016) 731"]').boundingBox())!;
  await page.mouse.move(box.x - 50, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width + 50, box.y + box.height / 2, { steps: 4 });
  await page.waitForTimeout(500);
  await expect(popover(page)).toHaveCount(0);
});

test('a popover near the edge of the window stays inside it', async ({ ext }) => {
  const filler = '<p>Filler text.</p>'.repeat(60);
  const html = `<!doctype html><html><body style="margin:0">${filler}
    <p style="text-align:right;margin:0 4px">Last line cites COM(2016) 731 final</p></body></html>`;
  const page = await openServed(ext, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52016PC0731', html);
  await page.setViewportSize({ width: 700, height: 500 });
  const mark = page.locator('[data-euref="COM(2016) 731"]');
  await mark.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await mark.hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(200);
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(700);
  expect(box.y + box.height).toBeLessThanOrEqual(500);
  // The reference stays visible: the popover went above it rather than over it.
  const markBox = (await mark.boundingBox())!;
  expect(box.y + box.height <= markBox.y || box.y >= markBox.y + markBox.height).toBe(true);
});

test('scrolling the reference out of view closes its popover', async ({ ext }) => {
  const html = `<!doctype html><html><body><p>COM(2016) 731 final is the ETIAS proposal.</p>${'<p>More text.</p>'.repeat(200)}</body></html>`;
  const page = await openServed(ext, 'https://eur-lex.europa.eu/scroll.html', html);
  await page.locator('[data-euref]').first().hover();
  await expect(popover(page)).toBeVisible();
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 3000);
  await expect(popover(page)).toHaveCount(0);
});

test('the popover shows the timeline with sources and leads to the act the proposal became', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog.locator('.timeline li').first()).toContainText(/source: .*progress report/i);
  await dialog.getByRole('link', { name: /Regulation \(EU\) 2018\/1240/ }).click();
  await expect(dialog).toContainText('CELEX 32018R1240');
  await expect(dialog.getByRole('button', { name: /Back to COM\(2016\) 731/ })).toBeVisible();
  await dialog.getByRole('button', { name: /Back/ }).click();
  await expect(dialog).toContainText('European Travel Information and Authorisation System');
});

test('copy citation puts a formatted citation on the clipboard', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://eur-lex.europa.eu' });
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await dialog.getByRole('button', { name: 'Copy citation' }).click();
  await expect(dialog.getByRole('button', { name: 'Citation copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('COM(2016) 731 final');
  expect(copied).toMatch(/Status: \w/);
});

test('references added after load are marked as they arrive', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.evaluate(appendResultsLater);
  await expect(page.locator('#results [data-euref="COM(2018) 225"]')).toHaveText('COM(2018) 225 final');
  await expect(page.locator('#results [data-euref="32017L0853"]')).toHaveCount(1);
  await page.locator('#results [data-euref="COM(2018) 225"]').hover();
  await expect(popover(page)).toContainText(/electronic evidence|e-evidence|production/i);
});

test('a page with a strict Content-Security-Policy still gets marks and a styled popover', async ({ ext }) => {
  const page = await openServed(ext, 'https://eur-lex.europa.eu/strict.html', demoHtml(), {
    'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'",
  });
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  const style = await dialog.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { radius: cs.borderTopLeftRadius, background: cs.backgroundColor, position: getComputedStyle(el.parentElement!).position };
  });
  expect(style).toEqual({ radius: '8px', background: 'rgb(255, 255, 255)', position: 'fixed' });
  const underline = await page.locator('[data-euref="COM(2016) 731"]').evaluate((el) => getComputedStyle(el).textDecorationStyle);
  expect(underline).toBe('dotted');
});

test('popover, page and list pass axe-core with no serious or critical violations; screenshots light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const ext = await launchWithExtension({ colorScheme });
    try {
      const page = await openServed(ext, DEMO_URL, demoHtml());
      await page.locator('[data-euref="COM(2016) 731"]').hover();
      await expect(popover(page)).toBeVisible();
      expect(await seriousViolations(page, 'eurefs-popover')).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/popover-${colorScheme}.png` });
      const list = await openList(ext, await activeTabId(ext));
      expect(await seriousViolations(list)).toEqual([]);
      await list.screenshot({ path: `${ARTIFACTS}/list-${colorScheme}.png`, fullPage: true });
      if (colorScheme === 'dark') {
        const bg = await popover(page).evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(bg).toBe('rgb(31, 32, 38)');
      }
    } finally {
      await ext.context.close();
    }
  }
});

test('at 200% zoom the popover still fits and reads', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  // 200% zoom is what a browser does by halving the CSS viewport: 1280×900 becomes 640×450.
  await page.setViewportSize({ width: 640, height: 450 });
  const mark = page.locator('[data-euref="COM(2016) 731"]');
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  const box = (await popover(page).boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(640);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(450);
  await page.screenshot({ path: `${ARTIFACTS}/popover-zoom-200.png` });
});

test('the list of the page\'s references groups them by status, filters, and leads to each', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const list = await openList(ext, await activeTabId(ext));
  const marked = await page.locator('[data-euref]:not([data-euref-part])').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-euref'))).size);
  await expect(list.locator('[data-euref-row]')).toHaveCount(marked);
  await expect(list.getByRole('region', { name: 'Not in the dataset' })).toContainText('COM(2021) 206');
  await expect(list.getByRole('region', { name: 'adopted' })).toContainText('COM(2016) 731');
  expect(await seriousViolations(list)).toEqual([]);

  await list.getByRole('combobox', { name: /^Status/ }).selectOption('untracked');
  await expect(list.locator('[data-euref-row]')).toHaveCount(
    await list.locator('section[aria-label="Not in the dataset"] [data-euref-row]').count(),
  );
  await list.getByRole('combobox', { name: /^Status/ }).selectOption('all');
  await list.getByRole('combobox', { name: /^Type/ }).selectOption('directive');
  await expect(list.locator('[data-euref-row]').first()).toContainText('Directive');

  await list.locator('[data-euref-row="32017L0853"]').click();
  const target = page.locator('[data-euref="32017L0853"]').first();
  await expect(target).toHaveClass(/eurefs-flash/);
  await expect(target).toBeInViewport();
});

test('with the setting on, untracked references are neither underlined nor open a popover', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel(/Hide references the dataset does not track/).check();
  // The setting is on once it is stored, not when the box shows a tick.
  await expect.poll(async () => (await storedSettings(ext))?.hideUntracked).toBe(true);
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const untracked = page.locator('[data-euref="COM(2021) 206"]');
  await expect(untracked).toHaveAttribute('data-euref-untracked', '');
  await expect.poll(() => untracked.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
  await untracked.hover();
  await page.waitForTimeout(700);
  await expect(popover(page)).toHaveCount(0);
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  await expect(popover(page)).toBeVisible();
});

test('a site the reader switched off is left alone', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Site', { exact: true }).last().fill('eur-lex.europa.eu');
  await options.getByRole('button', { name: 'Switch Eurefs off here' }).click();
  await expect(options.getByTestId('disabled-sites')).toContainText('eur-lex.europa.eu');
  await servePages(ext.context, { [DEMO_URL]: { body: demoHtml() } });
  const page = await ext.context.newPage();
  await page.goto(DEMO_URL);
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-euref]')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-eurefs-stopped');
});

test('a site switched off while its page is open: the marks there lose their underline and open nothing', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const mark = page.locator('[data-euref="COM(2016) 731"]');
  expect(await mark.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('dotted');
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Site', { exact: true }).last().fill('eur-lex.europa.eu');
  await options.getByRole('button', { name: 'Switch Eurefs off here' }).click();
  await expect(options.getByTestId('disabled-sites')).toContainText('eur-lex.europa.eu');
  await page.bringToFront();
  await expect.poll(() => mark.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
  await page.screenshot({ path: 'tests/artifacts/site-switched-off-open-page.png' });
  await mark.hover();
  await page.waitForTimeout(700);
  await expect(popover(page)).toHaveCount(0);
});

test('the popover is brought in only when the reader first reaches for a reference', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
  // Marked and looked up, and still no popover in the page: scrolling past references costs nothing more.
  await expect(page.locator('eurefs-popover')).toHaveCount(0);
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  await expect(popover(page)).toContainText('European Travel Information and Authorisation System');
  // Once in, it is the one popover for every reference on the page.
  await page.mouse.move(5, 5);
  await expect(popover(page)).toHaveCount(0);
  await page.locator('[data-euref="32018R1240"]').focus();
  await expect(popover(page)).toContainText('Regulation (EU) 2018/1240');
  await expect(page.locator('eurefs-popover')).toHaveCount(1);
});

test('the first hover opens the popover on a real EUR-Lex document, which renders in quirks mode', async ({ ext }) => {
  // EUR-Lex serves its HTML renditions with an HTML 4.0 Transitional doctype: quirks mode, where
  // `:hover` alone matches links only. The reader's first hover must still open the popover.
  test.skip(!HAVE_FIXTURES, NO_FIXTURES);
  const html = readFileSync(`${FIXTURES_DIR}/52021PC0206-EN-proposal-body.html`, 'utf8');
  const page = await openServed(ext, 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52021PC0206', html);
  expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
  const mark = page.locator('[data-euref="COM(2021) 206"]').first();
  const box = (await mark.boundingBox())!;
  // One move onto the reference and no more, as a reader's pointer that comes to rest on it.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toContainText('COM(2021) 206');
  await page.screenshot({ path: `${ARTIFACTS}/popover-eurlex-quirks.png` });
});
