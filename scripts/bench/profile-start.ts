/**
 * Diagnostic, not part of the benchmark: a CPU profile of the content script on one bench page,
 * self time by script and by function. For readable names build with EUREFS_NO_MINIFY=1 into a
 * directory of its own, then:
 *   EUREFS_EXTENSION_DIR=/tmp/out/chrome-mv3 npx tsx scripts/bench/profile-start.ts none|dense [paragraphs]
 */
import { launchWithExtension } from '../launch-browser';
import { benchPages } from './pages';
import { resolve } from 'node:path';

const which = process.argv[2] ?? 'none';
const dir = process.env.EUREFS_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3-bench');
const ext = await launchWithExtension({ extensionDir: dir });
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
  await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
  await tab.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined, null, { timeout: 300_000 });
  const timing = await tab.evaluate(() => ({ t: document.documentElement.dataset.eurefsTiming, dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd }));
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  for (const n of profile.nodes) {
    const us = dt.get(n.id) ?? 0;
    const url = n.callFrame.url.replace(/.*\//, '') || '(native)';
    const key = `${url} ${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    byUrl.set(url, (byUrl.get(url) ?? 0) + us);
  }
  console.log('rep', rep, 'timing', timing);
  console.log([...byUrl].filter(([k]) => k !== '(native)' || true).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
  console.log([...self].filter(([k]) => !k.startsWith('(native) (idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `  ${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
  await tab.close();
}
await ext.context.close();
