/**
 * Diagnostic, not part of the benchmark: a CPU profile of the content script on one bench page,
 * self time by script and by function. For readable names build with EUREFS_NO_MINIFY=1 into a
 * directory of its own, then:
 *   EUREFS_EXTENSION_DIR=/tmp/out/chrome-mv3 npx tsx scripts/bench/profile-start.ts none|dense [paragraphs]
 */
import { launchWithExtension } from '../launch-browser';
import { largest, selfTimes } from './cpu-profile';
import { benchPages } from './pages';
import { untilScanned, watchScanned } from './visit';
import { resolve } from 'node:path';

const which = process.argv[2] ?? 'none';
const dir = process.env.EUREFS_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3-bench');
const ext = await launchWithExtension({ extensionDir: dir });
await watchScanned(ext.context);
await new Promise((d) => setTimeout(d, 1000));
const paragraphs = Number(process.argv[3] ?? 1000);
const page = benchPages([paragraphs]).find((p) => p.kind === which && p.paragraphs === paragraphs)!;
const body = page.html();
await ext.context.route('**/*', (route) => route.request().url() === page.url ? route.fulfill({ status: 200, contentType: 'text/html', body }) : route.continue());
for (let rep = 0; rep < 2; rep++) {
  const tab = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const scanned = untilScanned(tab, 300_000);
  await tab.goto(page.url, { waitUntil: 'commit' });
  await scanned;
  const timing = await tab.evaluate(() => ({ t: document.documentElement.dataset.eurefsTiming, dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd }));
  const { profile } = await cdp.send('Profiler.stop');
  console.log('rep', rep, 'timing', timing);
  console.log(largest(selfTimes(profile, (frame) => frame.url.replace(/.*\//, '') || '(native)'), 8));
  console.log(largest(selfTimes(profile), 25));
  await tab.close();
}
await ext.context.close();
