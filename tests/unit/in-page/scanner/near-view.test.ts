import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NearViewMarker, type Waiting } from '../../../../in-page/scanner/near-view';
import { scan, type Found, type Occurrence } from '../../../../in-page/scanner/scan';
import { installPageDom } from './page-dom';
import { TestObserver } from './test-observer';

const paragraphs = (count: number) =>
  `<html><body>${Array.from({ length: count }, (_, i) => `<p id="p${i}">Paragraph ${i} cites COM(2017) ${790 + i} final and Directive (EU) 2017/${541 + i}.</p>`).join('')}</body></html>`;
const PAGE = paragraphs(6);
/** Three runs of blocks (watched-runs.ts): p0-p31, p32-p63, p64-p69. */
const LONG_PAGE = paragraphs(70);

beforeAll(() => {
  installPageDom();
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = TestObserver;
});

afterEach(() => {
  TestObserver.last = null;
});

/** Finds everything in `document` and hands it to a marker, as the page scanner does. */
async function findInto(document: Document) {
  const marked: Occurrence[] = [];
  const waiting: Waiting[] = [];
  const marker = new NearViewMarker({ signal: new AbortController().signal, ownHost: 'eurefs-popover', onMarked: (_, occurrences) => marked.push(...occurrences) });
  const found = await scan(document.body, {
    ownHost: 'eurefs-popover',
    signal: new AbortController().signal,
    defer: (items: Found[]) => marker.add(items, (w) => waiting.push(w)),
  });
  marker.finishFinding();
  return { marker, marked, waiting, found };
}

const ids = (document: Document) => [...document.querySelectorAll('[data-euref]')].map((mark) => mark.getAttribute('data-euref'));

describe('marking what is near the window', () => {
  it('finds every reference without touching the page, then marks only the runs of blocks reported near', async () => {
    const { document } = parseHTML(LONG_PAGE);
    const before = document.body.innerHTML;
    const { marker, marked, waiting, found } = await findInto(document);
    expect(found).toEqual([]);
    expect(waiting).toHaveLength(70);
    expect(document.body.innerHTML).toBe(before);
    // Each run is watched at its two ends.
    expect(TestObserver.last!.ids()).toEqual(['p0', 'p31', 'p32', 'p63', 'p64', 'p69']);

    marker.allow();
    const settled = marker.settled();
    TestObserver.last!.report((target) => target.id === 'p63');
    await settled;
    const second = Array.from({ length: 32 }, (_, i) => [`COM(2017) ${822 + i}`, `32017L0${573 + i}`]).flat();
    expect(ids(document)).toEqual(second);
    expect(marked.map((o) => o.reference.id)).toEqual(second);
    // The page's text is the same, marked or not.
    expect(document.body.textContent).toBe(parseHTML(LONG_PAGE).document.body.textContent);
    // A run marked is no longer watched; the rest still are.
    expect(TestObserver.last!.ids()).toEqual(['p0', 'p31', 'p64', 'p69']);
  });

  it('marks a far block at once when the keyboard or the list goes to it, and nothing before the settings allow it', async () => {
    const { document } = parseHTML(PAGE);
    const { marker, waiting } = await findInto(document);
    const far = waiting.find((w) => w.target.id === 'p4')!;
    marker.markNow(far);
    expect(ids(document)).toEqual([]);
    marker.allow();
    marker.markNow(far);
    expect(ids(document)).toEqual(['COM(2017) 794', '32017L0545']);
    expect(marker.isLive(far)).toBe(false);
    expect(marker.isLive(waiting.find((w) => w.target.id === 'p5')!)).toBe(true);
  });

  it('marks everything where the reader put every reference in the Tab order', async () => {
    const { document } = parseHTML(PAGE);
    const { marker } = await findInto(document);
    marker.allow();
    marker.markAll();
    await marker.settled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids(document)).toHaveLength(12);
  });

  it('settles on a page with nothing to mark once the settings allow marking, whenever they come', async () => {
    const { document } = parseHTML('<html><body><p>Nothing to see.</p></body></html>');
    const { marker } = await findInto(document);
    let settled = false;
    void marker.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    marker.allow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(true);
  });

  it('lets go of blocks the page removed before they were marked', async () => {
    const { document } = parseHTML(PAGE);
    const { marker, waiting } = await findInto(document);
    document.getElementById('p2')!.remove();
    marker.forgetDetached();
    expect(marker.isLive(waiting.find((w) => w.target.id === 'p2')!)).toBe(false);
    expect([...TestObserver.last!.observed].map((p) => p.id)).not.toContain('p2');
  });
});

