/**
 * What a researcher checks of the exports: a W3C export read into a fresh profile shows the notes
 * as they were, the same file chosen twice is read twice, the status filter speaks the popover's
 * words, and `refs` points where Chromium and the reading history do on a real EUR-Lex page.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/launch-browser';
import { findInFile } from '../../scripts/refs';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../scripts/shared-dir';
import { DEMO_URL, demoHtml, expect, openOptions, openServed, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';

/** Writes a note from the popover of a mark, as the reader does. */
async function writeNote(page: Page, id: string, text: string, tags: string): Promise<void> {
  await page.locator(`[data-euref="${id}"]`).first().hover();
  await page.locator('eurefs-popover [role="dialog"]').getByRole('button', { name: 'Notes' }).click();
  const notes = page.frameLocator('eurefs-popover iframe.notes-frame');
  await notes.getByLabel('New note').fill(text);
  await notes.getByLabel('Tags (comma-separated)').fill(tags);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.locator('[data-eurefs-notes]')).toContainText(text);
}

test('a W3C export read into a fresh profile shows the same label, page title and status; the same file chosen twice is read twice', async ({ ext }) => {
  const page = await openServed(ext, DEMO_URL, demoHtml());
  await writeNote(page, '32008D0615', 'Prüm: compare with the 2024 recast.', 'prum');
  const title = await page.title();

  const options = await openOptions(ext);
  const note = options.getByTestId('annotations-notes').locator('li.note');
  await expect(note).toHaveCount(1);
  // What the reader sees: the act as the page cited it, its status in the popover's words, the page by its title.
  await expect(note.locator('.note-head')).toContainText('Council Decision 2008/615/JHA · in implementation');
  await expect(note.locator('.detail')).toContainText(`Written on ${title} at “Council Decision 2008/615/JHA”`);
  const seen = await note.innerText();
  await note.screenshot({ path: `${ARTIFACTS}/exports-note-before.png` });

  const exportSection = options.getByTestId('annotations-export');
  await exportSection.getByLabel('Everything').check();
  await exportSection.getByLabel('Format').selectOption('w3c');
  const [download] = await Promise.all([options.waitForEvent('download'), exportSection.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'eurefs-w3c-')), download.suggestedFilename());
  copyFileSync((await download.path())!, file);
  expect(file).toMatch(/\.jsonld$/);

  const fresh = await launchWithExtension();
  try {
    const other = await openOptions(fresh);
    const importSection = other.getByTestId('annotations-import');
    const input = importSection.getByLabel('Export file');
    await input.setInputFiles(file);
    await expect(importSection.getByTestId('import-status')).toContainText('Imported: 1 new notes, 0 updated, 0 already here');
    const imported = other.getByTestId('annotations-notes').locator('li.note');
    await expect(imported).toHaveCount(1);
    expect(await imported.innerText()).toBe(seen);
    await imported.screenshot({ path: `${ARTIFACTS}/exports-note-imported.png` });

    // The browser fires no change for a file input that already holds the file chosen: it is
    // emptied after each import, so the same file chosen again is a new choice.
    await expect(input).toHaveValue('');
    await input.setInputFiles(file);
    await expect(importSection.getByTestId('import-status')).toContainText('Imported: 0 new notes, 0 updated, 1 already here');
    await expect(input).toHaveValue('');
    await expect(imported).toHaveCount(1);
    await importSection.screenshot({ path: `${ARTIFACTS}/exports-import-twice.png` });
  } finally {
    await fresh.context.close();
  }
});

test('the export’s status filter names each status as the popover does', async ({ ext }) => {
  const options = await openOptions(ext);
  const statuses = options.getByTestId('annotations-export').getByRole('group', { name: 'Status (none chosen: all)' });
  await expect(statuses.getByLabel('in implementation', { exact: true })).toBeVisible();
  await expect(statuses.getByLabel('in negotiation', { exact: true })).toBeVisible();
  await expect(statuses.getByLabel('no tracked status', { exact: true })).toBeVisible();
  await expect(statuses.getByLabel('implementation', { exact: true })).toHaveCount(0);
  await expect(statuses.getByLabel('untracked', { exact: true })).toHaveCount(0);
  await statuses.screenshot({ path: `${ARTIFACTS}/exports-status-filter.png` });
});

const AI_ACT = `${FIXTURES_DIR}/52021PC0206-EN-proposal-body.html`;
const AI_ACT_URL = 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52021PC0206';

test('refs gives the offsets Chromium’s textContent and the reading history give on a real EUR-Lex page', async ({ ext }) => {
  test.skip(!HAVE_FIXTURES || !existsSync(AI_ACT), NO_FIXTURES);
  const html = readFileSync(AI_ACT, 'utf8');
  const page = await openServed(ext, AI_ACT_URL, html);
  const rows = findInFile(AI_ACT, html);
  expect(rows.length).toBeGreaterThan(300);

  const text = await page.evaluate(() => document.body.textContent ?? '');
  expect(rows.filter((r) => text.slice(r.start, r.end) !== r.reference.text)).toEqual([]);

  const options = await openOptions(ext);
  type Listed = { total: number; visits: { references: { occurrences?: { exact: string; start: number; end: number }[] }[] }[] };
  const list = () => options.evaluate(
    () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Listed> } } }).chrome.runtime.sendMessage({ type: 'history:list', query: '' }),
  );
  await expect.poll(async () => (await list()).total, { timeout: 20_000 }).toBe(1);
  const recorded = (await list()).visits[0]!.references.flatMap((r) => r.occurrences ?? []).map((o) => `${o.start}-${o.end} ${o.exact}`).sort();
  const found = rows.map((r) => `${r.start}-${r.end} ${r.reference.text}`).sort();
  expect(recorded).toEqual(found);
});
