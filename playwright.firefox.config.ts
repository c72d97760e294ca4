import { defineConfig } from '@playwright/test';
import chromium from './playwright.config';

// Firefox ESR driven by puppeteer-core over WebDriver BiDi (tests/e2e-firefox/fixtures.ts); the
// test runner and its settings are the Chromium suite's, but no Playwright browser is involved.
export default defineConfig({ ...chromium, testDir: 'tests/e2e-firefox', outputDir: 'test-results-firefox' });
