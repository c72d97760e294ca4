/**
 * The baseline for "what a content script costs a page": an extension whose content script, on
 * the same pages and at the same moment as Eurefs', does nothing but set Eurefs' test hook.
 * Chromium charges any content script for the page's isolated world and the script's own
 * evaluation; the benchmark traces this one as it traces Eurefs, in the same run, so that what
 * Eurefs adds on a page without references can be told apart from what any extension would cost.
 * It has Eurefs' empty script at document_start too (api-world.js, wxt.config.ts): Chromium runs
 * that script inside one of the parser's tasks, and the trace charges the whole task, the page's
 * own parsing in it included, to the extension; without the same script here, the difference
 * counted that parsing as Eurefs'.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const CONTENT = `const t = performance.now();
document.documentElement.dataset.eurefsTiming = JSON.stringify({ count: 0, loadedAt: t, startedAt: t, markedAt: t, doneAt: t, busyMs: 0, longestSliceMs: 0, slices: 0, findMs: 0, lookupRoundTrips: 0, lookupMs: 0 });
document.documentElement.dataset.eurefsScanned = '0';
`;

/** Writes the extension under `dir` (once per run) and returns its directory. */
export function writeEmptyExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    resolve(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Eurefs bench baseline: an empty content script',
      version: '1.0.0',
      // A service worker, as Eurefs has: the launcher finds the extension by it.
      background: { service_worker: 'background.js' },
      content_scripts: [
        { matches: ['https://*.europa.eu/*'], run_at: 'document_start', js: ['api-world.js'] },
        { matches: ['https://eur-lex.europa.eu/*', 'https://*.europa.eu/*'], run_at: 'document_end', js: ['content.js'] },
      ],
    }),
  );
  writeFileSync(resolve(dir, 'background.js'), '');
  writeFileSync(resolve(dir, 'api-world.js'), '// empty, as Eurefs\' own\n');
  writeFileSync(resolve(dir, 'content.js'), CONTENT);
  return dir;
}
