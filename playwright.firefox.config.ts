import { defineConfig } from '@playwright/test';

// Firefox ESR driven by puppeteer-core over WebDriver BiDi (tests/e2e-firefox/fixtures.ts); the
// test runner is Playwright's, but no Playwright browser is involved.
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  outputDir: 'test-results-firefox',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
});
