/**
 * A keyboard reader on the AI Act proposal (a real EUR-Lex page with 349 references): Tab goes
 * through the page's own links without stopping at references, the shortcuts go to the next or
 * previous reference from where the reader is, open its popover and say which it is, and the
 * reader who wants references in the Tab order switches them in; axe-core finds nothing new with
 * references marked and a popover open. Keys are Playwright's keyboard, as the reader presses
 * them. A shortcut cannot be pressed through Playwright in headless Chromium (its key events go
 * to the page, not to the browser's own shortcut handling), so the test sends the message the
 * background sends for one (entrypoints/background/commands.ts; the command →
 * message mapping has its unit test).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../scripts/launch-browser';
import { servePages } from '../../scripts/launch-browser';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../scripts/shared-dir';
import { activeTabId, expect, openList, popover, setReaderLanguage, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const AI_ACT_URL = 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52021PC0206';
const UCITS_URL = 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02009L0065-20130620';
/** A page where Eurefs does not run: what a page is without it. */
const PLAIN_URL = 'https://example.org/eur-lex-page.html';

const aiActHtml = () => readFileSync(`${FIXTURES_DIR}/52021PC0206-EN-proposal-body.html`, 'utf8');

async function openAiAct(ext: ExtensionBrowser): Promise<Page> {
  await servePages(ext.context, { [AI_ACT_URL]: { body: aiActHtml() } });
  const page = await ext.context.newPage();
  await page.goto(AI_ACT_URL);
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
  await page.bringToFront();
  return page;
}

/**
 * Resolves once what the window shows is marked: references are marked as they come within a few
 * screens of the window (in-page/scanner/near-view.ts), in the task after the frame that shows
 * them, so three frames after a scroll they are there.
 */
async function nearViewMarked(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))),
  );
}

/** What the background sends the page when the reader presses a shortcut, sent the same way. */
async function shortcut(ext: ExtensionBrowser, direction: 'next' | 'previous'): Promise<unknown> {
  const tabId = await activeTabId(ext);
  return ext.serviceWorker.evaluate(
    ([tab, dir]) => {
      const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown, o: object): Promise<unknown> } } }).chrome;
      return api.tabs.sendMessage(tab, { type: 'move-to-reference', direction: dir }, { frameId: 0 });
    },
    [tabId, direction] as const,
  );
}

/** What has focus: a reference (its id), an element of the popover, or one of the page's own. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const inner = document.querySelector('eurefs-popover')?.shadowRoot?.activeElement;
    if (inner) return `popover:${inner.tagName.toLowerCase()}`;
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const id = el.getAttribute('data-euref');
    // The element's place among the page's focusable ones: two links to one address are two stops.
    const place = [...document.querySelectorAll('a[href], [tabindex]')].indexOf(el);
    return id ? `mark:${id}` : `page:${el.tagName.toLowerCase()}#${el.getAttribute('href') ?? ''}@${place}`;
  });
}

/**
 * Tabs through the whole page from its top, as a reader would, and returns every stop: the page's
 * elements and the popover's. Stops when focus comes back round to a stop it passed (a reference
 * takes focus again on the way out of its popover: that is no round), or leaves the page.
 */
async function tabThrough(page: Page, max: number): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    const back = stops.lastIndexOf(now);
    const outOfItsPopover = back >= 0 && stops.slice(back + 1).every((stop) => stop.startsWith('popover:'));
    if (now === 'body' || (back >= 0 && !outOfItsPopover)) break;
    stops.push(now);
  }
  return stops;
}

/** The words the screen reader was given last. */
const announced = (page: Page) => page.locator('eurefs-announcer [role="status"][aria-live="polite"]');

/** axe's findings on the page, by rule: how many elements break each. */
async function violationsByRule(page: Page): Promise<Record<string, number>> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return Object.fromEntries(violations.map((v) => [v.id, v.nodes.length]));
}

