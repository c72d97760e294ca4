/**
 * "Draft from a report" on the options page, in real Chromium with the built extension: a report
 * file is dropped in, its proposals are reviewed (one rejected, one edited, the rest accepted),
 * and what was accepted goes through the normal import — preview, apply — so that a page at a
 * EUR-Lex address shows the new status in the popover, and undo takes it back. Then the real
 * eighteenth report, whose identity the dataset supplies, and files that are not reports.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { HAVE_REPORTS, NO_REPORTS, REPORTS_DIR } from '../../scripts/shared-dir';
import type { ExtensionBrowser } from '../../scripts/launch-browser';
import { expect, openOptions, popoverOnDemoPage, setReaderLanguage, test } from './fixtures';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
// A short report in the reports' words, written for this test: it states a provisional agreement
// on a file the demo page cites, and sentences the drafter reads wrong, for the reviewer to fix.
const EXCERPT = resolve(import.meta.dirname, '../data/draft/nineteenth-report-excerpt.md');

const section = (page: Page) => page.locator('[data-section="draft"]');

/** The proposal about `document` whose stage reads `stage`. */
function proposal(page: Page, document: string, stage: string): Locator {
  return section(page)
    .getByTestId('draft-proposal')
    .filter({ has: page.locator('h4 .id', { hasText: document }) })
    .filter({ has: page.getByTestId('draft-stage').getByText(stage, { exact: true }) });
}

