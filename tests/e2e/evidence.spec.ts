/**
 * Evidence behind every status (issue #16), in real Chromium with the built extension: from a
 * reference on a EUR-Lex page to the report's own words, and on to the report page at those words;
 * the report page's own references; a procedure number that resolves to its file; and a page's
 * script that cannot have the report opened. The words are the bundled dataset's own.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openServed, popover, test } from './fixtures';
import type { Dataset } from '../../storage/dataset/schema';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const PAGE_URL = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52017PC0793';
const PAGE = `<!doctype html><html lang="en"><head><title>Interoperability</title></head><body>
  <p>The Commission proposed COM(2017) 793 final on interoperability in December 2017.</p>
  <p>Its file in the Parliament is procedure 2017/0351(COD).</p>
</body></html>`;
/** The bundled dataset's COM(2017) 793: its political agreement, quoted from the 18th report, and its procedure, an outside fact. */
const bundled = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../seeds/dataset.json'), 'utf8')) as Dataset;
const proposal = bundled.documents.find((d) => d.id === 'COM(2017) 793')!;
const agreement = proposal.events.find((event) => event.date === '2019-02-05')!;
const QUOTE = agreement.source.quote!;
const PROCEDURE_NOTE = proposal.outside!.procedure!.note;

async function openPopover(page: Page, id: string) {
  await page.locator(`[data-euref="${id}"]`).first().hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Opens the timeline (closed when it is long) and "The report's words" of the political agreement. */
async function openWords(dialog: ReturnType<typeof popover>) {
  const timeline = dialog.locator('details.timeline');
  if (!(await timeline.evaluate((el) => (el as HTMLDetailsElement).open))) await timeline.locator('summary').click();
  const event = timeline.getByRole('listitem').filter({ hasText: '5 Feb 2019' });
  await event.getByRole('button', { name: "The report's words" }).click();
  return event;
}

test("from a reference to the report's words, and to the report page at them", async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await openServed(ext, PAGE_URL, PAGE);
  const dialog = await openPopover(page, 'COM(2017) 793');
  await expect(dialog).toContainText('Procedure 2017/0351(COD) — from the Legislative Observatory, not the reports');
  const event = await openWords(dialog);
  await expect(event.locator('blockquote')).toHaveText(QUOTE);
  await event.getByRole('button', { name: 'Read it in the report' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(ARTIFACTS, 'evidence-popover-words.png') });

  const [report] = await Promise.all([ext.context.waitForEvent('page'), event.getByRole('button', { name: 'Read it in the report' }).click()]);
  await report.waitForLoadState();
  expect(report.url().startsWith(`chrome-extension://${ext.extensionId}/report.html?`)).toBe(true);
  const quoted = report.locator('mark#quoted');
  await expect(quoted).toBeVisible();
  await expect(report.locator('mark')).toHaveText([QUOTE]);
  await expect(quoted).toBeInViewport();
  await expect(quoted).toBeFocused();
  await expect(report.getByRole('heading', { level: 1 })).toContainText('progress report');
  await expect(report.locator('li.named')).toContainText('The political agreement reached on 5 February 2019');
  await report.screenshot({ path: resolve(ARTIFACTS, 'evidence-report-page.png') });
  const { violations } = await new AxeBuilder({ page: report }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The report's own references are marked, and open the same popover.
  const inReport = report.locator('[data-euref="COM(2017) 794"]').first();
  await inReport.scrollIntoViewIfNeeded();
  await inReport.hover();
  const reportPopover = popover(report);
  await expect(reportPopover).toBeVisible();
  await expect(reportPopover).toContainText('interoperability');
  await report.screenshot({ path: resolve(ARTIFACTS, 'evidence-report-popover.png') });

  // Back on the page: the outside fact's note shows on focus, as on hover. (Last, because the note
  // going away when focus leaves it moves what is below it in the popover.)
  await page.bringToFront();
  const again = await openPopover(page, 'COM(2017) 793');
  await again.locator('.procedure .outside-from').focus();
  await expect(again.locator('.procedure .outside-note')).toBeVisible();
  await again.locator('.procedure .outside-note').scrollIntoViewIfNeeded();
  await expect(again.locator('.procedure .outside-note')).toHaveText(PROCEDURE_NOTE);
  await page.screenshot({ path: resolve(ARTIFACTS, 'evidence-popover-outside.png') });
});

test("a procedure number shows its file's status, and the report page says plainly when words are not there", async ({ ext }) => {
  const page = await openServed(ext, PAGE_URL, PAGE);
  const dialog = await openPopover(page, '2017/0351(COD)');
  await expect(dialog).toContainText('Procedure 2017/0351(COD): the file of COM(2017) 793');
  await expect(dialog).not.toContainText('Not in the Eurefs dataset');
  await expect(dialog.locator('[data-stage]').first()).toHaveAttribute('data-stage', /./);
  await page.screenshot({ path: resolve(ARTIFACTS, 'evidence-procedure.png') });

  const report = await ext.context.newPage();
  await report.goto(`chrome-extension://${ext.extensionId}/report.html?report=${encodeURIComponent('COM(2019) 145')}&quote=${encodeURIComponent('words no report holds')}`);
  await expect(report.getByRole('alert')).toHaveText('These words were not found in the report: “words no report holds”');
  await expect(report.locator('mark')).toHaveCount(0);
});

test("a page's script clicking the report's link opens nothing", async ({ ext }) => {
  const page = await openServed(ext, PAGE_URL, PAGE);
  const dialog = await openPopover(page, 'COM(2017) 793');
  const event = await openWords(dialog);
  await expect(event.getByRole('button', { name: 'Read it in the report' })).toBeVisible();
  const pages = ext.context.pages().length;
  // As the page's own script would: through the open shadow root, in the page's main world.
  await page.evaluate(() => {
    const button = document.querySelector('eurefs-popover')!.shadowRoot!.querySelector<HTMLButtonElement>('button.read-report')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
  await page.waitForTimeout(1500);
  expect(ext.context.pages().length).toBe(pages);
});
