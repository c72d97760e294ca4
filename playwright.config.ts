import { defineConfig } from '@playwright/test';

// Every test launches its own Chromium with the built extension (tests/e2e/fixtures.ts); no
// browser is downloaded: Debian's Chromium is used through executablePath.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
});
