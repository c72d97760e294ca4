/**
 * A long page (issue #19): every reference is found at once, those near the window are marked
 * first, the rest as the reader scrolls toward them, and the list and the shortcut reach a
 * reference far down that is not marked yet.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generatedHtml } from '../../scripts/bench/pages';
import { activeTabId, expect, openList, openServed, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const LONG_URL = 'https://eur-lex.europa.eu/eurefs-long-page.html';
/** 3,000 EUR-Lex-shaped paragraphs, 2.7 references each (the benchmark's dense page). */
const PARAGRAPHS = 3000;

/** The paragraphs, as the page numbers them, that hold a mark. */
const markedParagraphs = (page: Page) =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll('p.oj-normal')];
    return all.flatMap((p, i) => (p.querySelector('[data-euref]') ? [i] : []));
  });

/** Three frames after a scroll: what came near the window is marked (in-page/scanner/near-view.ts). */
const frames = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))));

async function openLong(ext: Parameters<typeof openServed>[0]): Promise<Page> {
  const page = await openServed(ext, LONG_URL, generatedHtml(PARAGRAPHS, true));
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined, null, { timeout: 60_000 });
  await page.bringToFront();
  return page;
}

test.describe('a long page', () => {
  test.slow();

  test('is all found at once and marked near the window first, the rest as the reader scrolls to it', async ({ ext }) => {
    const page = await openLong(ext);
    const found = Number(await page.evaluate(() => document.documentElement.dataset.eurefsScanned));
    expect(found).toBeGreaterThan(PARAGRAPHS * 2);

    // What the window shows is marked; the end of the page is not, yet.
    const inView = await page.evaluate(() =>
      [...document.querySelectorAll('p.oj-normal')].filter((p) => {
        const rect = p.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < innerHeight;
      }).every((p) => p.querySelector('[data-euref]') !== null),
    );
    expect(inView).toBe(true);
    const atLoad = await markedParagraphs(page);
    expect(atLoad[0]).toBe(0);
    expect(atLoad.at(-1)!).toBeLessThan(PARAGRAPHS - 1);
    await page.screenshot({ path: `${ARTIFACTS}/long-page-top.png` });

    // The reader goes to the end: it is marked when it comes near.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frames(page);
    await expect.poll(async () => (await markedParagraphs(page)).at(-1)).toBe(PARAGRAPHS - 1);
    const last = page.locator('p.oj-normal').last();
    await expect(last.locator('[data-euref]').first()).toBeInViewport();
    await page.screenshot({ path: `${ARTIFACTS}/long-page-end.png` });
  });

  test('a jump with the scroll bar, to anywhere in the page, marks what the window shows there and not the page between', async ({ ext }) => {
    const page = await openLong(ext);
    /** The paragraphs in the window, and how many of them hold no mark. */
    const inWindow = () =>
      page.evaluate(() => {
        const shown = [...document.querySelectorAll('p.oj-normal')].flatMap((p, i) => {
          const rect = p.getBoundingClientRect();
          return rect.bottom > 0 && rect.top < innerHeight ? [{ i, marked: p.querySelector('[data-euref]') !== null }] : [];
        });
        return { shown: shown.length, unmarked: shown.filter((p) => !p.marked).length };
      });
    // Blocks are watched in runs (in-page/scanner/watched-runs.ts): a jump may land in the middle of one.
    for (const share of [0.37, 0.61, 0.83, 0.5]) {
      await page.evaluate((at) => window.scrollTo(0, document.documentElement.scrollHeight * at), share);
      await frames(page);
      expect((await inWindow()).shown).toBeGreaterThan(3);
      await expect.poll(async () => (await inWindow()).unmarked).toBe(0);
    }
    const marked = new Set(await markedParagraphs(page));
    // Between the first screen and the first jump's window, the page is left as it was.
    const firstJump = Math.round(PARAGRAPHS * 0.37);
    expect([...marked].filter((i) => i > 300 && i < firstJump - 300)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/long-page-middle.png` });
  });

  test('the list counts every reference, marked or not, and leads to one far down, marking it', async ({ ext }) => {
    const page = await openLong(ext);
    const list = await openList(ext, await activeTabId(ext));
    // The last paragraph's act: far below the window, not marked at load.
    const lastAct = await page.evaluate(() => {
      const text = document.querySelectorAll('p.oj-normal')[2999]!.textContent ?? '';
      return /C\((\d{4})\) (\d+) final/.exec(text)!;
    });
    const id = `C(${lastAct[1]}) ${lastAct[2]}`;
    await expect(page.locator(`[data-euref="${id}"]`)).toHaveCount(0);
    const row = list.locator(`[data-euref-row="${id}"]`);
    await expect(row).toHaveCount(1);
    await row.click();
    await page.bringToFront();
    const mark = page.locator(`[data-euref="${id}"]`).first();
    await expect(mark).toBeInViewport();
    await expect(mark).toBeFocused();
  });
});
