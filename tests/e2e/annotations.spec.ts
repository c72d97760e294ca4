import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_URL, demoHtml, expect, openServed, test } from './fixtures';

/** Sends a message to the background from an extension page, as the options page does. */
async function ask<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

interface VisitList {
  total: number;
  visits: {
    url: string;
    title: string;
    references: { id: string; stage: string | null; count: number; occurrences?: { exact: string; start: number; end: number }[] }[];
  }[];
}

test('a EUR-Lex visit is recorded in the history and exported with its references', async ({ ext }) => {
  const reader = await openServed(ext, DEMO_URL, demoHtml());
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);

  // The content script records the visit once its first scan and lookup are done.
  await expect.poll(async () => (await ask<VisitList>(options, { type: 'history:list', query: '' })).total).toBe(1);
  const { visits } = await ask<VisitList>(options, { type: 'history:list', query: '' });
  const visit = visits[0]!;
  expect(visit.url).toBe(DEMO_URL);
  expect(visit.title).toBe(await reader.title());
  const ids = visit.references.map((r) => r.id);
  expect(ids).toEqual(expect.arrayContaining(['COM(2016) 731', '32018R1240', '32017L0541', 'COM(2021) 206']));
  // The status each document had at that moment: tracked ones carry a stage, the AI Act none.
  expect(visit.references.find((r) => r.id === 'COM(2016) 731')?.stage).toEqual(expect.any(String));
  expect(visit.references.find((r) => r.id === 'COM(2021) 206')?.stage).toBeNull();

  const csv = await ask<{ content: string; records: number }>(options, {
    type: 'annotations:export',
    request: { scope: { kind: 'pages', urls: [DEMO_URL] }, format: 'csv' },
  });
  // One row per mention, each with its text and where it stands in the page's text.
  const mentions = visit.references.reduce((sum, r) => sum + r.count, 0);
  expect(csv.records).toBe(mentions);
  for (const id of ids) expect(csv.content).toContain(id);
  const etias = visit.references.find((r) => r.id === 'COM(2016) 731')!;
  expect(etias.occurrences).toHaveLength(etias.count);
  const pageText = await reader.evaluate(() => document.body.textContent ?? '');
  for (const o of etias.occurrences!) expect(pageText.slice(o.start, o.end)).toBe(o.exact);

  // A note written from a reference comes out as a W3C Web Annotation anchored on the page.
  await ask(options, {
    type: 'notes:save',
    note: {
      documentId: 'COM(2016) 731',
      label: 'COM(2016) 731',
      text: 'Σημείωση — бележка',
      tags: ['etias'],
      page: { url: DEMO_URL, title: visit.title },
      quote: { exact: 'COM(2016) 731 final', prefix: 'proposed ', suffix: '', start: 10, end: 29 },
    },
  });
  const w3c = await ask<{ content: string }>(options, { type: 'annotations:export', request: { scope: { kind: 'all' }, format: 'w3c' } });
  const collection = JSON.parse(w3c.content) as { type: string; first: { items: { target: { source: string; selector: { type: string }[] } }[] } };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items[0]!.target.source).toBe(DEMO_URL);
  expect(collection.first.items[0]!.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
});

test('the options page lists the visit and downloads an export', async ({ ext }) => {
  await openServed(ext, DEMO_URL, demoHtml());
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect.poll(async () => (await ask<VisitList>(options, { type: 'history:list', query: '' })).total).toBe(1);
  await options.reload();
  const section = options.getByTestId('annotations');

  await expect(section.getByTestId('history-count')).toHaveText('1 page visit');
  await expect(options.locator(`[data-visit-url="${DEMO_URL}"]`)).toBeVisible();
  await section.getByLabel('Page address').fill(DEMO_URL);
  await section.getByLabel('Format').selectOption('json');
  const [download] = await Promise.all([options.waitForEvent('download'), section.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { visits: { url: string; references: { id: string }[] }[] };
  expect(file.visits.map((v) => v.url)).toEqual([DEMO_URL]);
  expect(file.visits[0]!.references.map((r) => r.id)).toContain('COM(2016) 731');
});

test('a note written in the popover is kept with its page and quote, and found on the options page', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = page.locator('eurefs-popover [role="dialog"]');
  await dialog.getByRole('button', { name: 'Notes' }).click();
  // The notes are in a frame of the extension's own, which the reader (and Playwright) can reach
  // into and the page's scripts cannot.
  const notes = page.frameLocator('eurefs-popover iframe.notes-frame');
  await notes.getByLabel('New note').fill('Compare with the VIS recast; Ω and Ж survive.');
  await notes.getByLabel('Tags (comma-separated)').fill('borders, etias');
  // The pointer leaving while the reader writes must not close the popover.
  await page.mouse.move(2, 2);
  await page.waitForTimeout(600);
  await expect(dialog).toBeVisible();
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.locator('[data-eurefs-notes]')).toContainText('Compare with the VIS recast');
  await expect(notes.locator('.eurefs-note-meta')).toContainText('On this page · “COM(2016) 731 final”');

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const found = options.getByTestId('annotations-notes');
  await found.getByLabel('Search notes').fill('VIS recast');
  await expect(found).toContainText('Compare with the VIS recast; Ω and Ж survive.');
  await expect(found).toContainText('etias');
  await expect(found).toContainText('COM(2016) 731');
  // Kept with the page it was written on and the quoted reference, which the popover passed on.
  const { notes: kept } = await ask<{ notes: { page: { url: string; title: string }; quote: { exact: string; prefix: string } | null; tags: string[] }[] }>(
    options,
    { type: 'notes:list-for-document', documentId: 'COM(2016) 731' },
  );
  expect(kept).toHaveLength(1);
  expect(kept[0]!.page).toEqual({ url: DEMO_URL, title: await page.title() });
  expect(kept[0]!.quote?.exact).toBe('COM(2016) 731 final');
  expect(kept[0]!.quote?.prefix).toContain('Authorisation System in');
  expect(kept[0]!.tags).toEqual(['borders', 'etias']);
});
