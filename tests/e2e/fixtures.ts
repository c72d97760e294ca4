import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, servePages, type ExtensionBrowser } from '../../scripts/launch-browser';

export { expect };

export const DEMO_URL = 'https://eur-lex.europa.eu/eurefs-demo.html';
export const demoHtml = () => readFileSync(resolve(EXTENSION_DIR, 'demo.html'), 'utf8');

export const test = base.extend<{ ext: ExtensionBrowser }>({
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.context.close();
  },
});

/** Serves `html` at `url` (a real EUR-Lex address) and opens it once Eurefs has marked it. */
export async function openServed(ext: ExtensionBrowser, url: string, html: string, headers?: Record<string, string>): Promise<Page> {
  await servePages(ext.context, { [url]: { body: html, ...(headers ? { headers } : {}) } });
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.locator('[data-euref]').first().waitFor({ state: 'attached' });
  return page;
}

/** The popover's dialog, inside the open shadow root (Playwright's locators pierce it). */
export const popover = (page: Page) => page.locator('eurefs-popover [role="dialog"]');