describe('blocks found past what is near', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
    vi.restoreAllMocks();
  });

  /** p0-p2 lie within the margin, p3 below it: from p3 on, finding has gone past what is near. */
  async function pastTheWindow() {
    const window = new EventTarget();
    (globalThis as { window?: unknown }).window = window;
    const { document } = parseHTML(LONG_PAGE);
    const found = await foundIn(document);
    layOut(document);
    const marker = markerFor();
    return { window, found, marker, document };
  }

  it('are handed to the observer when the reader scrolls or resizes the window, and when finding ends', async () => {
    const { window, found, marker, document } = await pastTheWindow();
    marker.add(found.slice(0, 10), () => undefined);
    expect(ids(document)).toHaveLength(6);
    // Nothing watched yet: every observe() would cost the page a frame and an intersection pass.
    expect(TestObserver.last!.ids()).toEqual([]);
    window.dispatchEvent(new Event('scroll'));
    expect(TestObserver.last!.ids()).toEqual(['p3', 'p9']);
    marker.add(found.slice(10, 20), () => undefined);
    expect(TestObserver.last!.ids()).toEqual(['p3', 'p9']);
    window.dispatchEvent(new Event('resize'));
    // One run still: those found later joined it.
    expect(TestObserver.last!.ids()).toEqual(['p3', 'p19']);
    marker.add(found.slice(20), () => undefined);
    marker.finishFinding();
    expect(TestObserver.last!.ids()).toEqual(['p3', 'p34', 'p35', 'p66', 'p67', 'p69']);
    TestObserver.last!.report((target) => target.id === 'p69');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ids(document).slice(-2)).toEqual(['COM(2017) 859', '32017L0610']);
  });

  it('are handed over at least every second while finding goes on, and what was marked meanwhile is not', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { found, marker, document } = await pastTheWindow();
    marker.add(found.slice(0, 10), () => undefined);
    now = 400;
    marker.add(found.slice(10, 20), () => undefined);
    expect(TestObserver.last!.ids()).toEqual([]);
    // The keyboard went to p20: marked, it is not watched.
    const waiting: Waiting[] = [];
    marker.add(found.slice(20, 21), (w) => waiting.push(w));
    marker.markNow(waiting[0]!);
    expect(document.getElementById('p20')!.querySelector('[data-euref]')).not.toBeNull();
    now = 1000;
    marker.add(found.slice(21, 30), () => undefined);
    expect(TestObserver.last!.ids()).toEqual(['p3', 'p29']);
    TestObserver.last!.report((target) => target.id === 'p3');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // p0 to p29 marked, p20 once.
    expect(ids(document)).toHaveLength(60);
    expect(document.getElementById('p20')!.querySelectorAll('[data-euref]')).toHaveLength(2);
  });
});

/** Lays the page's paragraphs out `spacing` px apart in a 1280 × 900 window; notes the boxes read. */
function layOut(document: Document, spacing = 1000) {
  const reads: string[] = [];
  Object.defineProperty(document, 'defaultView', { value: { innerWidth: 1280, innerHeight: 900 }, configurable: true });
  for (const [i, p] of [...document.querySelectorAll('p')].entries()) {
    p.getBoundingClientRect = () => {
      reads.push(p.id);
      const top = i * spacing;
      return { top, bottom: top + 40, left: 0, right: 800, width: 800, height: 40, x: 0, y: top, toJSON: () => ({}) };
    };
  }
  return reads;
}

async function foundIn(document: Document): Promise<Found[]> {
  const found: Found[] = [];
  await scan(document.body, { ownHost: 'eurefs-popover', signal: new AbortController().signal, defer: (items) => found.push(...items) });
  return found;
}

const markerFor = () => {
  const marker = new NearViewMarker({ signal: new AbortController().signal, ownHost: 'eurefs-popover', onMarked: () => undefined });
  marker.allow();
  return marker;
};

