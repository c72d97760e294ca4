/**
 * What a mark costs the page, by kind of mark: a `<span>` in the text, as Eurefs marks now; a
 * range in a CSS custom highlight (`CSS.highlights`), which the browser paints over the text
 * without a change to the document; or a box over the text in a layer outside the page's flow. The span makes Chromium lay out again the container it is in,
 * which on a page of 100,000 paragraphs in one container is most of a second (docs/performance.md);
 * this measures whether a highlight escapes that, on the benchmark's dense generated pages.
 *
 *   npx tsx scripts/bench/mark-kinds.ts [--sizes 1000,10000,100000] [--reps 5]
 *
 * Per size and kind, medians over the repetitions, each on a fresh page: one mark near the top and
 * the frames until it is on screen; a thousand marks at once (the references of the first
 * paragraphs); and, for highlights, finding the reference under a point, which a highlight needs
 * for hover since it has no element to listen on.
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../launch-browser';
import { generatedHtml, PATTERN_FLAGS, PATTERN_SOURCE } from './pages';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const REPS = Number(option('--reps') ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Sample {
  /** the mark made and the layout read at once: what a script pays in its own task */
  markAndLayoutMs: number;
  /** from the mark to the end of the second frame after it: what the reader waits for */
  toScreenMs: number;
  /** the same for one mark more, once the first ones are on screen: what each later band pays */
  nextToScreenMs: number;
  /** two frames with no change at all, the floor of the two figures before */
  idleFramesMs: number;
}

/** Runs in the page: marks `count` matches of the peers' expression, as spans or as one highlight. */
async function markInPage(page: Page, kind: 'span' | 'highlight' | 'overlay', count: number): Promise<Sample> {
  return page.evaluate(
    async ({ kind, count, source, flags }) => {
      const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      await frames();
      const container = document.querySelector('.eli-container')!;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      const expression = new RegExp(source, flags);
      const found: { node: Text; start: number; end: number }[] = [];
      // Skip the first paragraphs, which the top of any container is not representative of.
      let skip = 20;
      let node = walker.nextNode() as Text | null;
      for (; node && found.length < count; node = walker.nextNode() as Text | null) {
        if (skip-- > 0) continue;
        expression.lastIndex = 0;
        for (let m = expression.exec(node.data); m && found.length < count; m = expression.exec(node.data)) {
          found.push({ node, start: m.index, end: m.index + m[0].length });
        }
      }
      // The later mark: a match in a text node well after the others, which their spans do not split.
      for (let gap = 50; node && gap > 0; gap--) node = walker.nextNode() as Text | null;
      for (; node && found.length === count; node = walker.nextNode() as Text | null) {
        expression.lastIndex = 0;
        const m = expression.exec(node.data);
        if (m) found.push({ node, start: m.index, end: m.index + m[0].length });
      }
      const style = document.createElement('style');
      style.textContent = '::highlight(eurefs) { text-decoration: underline dotted; } span.euref { text-decoration: underline dotted; }';
      document.head.append(style);
      void document.body.offsetHeight;
      await frames();

      const later = found.pop()!;
      const idle = performance.now();
      await frames();
      const idleFramesMs = performance.now() - idle;
      const highlight = new Highlight();
      const mark = (matches: typeof found) => {
        if (kind === 'span') {
          // Last first, so that splitting a text node leaves the earlier offsets where they were.
          for (const { node, start, end } of [...matches].reverse()) {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, end);
            const span = document.createElement('span');
            span.className = 'euref';
            range.surroundContents(span);
          }
        } else if (kind === 'overlay') {
          // Boxes over the text in a layer of their own, outside the page's flow.
          let layer = document.getElementById('eurefs-overlay');
          if (!layer) {
            layer = document.createElement('div');
            layer.id = 'eurefs-overlay';
            layer.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;contain:layout style';
            document.documentElement.append(layer);
          }
          const range = document.createRange();
          const boxes: HTMLElement[] = [];
          for (const { node, start, end } of matches) {
            range.setStart(node, start);
            range.setEnd(node, end);
            for (const rect of range.getClientRects()) {
              const box = document.createElement('div');
              box.style.cssText = `position:absolute;left:${rect.left + scrollX}px;top:${rect.top + scrollY}px;width:${rect.width}px;height:${rect.height}px;border-bottom:1px dotted currentColor`;
              boxes.push(box);
            }
          }
          layer.append(...boxes);
        } else {
          for (const { node, start, end } of matches) highlight.add(new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }));
          if (!CSS.highlights.has('eurefs')) CSS.highlights.set('eurefs', highlight);
        }
      };
      const t0 = performance.now();
      mark(found);
      void document.body.offsetHeight;
      const t1 = performance.now();
      await frames();
      const t2 = performance.now();
      // The later match's node may have been split by the spans before it only if it shares one.
      mark([later]);
      void document.body.offsetHeight;
      await frames();
      return { markAndLayoutMs: t1 - t0, toScreenMs: t2 - t0, nextToScreenMs: performance.now() - t2, idleFramesMs };
    },
    { kind, count, source: PATTERN_SOURCE, flags: PATTERN_FLAGS },
  );
}

/** Runs in the page: the time to find which highlighted range, if any, is under each of 200 points. */
async function hitTestInPage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('eurefs');
    if (!highlight) throw new Error('no highlight');
    // The ranges by text node: the lookup a hover would make, once per pointer move.
    const byNode = new Map<Node, AbstractRange[]>();
    for (const range of highlight) {
      const list = byNode.get(range.startContainer) ?? [];
      list.push(range as AbstractRange);
      byNode.set(range.startContainer, list);
    }
    const t0 = performance.now();
    let hits = 0;
    for (let i = 0; i < 200; i++) {
      const x = 20 + ((i * 37) % Math.max(1, innerWidth - 40));
      const y = 20 + ((i * 53) % Math.max(1, innerHeight - 40));
      const caret = document.caretPositionFromPoint(x, y);
      if (!caret) continue;
      const ranges = byNode.get(caret.offsetNode);
      if (ranges?.some((range) => range.startOffset <= caret.offset && caret.offset < range.endOffset)) hits++;
    }
    const perPoint = (performance.now() - t0) / 200;
    return hits >= 0 ? perPoint : NaN;
  });
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows: Record<string, string | number>[] = [];
  for (const size of SIZES) {
    const html = generatedHtml(size, true);
    const results: Record<string, number[]> = {};
    const add = (key: string, value: number) => (results[key] ??= []).push(value);
    for (let rep = 0; rep < REPS; rep++) {
      for (const kind of ['span', 'highlight', 'overlay'] as const) {
        for (const count of [1, 1000]) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
          // tsx names the functions it compiles with a __name helper; page.evaluate carries them over.
          await page.evaluate('globalThis.__name ??= (f) => f');
          const sample = await markInPage(page, kind, count);
          add(`${kind} ${count} mark+layout`, sample.markAndLayoutMs);
          add(`${kind} ${count} to screen`, sample.toScreenMs);
          add(`${kind} ${count} then 1 more to screen`, sample.nextToScreenMs);
          add('2 idle frames', sample.idleFramesMs);
          if (kind === 'highlight' && count === 1000) add('hit test µs/point', (await hitTestInPage(page)) * 1000);
          await page.close();
        }
      }
    }
    const row: Record<string, string | number> = { paragraphs: size };
    for (const [key, values] of Object.entries(results)) row[key] = Math.round(median(values) * 10) / 10;
    rows.push(row);
    console.error(`[mark-kinds] ${size} paragraphs:`, JSON.stringify(row));
  }
  await browser.close();
  console.table(rows);
}

await main();
