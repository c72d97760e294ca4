/**
 * What happens on one page while Eurefs loads it: when marks go in (in bursts), and every
 * animation frame over 100 ms with its rendering time and the scripts over 20 ms in it, from the
 * page's start until Eurefs says it scanned it (all found, the window marked, all looked up). A
 * browser with the built extension (`npm run build`), the dense page served at a EUR-Lex address.
 *
 *   npx tsx scripts/bench/load-timeline.ts [--paragraphs 100000]
 */
import { launchWithExtension, servePages } from '../launch-browser';
import { generatedHtml } from './pages';
import { untilScanned, watchScanned } from './visit';

const argv = process.argv.slice(2);
const i = argv.indexOf('--paragraphs');
const PARAGRAPHS = i >= 0 ? Number(argv[i + 1]) : 100_000;
const URL = 'https://eur-lex.europa.eu/eurefs-load-timeline.html';

async function main(): Promise<void> {
  const ext = await launchWithExtension();
  await servePages(ext.context, { [URL]: { body: generatedHtml(PARAGRAPHS, true) } });
  await watchScanned(ext.context);
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const timeline: { at: number; marks?: number; frameMs?: number; note?: string }[] = [];
    (globalThis as { timeline?: unknown }).timeline = timeline;
    new MutationObserver((records) => {
      let marks = 0;
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && node.hasAttribute('data-euref')) marks++;
      if (marks) timeline.push({ at: performance.now(), marks });
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { blockingDuration?: number; renderStart?: number; styleAndLayoutStart?: number; scripts?: { sourceURL: string; duration: number; invoker: string }[] })[]) {
        if (entry.duration < 100) continue;
        const scripts = (entry.scripts ?? []).filter((s) => s.duration > 20).map((s) => `${s.invoker.slice(0, 40)} ${s.sourceURL.split('/').pop()} ${s.duration.toFixed(0)}`);
        const layout = entry.renderStart && entry.styleAndLayoutStart ? ` render ${(entry.startTime + entry.duration - entry.renderStart).toFixed(0)} (style+layout ${(entry.startTime + entry.duration - entry.styleAndLayoutStart).toFixed(0)})` : '';
        timeline.push({ at: entry.startTime, frameMs: entry.duration, note: `${layout} ${scripts.join('; ')}` });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  const scanned = untilScanned(page, 300_000);
  await page.goto(URL, { timeout: 300_000, waitUntil: 'commit' });
  await scanned;
  const timeline = (await page.evaluate(() => (globalThis as { timeline?: unknown }).timeline)) as { at: number; marks?: number; frameMs?: number; note?: string }[];
  // Bursts: marks within 20 ms of each other are one.
  const rows: string[] = [];
  let burst: { from: number; to: number; marks: number } | null = null;
  const flush = () => burst && rows.push(`${burst.from.toFixed(0).padStart(7)} ms  +${burst.marks} marks (over ${(burst.to - burst.from).toFixed(0)} ms)`);
  timeline.sort((a, b) => a.at - b.at);
  for (const entry of timeline) {
    if (entry.marks) {
      if (burst && entry.at - burst.to < 20) {
        burst.to = entry.at;
        burst.marks += entry.marks;
      } else {
        flush();
        burst = { from: entry.at, to: entry.at, marks: entry.marks };
      }
    } else {
      flush();
      burst = null;
      rows.push(`${entry.at.toFixed(0).padStart(7)} ms  long frame ${entry.frameMs!.toFixed(0)} ms${entry.note ?? ''}`);
    }
  }
  flush();
  console.log(rows.join('\n'));
  console.log(`scanned: ${await page.evaluate(() => document.documentElement.dataset.eurefsScanned)} references`);
  // The scanner's own account (in-page/scanned-hook.ts), on the same clock.
  console.log(await page.evaluate(() => document.documentElement.dataset.eurefsTiming));
  await ext.context.close();
}

await main();