describe('the first screen at load', () => {
  it('marks the blocks whose boxes lie near the window without waiting for the observer, once the settings allow it', async () => {
    const { document } = parseHTML(PAGE);
    const reads = layOut(document);
    const { marker } = await findInto(document);
    // Within two screens of a 900 px window: p0, p1 and p2; p3 is the first below, and the boxes after it are not read.
    expect(reads).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(ids(document)).toEqual([]);
    marker.allow();
    expect(ids(document)).toEqual(['COM(2017) 790', '32017L0541', 'COM(2017) 791', '32017L0542', 'COM(2017) 792', '32017L0543']);
    // The rest waits for the reader's scroll; the observer's first report is awaited only for what no box told.
    expect(TestObserver.last!.ids()).toEqual(['p3', 'p5']);
    const settled = marker.settled();
    TestObserver.last!.report(() => false);
    await settled;
    expect(ids(document)).toHaveLength(6);
  });

  it('marks the window once finding has gone past its bottom, and reads no box after that: the observer tells the rest', async () => {
    const { document } = parseHTML(PAGE);
    const found = await foundIn(document);
    // p0 to p3 in the 900 px window, p4 just below it, p5 two screens further
    const reads = layOut(document, 300);
    const marker = markerFor();
    marker.add(found.slice(0, 2), () => undefined);
    expect(ids(document)).toEqual([]);
    marker.add(found.slice(2, 5), () => undefined);
    expect(ids(document)).toHaveLength(10);
    marker.add(found.slice(5), () => undefined);
    expect(reads).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(ids(document)).toHaveLength(10);
    TestObserver.last!.report((target) => target.id === 'p5');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ids(document)).toHaveLength(12);
  });

  it("marks the window's own blocks in one slice, however long they take, and what lies below it in slices", async () => {
    const { document } = parseHTML(paragraphs(12));
    const found = await foundIn(document);
    // p0 to p9 in the 900 px window (p9's top at its bottom edge), p10 and p11 in the two screens below it
    layOut(document, 100);
    const marker = markerFor();
    // Each reading of the clock 5 ms later: a slice's 8 ms end after the second mark.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
    try {
      marker.add(found, () => undefined);
      marker.finishFinding();
      // Before the first slice yields: all ten of the window, and none of those below, whose slice's time is long gone.
      expect(ids(document)).toEqual(Array.from({ length: 10 }, (_, i) => [`COM(2017) ${790 + i}`, `32017L0${541 + i}`]).flat());
    } finally {
      now.mockRestore();
    }
  });

  it('lets the window go as soon as the walk has read past its bottom, however little it found there', async () => {
    const { document } = parseHTML(PAGE);
    const found = await foundIn(document);
    // p0 to p3 in the 900 px window, p4 just below it
    const reads = layOut(document, 300);
    const marker = markerFor();
    marker.add(found.slice(0, 1), () => undefined);
    await marker.pace(document.getElementById('p2'));
    expect(ids(document)).toEqual([]);
    await marker.pace(document.getElementById('p4'));
    expect(ids(document)).toEqual(['COM(2017) 790', '32017L0541']);
    expect(reads).toEqual(['p0', 'p2', 'p4']);
  });

  it("counts the hold in the walk's own time, not in the page's frames between its slices", async () => {
    const { document } = parseHTML(PAGE);
    const found = await foundIn(document);
    layOut(document, 300);
    // p5 has no box yet: watched, and the walk's next yield waits for the observer's report.
    document.getElementById('p5')!.getBoundingClientRect = () => ({ top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) });
    const marker = markerFor();
    marker.add([found[0]!, found.at(-1)!], () => undefined);
    // The walk yields, and the page renders a long frame before the report gives it the thread back.
    const paced = marker.pace(document.getElementById('p1'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    TestObserver.last!.report(() => false);
    await paced;
    await marker.pace(document.getElementById('p2'));
    expect(ids(document)).toEqual([]);
    // More than HOLD_MS of walking without reaching the window's bottom (blocks laid out out of order): let go.
    await new Promise((resolve) => setTimeout(resolve, 110));
    await marker.pace(document.getElementById('p1'));
    expect(ids(document)).toEqual(['COM(2017) 790', '32017L0541']);
  });

  it('does not keep the window waiting for a walk that finds nothing more', async () => {
    const { document } = parseHTML(PAGE);
    const found = await foundIn(document);
    layOut(document, 300);
    const marker = markerFor();
    marker.add(found.slice(0, 1), () => undefined);
    await marker.pace();
    expect(ids(document)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 110));
    await marker.pace();
    expect(ids(document)).toEqual(['COM(2017) 790', '32017L0541']);
  });
});
