/**
 * Diagnostic, not part of the benchmark (whose pages have no images): the first screen on a page
 * that is still loading, as real EUR-Lex pages are for a while after their text is in (images,
 * scripts, fonts). A dense generated page at a europa.eu address
 * (the lookout's page, so the scanner comes by injection) with one image that the server holds
 * for `--hold` ms; the same page without it for comparison. After `npm run build` (or with
 * EUREFS_EXTENSION_DIR, e.g. an older build to compare with):
 *
 *   npx tsx scripts/bench/still-loading.ts [--paragraphs 1000] [--hold 1500] [--visits 5]
 */
import { resolve } from 'node:path';
import { launchWithExtension } from '../launch-browser';
import { generatedHtml, PATTERN_FLAGS, PATTERN_SOURCE } from './pages';
import { firstScreen, MARK_TIMES_INIT, untilScanned, watchScanned } from './visit';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const PARAGRAPHS = option('--paragraphs', 1000);
const HOLD_MS = option('--hold', 1500);
const VISITS = option('--visits', 5);
const IMAGE = 'https://ec.europa.eu/eurefs-still-loading/held.png';

interface Visit {
  /** content script start → the last mark in the window */
  firstScreenMs: number;
  /** whether the page was still loading then */
  stillLoading: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const dir = process.env.EUREFS_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
  const ext = await launchWithExtension({ extensionDir: dir });
  const plain = generatedHtml(PARAGRAPHS, true);
  const withImage = plain.replace('</body>', `<img src="${IMAGE}" width="1" height="1" alt=""></body>`);
  await ext.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === IMAGE) {
      await new Promise((done) => setTimeout(done, HOLD_MS));
      await route.fulfill({ status: 404, body: '' });
    } else if (url.startsWith('https://ec.europa.eu/eurefs-still-loading/')) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: url.includes('image') ? withImage : plain });
    } else if (url.startsWith('chrome-extension://')) {
      await route.continue();
    } else {
      await route.abort('blockedbyclient');
    }
  });
  await watchScanned(ext.context);
  // tsx names the functions it compiles with a __name helper; page.evaluate carries them over.
  await ext.context.addInitScript({ content: `(() => { globalThis.__name ??= (f) => f; ${MARK_TIMES_INIT} })();` });

  const results: Record<string, Visit[]> = { 'no image': [], [`an image held ${HOLD_MS} ms`]: [] };
  for (let v = 0; v < VISITS; v++) {
    for (const [kind, visits] of Object.entries(results)) {
      const tab = await ext.context.newPage();
      const scanned = untilScanned(tab, 60_000);
      await tab.goto(`https://ec.europa.eu/eurefs-still-loading/${kind === 'no image' ? 'plain' : 'image'}-${v}.html`, { waitUntil: 'commit' });
      await scanned;
      const screen = await firstScreen(tab, PATTERN_SOURCE, PATTERN_FLAGS);
      const { loadedAt, loadEnd } = await tab.evaluate(() => ({
        loadedAt: (JSON.parse(document.documentElement.dataset.eurefsTiming ?? '{}') as { loadedAt?: number }).loadedAt ?? NaN,
        loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
      }));
      const lastMarkAt = screen.lastMarkAt ?? NaN;
      visits.push({ firstScreenMs: lastMarkAt - loadedAt, stillLoading: loadEnd === 0 || lastMarkAt < loadEnd });
      await tab.close();
    }
  }
  await ext.context.close();
  console.log(`${dir}, ${PARAGRAPHS.toLocaleString('en')} dense paragraphs, ${VISITS} visits, medians:`);
  for (const [kind, visits] of Object.entries(results)) {
    const times = visits.map((x) => x.firstScreenMs);
    const loading = visits.filter((x) => x.stillLoading).length;
    console.log(`  ${kind}: first screen ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}), the page still loading then in ${loading} of ${visits.length}`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
