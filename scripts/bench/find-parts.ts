/**
 * Diagnostic, not part of the benchmark: what finding's time is made of, on a generated page in
 * a browser without the extension. The scanner's own modules, bundled for the page, timed in
 * parts: the floor (a bare TreeWalker and one expression, as the benchmark's), the walk alone
 * (text blocks and the prefilter), the grammar over the blocks the walk kept, and the scan's
 * finding as the page scanner runs it (sliced, handing what it finds on) and again keeping what
 * it finds, as the scanner must, each the median of `--reps`; then a CPU profile of that scan,
 * self time by function.
 *
 *   npx tsx scripts/bench/find-parts.ts [--paragraphs 100000] [--none] [--reps 3]
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../launch-browser';
import { largest, selfTimes } from './cpu-profile';
import { generatedHtml, PATTERN_SOURCE } from './pages';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PARAGRAPHS = Number(option('--paragraphs') ?? 100_000);
const REPS = Number(option('--reps') ?? 3);
const DENSE = !argv.includes('--none');

/** The page's side: the scanner's modules, and the parts to time. */
const ENTRY = `
import { collectTextBlocks } from './in-page/marks/text-blocks';
import { findReferences } from './references';
import { scan } from './in-page/scanner/scan';
const parts = {
  floor(pattern) {
    const re = new RegExp(pattern, 'gu');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      re.lastIndex = 0;
      while (re.exec(node.data)) count++;
    }
    return count;
  },
  walk() {
    return collectTextBlocks(document.body, 'eurefs-popover').length;
  },
  grammar() {
    const blocks = collectTextBlocks(document.body, 'eurefs-popover');
    const t0 = performance.now();
    let count = 0;
    for (const block of blocks) count += findReferences(block.text).length;
    return { count, grammarMs: performance.now() - t0 };
  },
  /** as the page scanner finds, handing what it finds on; with keep, keeping it (the list needs it) */
  async scan(keep = false) {
    const kept = [];
    let count = 0;
    const stats = { busyMs: 0, longestSliceMs: 0, slices: 0 };
    await scan(document.body, {
      ownHost: 'eurefs-popover',
      signal: new AbortController().signal,
      stats,
      defer: (found) => {
        for (const item of found) {
          count += 'link' in item ? 1 : item.references.length;
          if (keep) kept.push(item);
        }
      },
    });
    globalThis.eurefsKept = kept;
    return { count, findMs: stats.findMs, slices: stats.slices };
  },
  scanKeeping() {
    return parts.scan(true);
  },
};
globalThis.eurefsFindParts = parts;
`;

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const bundle = await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'js' }, bundle: true, write: false, format: 'iife', target: 'es2022', minify: false, keepNames: false });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(generatedHtml(PARAGRAPHS, DENSE), { waitUntil: 'load', timeout: 300_000 });
  await page.addScriptTag({ content: script });
  type Parts = Record<string, () => unknown>;
  const time = (part: string) =>
    page.evaluate(async ({ part, pattern }) => {
      const parts = (globalThis as unknown as { eurefsFindParts: Parts & { floor(p: string): number } }).eurefsFindParts;
      const t0 = performance.now();
      const result = part === 'floor' ? parts.floor(pattern) : await parts[part]!();
      return { ms: performance.now() - t0, result };
    }, { part, pattern: PATTERN_SOURCE });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const runs: Record<string, { ms: number; result: unknown }[]> = { floor: [], walk: [], grammar: [], scan: [], scanKeeping: [] };
  // The first walk creates the script's wrapper of every node it reads; the others reuse them.
  const cold = await time('walk');
  console.log(`  first walk (cold wrappers) ${cold.ms.toFixed(1)} ms`);
  // Warm: the first call compiles the grammar and the scanner's code.
  await time('grammar');
  for (let rep = 0; rep < REPS; rep++) for (const part of Object.keys(runs)) runs[part]!.push(await time(part));
  console.log(`${PARAGRAPHS} paragraphs, ${DENSE ? 'dense' : 'no references'}; medians of ${REPS}, ms:`);
  for (const [part, list] of Object.entries(runs)) console.log(`  ${part.padEnd(8)} ${median(list.map((r) => r.ms)).toFixed(1).padStart(8)}  ${JSON.stringify(list.at(-1)!.result)}`);
  const grammarMs = median(runs.grammar!.map((r) => (r.result as { grammarMs: number }).grammarMs));
  const findMs = median(runs.scan!.map((r) => (r.result as { findMs: number }).findMs));
  console.log(`  grammar alone ${grammarMs.toFixed(1)}; scan's finding slices ${findMs.toFixed(1)}; floor ${median(runs.floor!.map((r) => r.ms)).toFixed(1)}`);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await time('scan');
  const { profile } = await cdp.send('Profiler.stop');
  console.log('CPU profile of one scan, self time:');
  // The bundle is an inline script: no script name to give.
  console.log(largest(selfTimes(profile, (frame) => `${frame.functionName || '(anon)'}:${frame.lineNumber}`), 25));
  await browser.close();
}

await main();
