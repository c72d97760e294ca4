/**
 * Diagnostic: what the scanner keeps on a dense page once all is found, by the function that
 * allocated it (the sampling heap profiler, live objects only), after `npm run build` with
 * EUREFS_NO_MINIFY=1 for the names.
 *
 *   EUREFS_EXTENSION_DIR=... npx tsx scripts/bench/scanner-heap.ts [--paragraphs 100000]
 */
import { resolve } from 'node:path';
import { launchWithExtension, servePages } from '../launch-browser';
import { generatedHtml } from './pages';
import { functionName, type CallFrame } from './cpu-profile';
import { untilScanned, watchScanned } from './visit';

const argv = process.argv.slice(2);
const i = argv.indexOf('--paragraphs');
const PARAGRAPHS = i >= 0 ? Number(argv[i + 1]) : 100_000;
const URL = 'https://eur-lex.europa.eu/eurefs-scanner-heap.html';

const dir = process.env.EUREFS_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
const ext = await launchWithExtension({ extensionDir: dir });
await servePages(ext.context, { [URL]: { body: generatedHtml(PARAGRAPHS, true) } });
await watchScanned(ext.context);
const page = await ext.context.newPage();
const cdp = await ext.context.newCDPSession(page);
await cdp.send('HeapProfiler.enable');
await cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096 });
const scanned = untilScanned(page, 300_000);
await page.goto(URL, { timeout: 300_000, waitUntil: 'commit' });
await scanned;
await cdp.send('HeapProfiler.collectGarbage');
const { profile } = await cdp.send('HeapProfiler.getSamplingProfile');
interface Node { callFrame: CallFrame; selfSize: number; children: Node[] }
const self = new Map<string, number>();
const walk = (node: Node) => {
  const key = functionName(node.callFrame);
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child);
};
walk(profile.head as unknown as Node);
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`live after load and GC: ${(total / 1e6).toFixed(1)} MB sampled`);
for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(bytes / 1e6).toFixed(1).padStart(7)} MB ${key.slice(0, 100)}`);
await ext.context.close();
