/**
 * When the content script's bundle began to run (performance.now() of the page). Imported first
 * by index.ts, so it is evaluated before the rest: the benchmark tells the browser's delay in
 * injecting the script apart from the time the script itself takes to load.
 */
export const loadedAt = performance.now();
