import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // The DOM and property tests build thousands of jsdom nodes; on a shared 2-core machine a
    // few take longer than vitest's 5 s default without anything being wrong.
    testTimeout: 30_000,
    // WXT's runtime modules read import.meta.env, which only Vite fills in; and so tests that mock
    // `wxt/browser` mock it for WXT's own modules too (its content script context).
    server: { deps: { inline: ['wxt'] } },
  },
});
