/**
 * The Firefox end-to-end suite's fixtures: each test gets its own Firefox ESR with the Firefox
 * build installed (scripts/launch-firefox.ts). Pages are the Chromium suite's own (the demo page,
 * the real EUR-Lex fixtures), served at their real EUR-Lex addresses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, servePagesIn, type FirefoxWithExtension, type ServedPages } from '../../scripts/launch-firefox';

export { expect };
export { DEMO_URL } from '../e2e/fixtures';

/** The bundled demo page, as the Firefox build ships it. */
export const demoHtml = () => readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'demo.html'), 'utf8');

export const test = base.extend<{ firefox: FirefoxWithExtension }>({
  firefox: async ({}, use) => {
    const firefox = await launchFirefoxWithExtension();
    await use(firefox);
    await firefox.browser.close();
  },
});

/** Opens `url`, served with `html`, once Eurefs has marked it. */
export async function openServed(firefox: FirefoxWithExtension, url: string, html: string, headers?: Record<string, string>): Promise<Page> {
  const page = await firefox.browser.newPage();
  await servePagesIn(page, { [url]: { body: html, ...(headers ? { headers } : {}) } });
  await page.goto(url);
  await page.waitForSelector('[data-euref]', { timeout: 15_000 });
  return page;
}

/** Opens `url` with more pages served on the same tab, without waiting for marks. */
export async function openWith(firefox: FirefoxWithExtension, url: string, pages: ServedPages): Promise<Page> {
  const page = await firefox.browser.newPage();
  await servePagesIn(page, pages);
  await page.goto(url);
  return page;
}

const DIALOG = 'eurefs-popover >>> [role="dialog"]';

/** The popover's dialog, inside its open shadow root, once it is shown. */
export async function popover(page: Page, timeout = 10_000): Promise<ElementHandle<Element>> {
  const dialog = await page.waitForSelector(DIALOG, { visible: true, timeout });
  if (!dialog) throw new Error('no popover');
  return dialog;
}

/** The popover's text, or null when there is none. */
export async function popoverText(page: Page): Promise<string | null> {
  const dialog = await page.$(DIALOG);
  return dialog ? dialog.evaluate((el) => el.textContent ?? '') : null;
}

/** Waits until `predicate`, evaluated in the page, holds. */
export async function until(page: Page, predicate: () => boolean, timeout = 10_000): Promise<void> {
  await page.waitForFunction(predicate, { timeout, polling: 50 });
}

export async function textOf(page: Page, selector: string): Promise<string | null> {
  return page.$eval(selector, (el) => el.textContent).catch(() => null);
}

export async function count(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) => els.length);
}
