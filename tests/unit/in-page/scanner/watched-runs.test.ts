import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_LENGTH, WatchedRuns, type RunReport } from '../../../../in-page/scanner/watched-runs';
import { installPageDom } from './page-dom';
import { TestObserver, WINDOW } from './test-observer';

beforeAll(() => {
  installPageDom();
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = TestObserver;
});

/** `count` paragraphs, split between sections where `sections` says a new one starts. */
function page(count: number, sectionsAt: number[] = []) {
  let html = '<section>';
  for (let i = 0; i < count; i++) {
    if (sectionsAt.includes(i)) html += '</section><section>';
    html += `<p id="p${i}">Paragraph ${i}</p>`;
  }
  const { document } = parseHTML(`<html><body>${html}</section></body></html>`);
  Object.defineProperty(document, 'defaultView', { value: { innerHeight: WINDOW }, configurable: true });
  return { document, blocks: [...document.querySelectorAll('p')] };
}

function watcher() {
  const reports: RunReport[] = [];
  const runs = new WatchedRuns('200% 0px', (report) => reports.push(report));
  const observer = TestObserver.last!;
  const near = () => reports.flatMap((report) => report.near.map((target) => target.id));
  return { runs, observer, reports, near };
}

describe('watching found blocks in runs', () => {
  it(`watches runs of up to ${RUN_LENGTH} neighbours of one parent at their two ends; blocks found later join the last run`, () => {
    const { blocks } = page(80, [70]);
    const { runs, observer } = watcher();
    runs.watch(blocks.slice(0, 10), () => false);
    expect(observer.ids()).toEqual(['p0', 'p9']);
    runs.watch(blocks.slice(10), () => false);
    expect(observer.ids()).toEqual(['p0', 'p31', 'p32', 'p63', 'p64', 'p69', 'p70', 'p79']);
  });

  it('reports the whole run near when either end comes near, and stops watching it once all of it is marked', () => {
    const { blocks } = page(64);
    const { runs, observer, near, reports } = watcher();
    runs.watch(blocks, () => false);
    observer.report((target) => target.id === 'p63');
    expect(near()).toEqual(blocks.slice(32).map((p) => p.id));
    // Marked but one, the end the observer reported: the run is still watched for the one left.
    for (const block of blocks.slice(33)) runs.done(block);
    expect(observer.ids()).toEqual(['p0', 'p31', 'p32', 'p63']);
    reports.length = 0;
    observer.report((target) => target.id === 'p63');
    expect(near()).toEqual(['p32']);
    runs.done(blocks[32]!);
    expect(observer.ids()).toEqual(['p0', 'p31']);
  });

  it('reports a run near whose ends lie above and below the margin: the window is on it', () => {
    const { blocks } = page(32);
    const { runs, observer, near } = watcher();
    runs.watch(blocks, () => false);
    // 32 blocks 300 px apart, the window on the 16th: the ends are 4,800 px above and 4,500 below.
    observer.reportAt((target) => (Number(target.id.slice(1)) - 16) * 300);
    expect(near()).toEqual(blocks.map((p) => p.id));
  });

  it('splits a run taller than the margins until a window anywhere on it has an end within them', () => {
    const { blocks } = page(32);
    const spacing = 700;
    const { runs, observer, near, reports } = watcher();
    runs.watch(blocks, () => false);
    // The page at its top, the run well below: each report measures what the last one split.
    const farBelow = (target: Element) => 40_000 + Number(target.id.slice(1)) * spacing;
    for (let i = 0; i < 6; i++) observer.reportAt(farBelow);
    expect(near()).toEqual([]);
    // A run of n blocks is (n - 1) × 700 + 40 px tall: at most 4 windows (3,600 px) leaves runs of 4.
    expect(observer.observed.size).toBe(16);
    // A jump to any block of the run, its top at the window's: that block is reported near.
    for (const block of blocks) {
      reports.length = 0;
      const at = Number(block.id.slice(1)) * spacing;
      observer.reportAt((target) => Number(target.id.slice(1)) * spacing - at);
      expect(near()).toContain(block.id);
    }
  });

  it('counts the ends whose first report is awaited until they report, and only for runs holding a block no box placed', () => {
    const { blocks } = page(40, [20]);
    const { runs, observer } = watcher();
    runs.watch(blocks, (target) => target.id === 'p25');
    expect(runs.unreported).toBe(2);
    observer.report(() => false);
    expect(runs.unreported).toBe(0);
  });

  it('lets go of blocks the page removed, and watches what is left of their runs at its new ends', () => {
    const { blocks } = page(10);
    const { runs, observer, near } = watcher();
    runs.watch(blocks, () => false);
    const gone = new Set<Element>([blocks[0]!, blocks[9]!, blocks[4]!]);
    runs.forget((target) => gone.has(target));
    expect(observer.ids()).toEqual(['p1', 'p8']);
    observer.report((target) => target.id === 'p8');
    expect(near()).toEqual(['p1', 'p2', 'p3', 'p5', 'p6', 'p7', 'p8']);
  });

  it('lets go of removed blocks in every run at once, the last run watched among them', () => {
    // Runs p0-p31 and p32-p39 (the last watched, with room): what is left of the first may join it.
    const { blocks } = page(40);
    const { runs, observer, near } = watcher();
    runs.watch(blocks, () => false);
    const gone = new Set<Element>([blocks[5]!, blocks[35]!]);
    runs.forget((target) => gone.has(target));
    observer.report(() => true);
    expect(near()).toHaveLength(38);
    expect(near()).not.toContain('p35');
    expect(near()).not.toContain('p5');
    for (const block of blocks) if (!gone.has(block)) runs.done(block);
    expect(observer.ids()).toEqual([]);
  });
});
