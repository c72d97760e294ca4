import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NearViewMarker, type Waiting } from '../../../../in-page/scanner/near-view';
import { scan, type Found, type Occurrence } from '../../../../in-page/scanner/scan';
import { installPageDom } from './page-dom';

/** An IntersectionObserver the test drives: it reports what the test says is near the window. */
class TestObserver {
  static last: TestObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: object[]) => void) {
    TestObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Reports every observed target: near where `near` says so, else below the window. */
  report(near: (target: Element) => boolean) {
    this.callback(
      [...this.observed].map((target) => ({
        target,
        isIntersecting: near(target),
        boundingClientRect: { top: near(target) ? 0 : 5000 },
        rootBounds: { bottom: 2700 },
      })),
    );
  }
}

const PAGE = `<html><body>${Array.from({ length: 6 }, (_, i) => `<p id="p${i}">Paragraph ${i} cites COM(2017) ${790 + i} final and Directive (EU) 2017/${541 + i}.</p>`).join('')}</body></html>`;

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
  const marker = new NearViewMarker({ signal: new AbortController().signal, onMarked: (_, occurrences) => marked.push(...occurrences) });
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
  it('finds every reference without touching the page, then marks only the blocks reported near', async () => {
    const { document } = parseHTML(PAGE);
    const before = document.body.innerHTML;
    const { marker, marked, waiting, found } = await findInto(document);
    expect(found).toEqual([]);
    expect(waiting).toHaveLength(6);
    expect(document.body.innerHTML).toBe(before);

    marker.allow();
    const settled = marker.settled();
    TestObserver.last!.report((target) => target.id === 'p0' || target.id === 'p1');
    await settled;
    expect(ids(document)).toEqual(['COM(2017) 790', '32017L0541', 'COM(2017) 791', '32017L0542']);
    expect(marked.map((o) => o.reference.id)).toEqual(['COM(2017) 790', '32017L0541', 'COM(2017) 791', '32017L0542']);
    // The page's text is the same, marked or not.
    expect(document.body.textContent).toBe(parseHTML(PAGE).document.body.textContent);
    // What was marked is no longer watched; the rest still is.
    expect([...TestObserver.last!.observed].map((p) => p.id)).toEqual(['p2', 'p3', 'p4', 'p5']);
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
  const marker = new NearViewMarker({ signal: new AbortController().signal, onMarked: () => undefined });
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
    expect([...TestObserver.last!.observed].map((p) => p.id)).toEqual(['p3', 'p4', 'p5']);
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

  it('does not keep the window waiting for a walk that finds nothing more', async () => {
    const { document } = parseHTML(PAGE);
    const found = await foundIn(document);
    layOut(document, 300);
    const marker = markerFor();
    marker.add(found.slice(0, 1), () => undefined);
    await marker.pace();
    expect(ids(document)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await marker.pace();
    expect(ids(document)).toEqual(['COM(2017) 790', '32017L0541']);
  });
});