test.describe('the keyboard on real EUR-Lex pages', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES);
  test.slow();

  test('Tab goes through the page without stopping at its 349 references; the shortcut reaches them from where the reader is', async ({ ext }) => {
    const page = await openAiAct(ext);
    // All 349 found; those near the window marked, the rest as the reader comes near them.
    expect(await page.evaluate(() => document.documentElement.dataset.eurefsScanned)).toBe('349');
    const marks = await page.locator('[data-euref]:not([data-euref-part])').count();
    expect(marks).toBeGreaterThan(0);
    expect(marks).toBeLessThan(349);

    // Tab: the page's own links, and no reference among them.
    const stops = await tabThrough(page, 600);
    console.log(`Tab stops on the AI Act page, marks out of the Tab order: ${stops.length} (${stops.filter((s) => s.startsWith('mark:')).length} references)`);
    expect(stops.length).toBeGreaterThan(10);
    expect(stops.filter((stop) => !stop.startsWith('page:'))).toEqual([]);

    // From a link halfway down, the shortcut goes to the first reference after it.
    const link = page.locator('a[href]').nth(100);
    await link.focus();
    await nearViewMarked(page);
    const expected = await link.evaluate((a) => {
      const after = [...document.querySelectorAll('[data-euref]:not([data-euref-part])')].find(
        (mark) => (a.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );
      return after?.getAttribute('data-euref');
    });
    expect(await shortcut(ext, 'next')).toEqual({ moved: true, id: expected });
    await expect.poll(() => focused(page)).toBe(`mark:${expected}`);
    const dialog = popover(page);
    await expect(dialog).toBeVisible();
    await expect(announced(page)).toHaveText(new RegExp(`reference \\d+ of 349`));
    const first = await announced(page).textContent();
    // The reference's own mark is in view, and its popover beside it.
    await expect(page.locator(':focus')).toBeInViewport();
    await page.screenshot({ path: `${ARTIFACTS}/keyboard-shortcut-next.png` });

    // Tab goes into its popover; Escape closes it, back on the reference; Tab goes on to the page's next link.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatch(/^popover:/);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe(`mark:${expected}`);

    // Next and previous, from the reference the reader is on.
    const next = (await shortcut(ext, 'next')) as { id: string };
    await expect.poll(() => focused(page)).toBe(`mark:${next.id}`);
    await expect(dialog).toBeVisible();
    await expect(announced(page)).not.toHaveText(first ?? '');
    expect(await shortcut(ext, 'previous')).toEqual({ moved: true, id: expected });
    await expect.poll(() => focused(page)).toBe(`mark:${expected}`);
    await expect(announced(page)).toHaveText(first ?? '');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatch(/^page:a#/);
  });

  test('from the top of the window with nothing focused, the shortcut goes to the first reference in view, round the end from the last', async ({ ext }) => {
    const page = await openAiAct(ext);
    // The reader scrolled half way down with the mouse: nothing focused, nothing selected.
    await page.mouse.wheel(0, 20_000);
    await page.waitForFunction(() => window.scrollY > 15_000);
    await nearViewMarked(page);
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll('[data-euref]:not([data-euref-part])')].find((mark) => mark.getBoundingClientRect().top >= 0)?.getAttribute('data-euref'),
    );
    expect(await shortcut(ext, 'next')).toEqual({ moved: true, id: expected });
    await expect(page.locator(':focus')).toBeInViewport();
    await expect(popover(page)).toBeVisible();

    // From the last reference, "next" goes back to the first and says so.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await nearViewMarked(page);
    await page.locator('[data-euref]:not([data-euref-part])').last().focus();
    const firstId = await page.locator('[data-euref]:not([data-euref-part])').first().getAttribute('data-euref');
    expect(await shortcut(ext, 'next')).toEqual({ moved: true, id: firstId });
    await expect(announced(page)).toHaveText(/^Back to the first reference\. .*reference 1 of 349/);
  });

  test("the shortcut's announcement speaks the reader's language, German here", async ({ ext }) => {
    await setReaderLanguage(ext, 'de');
    const page = await openAiAct(ext);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await nearViewMarked(page);
    await page.locator('[data-euref]:not([data-euref-part])').last().focus();
    await shortcut(ext, 'next');
    await expect(announced(page)).toHaveText(/^Zurück zum ersten Verweis\. .*, Verweis 1 von 349(\. |$)/);
    // What the dataset says of it in German too: no English word of Eurefs's own is left.
    await expect(announced(page)).not.toHaveText(/\b(reference|Back to|Not in the Eurefs dataset|No dated events|proposed|adopted|in force|in negotiation)\b/);
    await page.screenshot({ path: `${ARTIFACTS}/keyboard-de-announced.png` });
  });

  test('axe finds nothing new on a page with its references marked, inside its links too, and a popover open', async ({ ext }) => {
    // The UCITS consolidated text (66 KB), whose references sit inside the page's links: axe reads
    // the AI Act proposal (717 KB) for over a minute a time on two shared cores.
    const html = readFileSync(`${FIXTURES_DIR}/02009L0065-EN-consolidated-body.html`, 'utf8');
    await servePages(ext.context, { [UCITS_URL]: { body: html }, [PLAIN_URL]: { body: html } });
    const plain = await ext.context.newPage();
    await plain.goto(PLAIN_URL);
    await plain.waitForTimeout(1500);
    // Eurefs does not run there: the same page as the reader has it without Eurefs.
    await expect(plain.locator('[data-euref]')).toHaveCount(0);
    const before = await violationsByRule(plain);

    const page = await ext.context.newPage();
    await page.goto(UCITS_URL);
    await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
    await page.bringToFront();
    expect(await page.locator('a[href] [data-euref]').count()).toBeGreaterThan(0);
    await page.locator('a[href]').first().focus();
    await shortcut(ext, 'next');
    await expect(popover(page)).toBeVisible();
    await expect(announced(page)).toHaveText(/reference \d+ of \d+/);
    const after = await violationsByRule(page);
    console.log(`axe on the UCITS consolidated text, without Eurefs: ${JSON.stringify(before)}; marked, popover open: ${JSON.stringify(after)}`);
    const worse = Object.entries(after).filter(([rule, count]) => count > (before[rule] ?? 0));
    expect(worse).toEqual([]);
  });

  test('the reader puts references in the Tab order on the options page, and the open page takes it at once', async ({ ext }) => {
    const page = await openAiAct(ext);
    const inTabOrder = () => page.locator('[data-euref][tabindex="0"]').count();
    expect(await inTabOrder()).toBe(0);

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const reading = options.locator('[data-section="reading"]');
    await expect(reading.getByTestId('shortcuts')).toContainText('Alt+Shift+J');
    // With the keyboard: Tab to the switch, Space to turn it on.
    const toggle = options.getByLabel('Stop at every reference when moving through a page with Tab');
    await expect(toggle).not.toBeChecked();
    for (let i = 0; i < 40 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await options.keyboard.press('Tab');
    await options.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await reading.screenshot({ path: `${ARTIFACTS}/keyboard-settings.png` });

    // No reload: the page's 349 references are Tab stops now.
    await expect.poll(inTabOrder).toBe(349);
    await page.bringToFront();
    const stops = await tabThrough(page, 400);
    expect(stops.some((stop) => stop.startsWith('mark:'))).toBe(true);

    // And out again.
    await options.bringToFront();
    await toggle.focus();
    await options.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
    await expect.poll(inTabOrder).toBe(0);
  });

  test('the toolbar list stays a way in: from it, Enter on a reference focuses it on the page', async ({ ext }) => {
    const page = await openAiAct(ext);
    const tabId = await activeTabId(ext);
    const list = await openList(ext, tabId);
    const row = list.locator('[data-euref-row="SWD(2021) 84"]');
    for (let i = 0; i < 60 && !(await row.evaluate((el) => el === document.activeElement)); i++) await list.keyboard.press('Tab');
    await expect(row).toBeFocused();
    await list.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('mark:SWD(2021) 84');
    await list.screenshot({ path: `${ARTIFACTS}/keyboard-list.png` });
  });
});
