/**
 * Staff imports on the options page, in real Chromium with the built extension: import a JSON
 * file, see the preview, apply, see the imported status in the popover on a EUR-Lex page, undo;
 * a malformed file changes nothing; 100,000 documents import with a progress bar.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../scripts/launch-browser';
import { expect, popoverOnDemoPage, test } from './fixtures';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const REPORT = { id: 'COM(2019) 145', ordinal: 18, title: 'Eighteenth progress report', date: '2019-03-20' };
const HOSTILE_TITLE = 'Terrorist content online <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function update(version: string, documents: unknown[]) {
  return { schemaVersion: 1, version, reports: [REPORT], documents };
}

const tco = {
  id: 'COM(2018) 640',
  type: 'com',
  kind: 'legislative-proposal',
  title: HOSTILE_TITLE,
  events: [
    { date: '2018-09-12', stage: 'proposed', institution: 'Commission', label: 'Proposal adopted', source: { report: REPORT.id, section: 'II.2' } },
    { date: '2019-02-14', stage: 'provisional-agreement', institution: 'co-legislators', label: 'Provisional agreement reached', source: { report: REPORT.id, section: 'II.2' } },
  ],
};

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('dataset-summary')).toBeVisible();
}

async function stageOnDemoPage(ext: ExtensionBrowser): Promise<string> {
  const { stage, text } = await popoverOnDemoPage(ext, 'COM(2018) 640');
  return `${stage}|${text}`;
}

test('import a JSON file: preview, apply, the popover shows it, undo restores', async ({ ext }) => {
  test.setTimeout(150_000);
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId);
  const summaryBefore = await page.getByTestId('dataset-summary').textContent();
  const before = await stageOnDemoPage(ext);
  expect(before).toMatch(/^in-negotiation\|/);

  await page.getByTestId('import-file').setInputFiles({
    name: 'update-2019-03.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(update('2019-03-21.1', [tco]))),
  });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-counts')).toContainText('0 added, 1 changed, 0 removed');
  await expect(page.getByTestId('status-changes')).toContainText('COM(2018) 640: in negotiation → provisional agreement');
  // The hostile title is text everywhere: shown with its tags, never run.
  await expect(page.getByTestId('import-warnings')).toContainText('HTML markup');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, 'options-import-preview.png'), fullPage: true });

  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported version 2019-03-21.1 from update-2019-03.json: 0 added, 1 changed, 0 removed');
  await expect(page.getByTestId('dataset-version')).toHaveText('2019-03-21.1');
  await expect(page.getByTestId('history-table')).toContainText('update-2019-03.json');
  await page.screenshot({ path: resolve(ARTIFACTS, 'options-import-applied.png'), fullPage: true });

  const after = await stageOnDemoPage(ext);
  expect(after).toMatch(/^provisional-agreement\|/);
  expect(after).toContain('<script>window.__pwned=1</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.getByTestId('undo-import').click();
  await expect(page.getByTestId('history-message')).toContainText('Undone');
  await expect(page.getByTestId('dataset-summary')).toHaveText(summaryBefore!);
  await expect(page.getByTestId('history-table')).toContainText('undone (undo)');
  expect(await stageOnDemoPage(ext)).toBe(before);
});

test('a malformed file shows where it is broken and changes nothing', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId);
  const summaryBefore = await page.getByTestId('dataset-summary').textContent();
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "schemaVersion": 1,\n  "version": "x",\n  "documents": [ { "id": "COM(2018) 640", } ]\n}'),
  });
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('1 error: nothing was imported and nothing was changed.');
  await expect(errors).toContainText(/line 4, column \d+/);
  await expect(page.getByTestId('import-apply')).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles({
    name: 'future.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('record,id,schemaVersion,version\ndataset,,3,x\n'),
  });
  await expect(page.getByTestId('import-errors')).toContainText('newer than this version of Eurefs reads');
  await page.screenshot({ path: resolve(ARTIFACTS, 'options-import-error.png'), fullPage: true });

  await page.reload();
  await expect(page.getByTestId('dataset-summary')).toHaveText(summaryBefore!);
  await expect(page.getByText('No imports yet')).toBeVisible();
  expect(await stageOnDemoPage(ext)).toMatch(/^in-negotiation\|/);
});

test('100,000 documents import with a progress bar while the page stays responsive', async ({ ext }) => {
  test.setTimeout(240_000);
  const documents = [];
  for (let i = 0; i < 100_000; i++) {
    documents.push({
      id: `COM(${1990 + (i % 35)}) ${Math.floor(i / 35) + 1}`,
      type: 'com',
      kind: 'legislative-proposal',
      title: `Synthetic proposal number ${i}`,
      events: [{ date: '2018-04-25', stage: 'proposed', institution: 'Commission', label: 'Proposed', source: { report: REPORT.id, section: 'II' } }],
    });
  }
  const buffer = Buffer.from(JSON.stringify(update('big', documents)));
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId);
  // Longest gap between two animation frames while the import runs: the page's responsiveness.
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __last: number };
    w.__maxGap = 0;
    w.__last = performance.now();
    const tick = (now: number) => {
      w.__maxGap = Math.max(w.__maxGap, now - w.__last);
      w.__last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  // From a file on disk, as staff pick it (a buffer would be rebuilt by script in the page first).
  const file = join(mkdtempSync(join(tmpdir(), 'eurefs-big-')), 'big.json');
  writeFileSync(file, buffer);
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.locator('section.import')).toHaveAttribute('data-runs-in', 'worker');
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 120_000 });
  const checkedMs = Date.now() - t0;
  const gapWhileChecking = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
  await expect(page.getByTestId('preview-counts')).toContainText(/\d+ added/);
  const t1 = Date.now();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 120_000 });
  const appliedMs = Date.now() - t1;
  await expect(page.getByTestId('dataset-summary')).toContainText(/100,0\d\d documents/);
  const gap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
  console.info(
    `e2e 100k documents (${(buffer.byteLength / 1e6).toFixed(1)} MB): read+parse+validate+preview ${checkedMs} ms ` +
      `(longest frame gap ${Math.round(gapWhileChecking)} ms), apply ${appliedMs} ms (longest frame gap overall ${Math.round(gap)} ms)`,
  );
  expect(gapWhileChecking).toBeLessThan(1000);

  const t2 = Date.now();
  await page.getByTestId('undo-import').click();
  await expect(page.getByTestId('history-message')).toContainText('Undone', { timeout: 120_000 });
  console.info(`e2e undo of 100k documents: ${Date.now() - t2} ms`);
});
