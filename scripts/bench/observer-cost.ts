/**
 * What watching blocks costs a long page: an IntersectionObserver with a margin of two screens,
 * as the scanner's near-view marking uses, over every paragraph of a dense generated page, and
 * over the two ends of each run of RUN_LENGTH paragraphs (in-page/scanner/watched-runs.ts), in a
 * browser without the extension. Per size and way: the observe() calls, the wait for the first
 * report of every target, and the median and longest frame (rAF to rAF) over a second while the
 * page sits still and while it scrolls a window a frame, with and without the observer.
 *
 *   npx tsx scripts/bench/observer-cost.ts [--sizes 10000,100000]
 */
import { chromium } from 'playwright-core';
import { chromiumPath } from '../launch-browser';
import { generatedHtml } from './pages';
import { RUN_LENGTH } from '../../in-page/scanner/watched-runs';

const argv = process.argv.slice(2);
const i = argv.indexOf('--sizes');
const SIZES = (i >= 0 ? argv[i + 1]! : '10000,100000').split(',').map(Number);

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows: Record<string, number | string>[] = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(generatedHtml(size, true), { waitUntil: 'load', timeout: 300_000 });
    // tsx names the functions it compiles with a __name helper; page.evaluate carries them over.
    await page.evaluate('globalThis.__name ??= (f) => f');
    for (const way of ['every block', 'run ends'] as const) {
      const row = await page.evaluate(async ({ runLength }) => {
        const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
        /** frame lengths over `count` frames, scrolling a window a frame or not */
        const frames = async (count: number, scroll: boolean) => {
          const lengths: number[] = [];
          let last = await frame();
          for (let n = 0; n < count; n++) {
            if (scroll) window.scrollBy(0, innerHeight);
            const now = await frame();
            lengths.push(now - last);
            last = now;
          }
          window.scrollTo(0, 0);
          await frame();
          lengths.sort((a, b) => a - b);
          return { median: lengths[lengths.length >> 1]!, longest: lengths.at(-1)! };
        };
        const still = await frames(60, false);
        const scrolling = await frames(60, true);
        const blocks = [...document.querySelectorAll('p')].filter((_, n) => runLength === 1 || n % runLength === 0 || n % runLength === runLength - 1);
        let reported = 0;
        let allReported!: () => void;
        const done = new Promise<void>((resolve) => (allReported = resolve));
        const observer = new IntersectionObserver(
          (entries) => {
            reported += entries.length;
            if (reported >= blocks.length) allReported();
          },
          { rootMargin: `${2 * innerHeight}px 0px` },
        );
        const t0 = performance.now();
        for (const block of blocks) observer.observe(block);
        const t1 = performance.now();
        await done;
        const t2 = performance.now();
        const stillObserved = await frames(60, false);
        const scrollingObserved = await frames(60, true);
        observer.disconnect();
        return {
          blocks: blocks.length,
          observeCallsMs: t1 - t0,
          firstReportsMs: t2 - t1,
          stillMedianMs: still.median,
          stillObservedMedianMs: stillObserved.median,
          scrollMedianMs: scrolling.median,
          scrollLongestMs: scrolling.longest,
          scrollObservedMedianMs: scrollingObserved.median,
          scrollObservedLongestMs: scrollingObserved.longest,
        };
      }, { runLength: way === 'run ends' ? RUN_LENGTH : 1 });
      const rounded = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v * 10) / 10]));
      rows.push({ paragraphs: size, way, ...rounded });
      console.error(`[observer-cost] ${size} paragraphs, ${way}:`, JSON.stringify(rounded));
    }
    await page.close();
  }
  await browser.close();
  console.table(rows);
}

await main();
