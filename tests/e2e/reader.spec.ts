import { servePages } from '../../scripts/launch-browser';
import { DEMO_URL, activeTabId, demoHtml, expect, openList, openServed, popover, test } from './fixtures';

test('marks references on a EUR-Lex page without changing its text', async ({ ext }) => {
  const html = demoHtml();
  const page = await openServed(ext, DEMO_URL, html);
  await expect(page.locator('[data-euref="COM(2016) 731"]')).toHaveText('COM(2016) 731 final');
  await expect(page.locator('[data-euref="32018R1240"]')).toHaveText('Regulation (EU) 2018/1240');
  await expect(page.locator('[data-euref="32017L0541"]').first()).toHaveText('Directive (EU) 2017/541');
  await expect(page.locator('[data-euref="C(2018) 1177"]')).toHaveText('C(2018) 1177 final');
  await expect(page.locator('[data-euref="32002F0475"]')).toContainText('Framework Decision 2002/475/JHA');

  // What the reader sees is what the author wrote: marking adds elements, never characters.
  const seen = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('eurefs-popover').forEach((host) => host.remove());
    return clone.textContent;
  });
  const original = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return doc.body.textContent;
  }, html);
  expect(seen).toBe(original);
});

test('a reference split by markup is marked as one reference', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  const marks = page.locator('#split [data-euref="COM(2018) 640"]');
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveText('COM(2018) 640 final');
  await expect(marks.locator('b')).toHaveText('640');
});

test('text the reader types or edits is left alone', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await expect(page.locator('#notes')).toHaveValue('Compare COM(2017) 793 final with COM(2017) 794 final.');
  await expect(page.locator('#editable [data-euref]')).toHaveCount(0);
  await expect(page.locator('#editable')).toHaveText('An editable draft citing Directive (EU) 2017/541 is left as it is.');
  // Typing more references into a field later does not get them marked either.
  await page.locator('#editable').click();
  await page.keyboard.type(' And COM(2018) 225 final.');
  await page.waitForTimeout(400);
  await expect(page.locator('#editable [data-euref]')).toHaveCount(0);
});

test('hovering a tracked reference shows its title and status', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('European Travel Information and Authorisation System');
  await expect(dialog.locator('[data-stage]')).toHaveText(/\w/);
  await expect(dialog.getByRole('link', { name: 'Open in EUR-Lex' })).toHaveAttribute('href', /eur-lex\.europa\.eu/);
  // Only one popover at a time.
  await page.locator('[data-euref="32017L0541"]').first().hover();
  await expect(dialog).toHaveCount(1);
  await expect(dialog).toContainText('terrorism');
});

test('keyboard focus opens the popover and Escape closes it', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="32018R1240"]').focus();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Regulation (EU) 2018/1240');
  // Tab from the reference goes into its popover, so its links are reachable by keyboard.
  await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-euref="32018R1240"]')).toBeFocused();
});

test('a reference the dataset does not track says so and links to EUR-Lex', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="COM(2021) 206"]').hover();
  const dialog = popover(page);
  await expect(dialog).toContainText('Not in the Eurefs dataset');
  await expect(dialog.getByRole('link', { name: 'Open in EUR-Lex' })).toHaveAttribute(
    'href',
    'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2021:206:FIN',
  );
});

test('a page without references is only looked over, and what arrives later is marked', async ({ ext }) => {
  const url = 'https://eur-lex.europa.eu/eurefs-no-references.html';
  await servePages(ext.context, {
    [url]: {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><main><h1>Search EUR-Lex</h1><p>Article 5(3) applies from 12 December 2017; EUR 1 500 000.</p><div id="results"></div></main></body></html>',
    },
  });
  const page = await ext.context.newPage();
  await page.goto(url);
  // The content script looked and found nothing that could be a reference.
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned === '0');
  await expect(page.locator('[data-euref]')).toHaveCount(0);
  // The toolbar list still answers for the page (the scanner comes in to answer it).
  const list = await openList(ext, await activeTabId(ext));
  await expect(list.getByText('No references to EU documents on this page.')).toBeVisible();
  await list.close();
  // Results rendered later, as a search page does: marked, and the popover opens on them.
  await page.bringToFront();
  await page.evaluate(() => {
    document.querySelector('#results')!.innerHTML = '<ul><li>Result 1: COM(2018) 225 final</li><li>Result 2: Directive (EU) 2017/853</li></ul>';
  });
  await expect(page.locator('#results [data-euref="COM(2018) 225"]')).toHaveText('COM(2018) 225 final');
  await expect(page.locator('#results [data-euref="32017L0853"]')).toHaveCount(1);
  await page.locator('#results [data-euref="COM(2018) 225"]').hover();
  await expect(popover(page)).toContainText(/evidence/i);
});

test('a page that could hold references only later gets the scanner then', async ({ ext }) => {
  const url = 'https://eur-lex.europa.eu/eurefs-late.html';
  await servePages(ext.context, {
    [url]: { body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late</title></head><body><p>Loading…</p><div id="app"></div></body></html>' },
  });
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned === '0');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'The Commission adopted COM(2017) 793 final.';
    document.querySelector('#app')!.append(p);
  });
  await expect(page.locator('[data-euref="COM(2017) 793"]')).toHaveCount(1);
  // Its text is the page's, unchanged.
  await expect(page.locator('#app p')).toHaveText('The Commission adopted COM(2017) 793 final.');
});