const stageOnDemoPage = async (ext: ExtensionBrowser) => (await popoverOnDemoPage(ext, 'COM(2018) 640')).stage;

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('[data-section="draft"]').analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('draft from a report: review, reject one, edit one, accept the rest, import, see it in the popover, undo', async ({ ext }) => {
  test.setTimeout(180_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  expect(await stageOnDemoPage(ext)).toBe('in-negotiation');
  const page = await openOptions(ext);
  const summaryBefore = await page.getByTestId('dataset-summary').textContent();

  await section(page).getByTestId('draft-file').setInputFiles({
    name: 'nineteenth-report-excerpt.md',
    mimeType: 'text/markdown',
    buffer: readFileSync(EXCERPT),
  });
  // The excerpt prints neither its number nor its date, and the dataset does not hold it: asked for.
  const identity = section(page).getByTestId('draft-identity');
  await expect(identity).toContainText('progress report 19');
  await expect(identity).toContainText('nowhere: please give them');
  await section(page).getByTestId('draft-run').click();
  await expect(section(page).getByTestId('draft-error')).toContainText('Give the number');
  await section(page).getByLabel('Number of the report in nineteenth-report-excerpt.md').fill('COM(2019) 353');
  await section(page).getByLabel('Date of the report in nineteenth-report-excerpt.md').fill('2019-07-24');
  await section(page).getByTestId('draft-run').click();

  const review = section(page).getByTestId('draft-review');
  await expect(review).toBeVisible();
  await expect(review).toContainText(/drafted in \d{1,3}(,\d{3})* ms, in the background/);
  const items = section(page).getByTestId('draft-proposal');
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(5);
  // Least confident first.
  const confidences = (await section(page).getByTestId('draft-confidence').allTextContents()).map(Number);
  expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
  // Each quote is highlighted inside its paragraph's sentences.
  const agreement = proposal(page, 'COM(2018) 640', 'provisional agreement');
  await expect(agreement.locator('mark')).toHaveText(/^On 17 April 2019, the European Parliament and the Council reached a provisional agreement/);
  await expect(agreement.locator('blockquote')).toContainText('Terrorist content online remains a threat. On 17 April');
  await expect(section(page).getByTestId('draft-counts')).toHaveText(`0 accepted, 0 rejected, ${count} pending`);
  await section(page).screenshot({ path: resolve(ARTIFACTS, 'draft-review-list.png') });
  await noAxeViolations(page);

  // The drafter reads the publication sentence as COM(2018) 209's too: rejected.
  const wrongPublished = proposal(page, 'COM(2018) 209', 'published');
  await wrongPublished.getByRole('button', { name: 'Reject' }).click();
  await expect(wrongPublished.getByTestId('draft-decision')).toHaveText('rejected');

  // "Regulation (EU) 2019/1148 ... was adopted on 20 June 2019, following the Commission proposal
  // COM(2018) 209": the drafter proposes the proposal's own date; the reviewer makes it its adoption.
  const misread = proposal(page, 'COM(2018) 209', 'proposed');
  await misread.getByRole('button', { name: 'Edit' }).click();
  const form = misread.locator('form.edit');
  await form.getByTestId('draft-edit-stage').selectOption('adopted');
  // A date the quote does not state is flagged while typing, and a date that is no day refused.
  await form.getByTestId('draft-edit-date').fill('2019-06-31');
  await expect(form.getByRole('alert')).toContainText('a real day');
  await expect(form.getByTestId('draft-edit-save')).toBeDisabled();
  await form.getByTestId('draft-edit-date').fill('2019-06-21');
  await expect(form).toContainText('The date 2019-06-21 is not in the quote');
  await form.getByTestId('draft-edit-date').fill('2019-06-20');
  await expect(form).not.toContainText('is not in the quote');
  await form.getByTestId('draft-edit-save').click();
  const edited = proposal(page, 'COM(2018) 209', 'adopted');
  await expect(edited.getByTestId('draft-decision')).toHaveText('pending, edited');
  await expect(edited.locator('mark')).toContainText('was adopted on 20 June 2019, following the Commission proposal COM(2018) 209');

  // The rest: Accept all shown, with only the pending ones shown.
  await section(page).getByTestId('draft-filter').selectOption('pending');
  await section(page).getByTestId('draft-accept-shown').click();
  await section(page).getByTestId('draft-filter').selectOption('all');
  await expect(section(page).getByTestId('draft-counts')).toHaveText(`${count - 1} accepted, 1 rejected, 0 pending`);
  await expect(wrongPublished.getByTestId('draft-decision')).toHaveText('rejected');

  await section(page).getByTestId('draft-import').click();
  await expect(section(page).getByTestId('draft-handed')).toContainText('draft-COM_2019_353.json is in the import below');
  // The same preview as any dropped file.
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-counts')).toContainText('1 added');
  await expect(preview).toContainText('32019R1148');
  await expect(page.getByTestId('status-changes')).toContainText('COM(2018) 640: in negotiation → provisional agreement');
  await expect(page.getByTestId('status-changes')).toContainText('COM(2018) 209: provisional agreement → adopted');
  await page.locator('[data-section="import"]').screenshot({ path: resolve(ARTIFACTS, 'draft-import-preview.png') });

  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toContainText('from draft-COM_2019_353.json');
  expect(await stageOnDemoPage(ext)).toBe('provisional-agreement');

  await page.getByTestId('undo-import').click();
  await expect(page.getByTestId('history-message')).toContainText('Undone');
  await expect(page.getByTestId('dataset-summary')).toHaveText(summaryBefore!);
  expect(await stageOnDemoPage(ext)).toBe('in-negotiation');
});

test("in German, what the import file leaves out is said with German stage names and dates", async ({ ext }) => {
  test.setTimeout(120_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await setReaderLanguage(ext, 'de');
  const page = await openOptions(ext);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await section(page).getByTestId('draft-file').setInputFiles({ name: 'nineteenth-report-excerpt.md', mimeType: 'text/markdown', buffer: readFileSync(EXCERPT) });
  await section(page).getByTestId('draft-report-number').fill('COM(2019) 353');
  await section(page).getByTestId('draft-report-date').fill('2019-07-24');
  await section(page).getByTestId('draft-run').click();
  await expect(section(page).getByTestId('draft-review')).toBeVisible();
  // Everything accepted but the new document that some of the events and the link need.
  await section(page).getByTestId('draft-accept-shown').click();
  const newDocument = section(page).getByTestId('draft-proposal').and(page.locator('[data-kind="document"]'));
  await expect(newDocument).toHaveCount(1);
  await newDocument.getByRole('button', { name: 'Ablehnen' }).click();
  await section(page).getByTestId('draft-import').click();
  const skipped = section(page).getByTestId('draft-skipped');
  await expect(skipped).toContainText('Ausgelassen, da das Dokument, das sie brauchen, nicht angenommen wurde:');
  await expect(skipped).toContainText('32019R1148: veröffentlicht, Juli 2019');
  await expect(skipped).toContainText('COM(2018) 209 → 32019R1148');
  await expect(skipped).not.toContainText(/published|2019-07/);
  await skipped.screenshot({ path: resolve(ARTIFACTS, 'draft-skipped-de.png') });
});

test('the eighteenth report: its number and date come from the dataset, its review by keyboard; files that are not reports, or in which nothing is found, are told so', async ({ ext }) => {
  test.skip(!HAVE_REPORTS, NO_REPORTS);
  test.setTimeout(120_000);
  const page = await openOptions(ext);
  const input = section(page).getByTestId('draft-file');

  await input.setInputFiles({ name: 'dataset.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expect(section(page).getByTestId('draft-error')).toHaveText(/dataset\.json is not a report file Eurefs reads: choose a \.txt, \.md or \.html file\./);
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Shopping list: bread, milk.\n') });
  await expect(section(page).getByTestId('draft-error')).toContainText('notes.txt does not read as a Security Union progress report');

  const eighteenth = readdirSync(REPORTS_DIR)
    .map((name) => ({ name, raw: readFileSync(join(REPORTS_DIR, name), 'utf8') }))
    .find((f) => f.raw.includes('This is the eighteenth report'));
  expect(eighteenth, 'the eighteenth report among the shared reports').toBeDefined();
  await input.setInputFiles({ name: 'eighteenth.txt', mimeType: 'text/plain', buffer: Buffer.from(eighteenth!.raw) });
  await expect(section(page).getByLabel('Number of the report in eighteenth.txt')).toHaveValue('COM(2019) 145');
  await expect(section(page).getByLabel('Date of the report in eighteenth.txt')).toHaveValue('2019-03-20');
  await expect(section(page).getByTestId('draft-identity')).toContainText('the dataset in this browser');
  await section(page).getByTestId('draft-run').click();
  const review = section(page).getByTestId('draft-review');
  await expect(review).toBeVisible();
  const line = await review.locator('p.muted').first().textContent();
  console.log(`eighteenth report in the browser: ${line}`);

  // By keyboard alone: Accept with Enter, Reject with Space, Edit opens a form whose Cancel gives focus back.
  const first = section(page).getByTestId('draft-proposal').filter({ has: page.getByRole('button', { name: 'Edit' }) }).first();
  await first.getByRole('button', { name: 'Accept' }).focus();
  await page.keyboard.press('Enter');
  await expect(first.getByTestId('draft-decision')).toHaveText('accepted');
  await page.keyboard.press('Tab');
  await expect(first.getByRole('button', { name: 'Reject' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first.getByTestId('draft-decision')).toHaveText('rejected');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(first.getByTestId('draft-edit-stage')).toBeFocused();
  await first.getByRole('button', { name: 'Cancel edit' }).focus();
  await page.keyboard.press('Enter');
  await expect(first.locator('form.edit')).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Edit' })).toBeFocused();

  // A report in which the drafter finds nothing says so.
  await section(page).getByRole('button', { name: 'Start over' }).first().click();
  const bare = 'This is the nineteenth report on the further progress made towards building an effective and genuine Security Union.\n\nWork continues.\n';
  await input.setInputFiles({ name: 'bare.txt', mimeType: 'text/plain', buffer: Buffer.from(bare) });
  await section(page).getByLabel('Number of the report in bare.txt').fill('COM(2019) 353');
  await section(page).getByLabel('Date of the report in bare.txt').fill('2019-07-24');
  await section(page).getByTestId('draft-run').click();
  await expect(section(page).getByTestId('draft-error')).toHaveText(/^The drafter found nothing to propose in bare\.txt/);
});

test('a German reader drafts in German: the section, its table, its review and the stages in EUR-Lex’s German words', async ({ ext }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const page = await openOptions(ext);
  await page.getByTestId('language').selectOption('de');
  await expect(section(page).getByRole('heading', { level: 2 })).toHaveText('Entwurf aus einem Bericht');
  await section(page).getByTestId('draft-file').setInputFiles({ name: 'nineteenth-report-excerpt.md', mimeType: 'text/markdown', buffer: readFileSync(EXCERPT) });
  const identity = section(page).getByTestId('draft-identity');
  await expect(identity).toContainText('19. Fortschrittsbericht');
  await expect(identity).toContainText('nirgends: bitte angeben');
  await section(page).getByLabel('Nummer des Berichts in nineteenth-report-excerpt.md').fill('COM(2019) 353');
  await section(page).getByLabel('Datum des Berichts in nineteenth-report-excerpt.md').fill('2019-07-24');
  await section(page).getByTestId('draft-run').click();

  const review = section(page).getByTestId('draft-review');
  await expect(review.getByRole('heading', { level: 3 })).toHaveText('Vorschläge prüfen');
  await expect(review).toContainText('aus COM(2019) 353 (24.07.2019)');
  await expect(review.getByTestId('draft-stage').getByText('vorläufige Einigung', { exact: true }).first()).toBeVisible();
  await expect(review.getByTestId('draft-counts')).toHaveText(/^0 angenommen, 0 abgelehnt, \d+ offen$/);
  await expect(review.locator('blockquote').first()).toHaveAttribute('lang', 'en');
  await noAxeViolations(page);
  await section(page).screenshot({ path: resolve(ARTIFACTS, 'draft-review-list-de.png') });
});
