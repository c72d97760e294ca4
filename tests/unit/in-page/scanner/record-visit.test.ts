import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchAddress, type AddressWindow } from '../../../../in-page/scanner/address-changes';
import { recordVisits, visitKeyOf, type VisitedPage, type VisitRecording } from '../../../../in-page/scanner/record-visit';
import { viewSettled, type ScanActivity } from '../../../../in-page/scanner/view-settled';

const dom = new JSDOM('<!doctype html><html><head><title>One</title></head><body><main></main></body></html>', { url: 'https://eur-lex.europa.eu/spa/one.html' });
Object.assign(globalThis, { document: dom.window.document, MutationObserver: dom.window.MutationObserver, Node: dom.window.Node });
Object.defineProperty(globalThis, 'location', { get: () => dom.window.location, configurable: true });
const { document } = dom.window;

/** The scanner's lookups as the settle check sees them: calls begun and ended by the test. */
class FakeScans implements ScanActivity {
  private listeners = new Set<(call: { startedAt: number }) => void>();
  private running = 0;
  get busy() {
    return this.running > 0;
  }
  onResolved(listener: (call: { startedAt: number }) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** A lookup begins now; the returned function ends it. */
  begin(): () => void {
    const call = { startedAt: performance.now() };
    this.running++;
    return () => {
      this.running--;
      this.listeners.forEach((listener) => listener(call));
    };
  }
}

const TIMING = { quietMs: 600, maxWaitMs: 10_000 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.querySelector('main')!.replaceChildren();
});

async function settledAfter(ms: number, settling: Promise<void>): Promise<boolean> {
  let settled = false;
  void settling.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('a new view has settled', () => {
  it('once nothing changed for a while, when nothing changed at all', async () => {
    const settling = viewSettled(document.body, new FakeScans(), new AbortController().signal, TIMING);
    expect(await settledAfter(599, settling)).toBe(false);
    expect(await settledAfter(1, settling)).toBe(true);
  });

  it('only once the scan of added content has been looked up, however quiet the page is meanwhile', async () => {
    const scans = new FakeScans();
    const settling = viewSettled(document.body, scans, new AbortController().signal, TIMING);
    const p = document.createElement('p');
    p.textContent = 'COM(2017) 793 final';
    document.querySelector('main')!.append(p);
    // The scanner's scan: a while of finding, a long lookup.
    expect(await settledAfter(2_000, settling)).toBe(false);
    const end = scans.begin();
    expect(await settledAfter(1_000, settling)).toBe(false);
    end();
    expect(await settledAfter(0, settling)).toBe(true);
  });

  it('not on a lookup that began before the latest change', async () => {
    const scans = new FakeScans();
    const settling = viewSettled(document.body, scans, new AbortController().signal, TIMING);
    document.querySelector('main')!.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(100);
    const end = scans.begin();
    await vi.advanceTimersByTimeAsync(50);
    document.querySelector('main')!.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(50);
    end();
    expect(await settledAfter(2_000, settling)).toBe(false);
    scans.begin()();
    expect(await settledAfter(0, settling)).toBe(true);
  });

  it('at the latest after the longest wait, on a page that never stops changing', async () => {
    const settling = viewSettled(document.body, new FakeScans(), new AbortController().signal, TIMING);
    const clock = setInterval(() => (document.querySelector('main')!.textContent = String(performance.now())), 100);
    expect(await settledAfter(9_999, settling)).toBe(false);
    expect(await settledAfter(1, settling)).toBe(true);
    clearInterval(clock);
  });
});

describe("the page's address", () => {
  function fakeWindow(withNavigation: boolean) {
    const events = new EventTarget();
    const win = {
      location: { href: 'https://eur-lex.europa.eu/spa/one.html' },
      navigation: withNavigation ? new EventTarget() : undefined,
      addEventListener: (type: string, listener: () => void, options: { signal: AbortSignal }) => events.addEventListener(type, listener, options),
    };
    return { win: win as AddressWindow & typeof win, events };
  }

  it('is told on each navigation the Navigation API reports, once per new address', () => {
    const { win } = fakeWindow(true);
    const changed = vi.fn();
    watchAddress(changed, new AbortController().signal, () => () => undefined, win);
    win.location.href = 'https://eur-lex.europa.eu/spa/two.html';
    win.navigation!.dispatchEvent(new Event('currententrychange'));
    win.navigation!.dispatchEvent(new Event('currententrychange'));
    expect(changed.mock.calls).toEqual([['https://eur-lex.europa.eu/spa/two.html']]);
  });

  it('is compared on popstate, hashchange and mutation batches where the API is missing', () => {
    const { win, events } = fakeWindow(false);
    const changed = vi.fn();
    let batch: () => void = () => undefined;
    watchAddress(changed, new AbortController().signal, (listener) => ((batch = listener), () => undefined), win);
    win.location.href = 'https://eur-lex.europa.eu/spa/two.html';
    batch();
    win.location.href = 'https://eur-lex.europa.eu/spa/three.html';
    events.dispatchEvent(new Event('popstate'));
    win.location.href = 'https://eur-lex.europa.eu/spa/three.html#notes';
    events.dispatchEvent(new Event('hashchange'));
    expect(changed.mock.calls.map(([url]) => url)).toEqual([
      'https://eur-lex.europa.eu/spa/two.html',
      'https://eur-lex.europa.eu/spa/three.html',
      'https://eur-lex.europa.eu/spa/three.html#notes',
    ]);
  });

  it('is another visit when more than an anchor changes', () => {
    expect(visitKeyOf('https://eur-lex.europa.eu/a.html#section-3')).toBe(visitKeyOf('https://eur-lex.europa.eu/a.html'));
    expect(visitKeyOf('https://eur-lex.europa.eu/a.html?page=2')).not.toBe(visitKeyOf('https://eur-lex.europa.eu/a.html'));
    expect(visitKeyOf('https://eur-lex.europa.eu/app#/search')).not.toBe(visitKeyOf('https://eur-lex.europa.eu/app#/act/2018'));
    expect(visitKeyOf('https://eur-lex.europa.eu/app#!/act')).not.toBe(visitKeyOf('https://eur-lex.europa.eu/app'));
  });
});

describe('the reading history of a single-page app', () => {
  type Message = Parameters<VisitRecording['record']>[0];

  /** A page whose references and title the test sets, with an address watcher the test moves. */
  function setUp() {
    let references: { id: string; stage: string | null }[] = [{ id: 'COM(2016) 731', stage: 'adopted' }];
    let moveTo: (url: string) => void = () => undefined;
    let settle: () => void = () => undefined;
    const recorded: Message[] = [];
    const page: VisitedPage = {
      ready: Promise.resolve(),
      listReferences: () => ({
        url: dom.window.location.href,
        title: document.title,
        references: references.map(({ id, stage }) => ({ id, type: 'com', label: id, count: 1, stage: stage as 'adopted' | null, title: null })),
      }),
      mentions: () => [],
      lookups: new FakeScans(),
    };
    const recording: VisitRecording = {
      record: async (message) => void recorded.push(message),
      watchAddress: (changed) => (moveTo = changed),
      settled: () => new Promise<void>((resolve) => (settle = resolve)),
    };
    return {
      page,
      recording,
      recorded,
      navigate(url: string, title: string, next: typeof references) {
        dom.reconfigure({ url });
        moveTo(url);
        document.title = title;
        references = next;
      },
      settle: () => settle(),
      /** the page adds content later, and the scanner scans and looks it up */
      addLater(next: typeof references) {
        references = [...references, ...next];
        (page.lookups as FakeScans).begin()();
      },
      thisPage(id: string) {
        const list = page.listReferences;
        page.listReferences = () => ({ ...list(), thisPage: { id, type: 'regulation', label: id, stage: null, title: null, tracked: false } });
      },
    };
  }

  beforeEach(() => {
    dom.reconfigure({ url: 'https://eur-lex.europa.eu/spa/one.html' });
    document.title = 'One';
  });

  it('records the first view, and a new address once its view has settled, with its own title and references', async () => {
    const spa = setUp();
    recordVisits(spa.page, new AbortController().signal, spa.recording);
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => [m.url, m.title, m.references.map((r) => r.id)])).toEqual([
      ['https://eur-lex.europa.eu/spa/one.html', 'One', ['COM(2016) 731']],
    ]);

    spa.navigate('https://eur-lex.europa.eu/spa/two.html', 'Two', [{ id: 'COM(2017) 793', stage: 'proposed' }, { id: 'COM(2021) 206', stage: null }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded).toHaveLength(1);
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => [m.url, m.title, m.references.map((r) => [r.id, r.stage])])).toEqual([
      ['https://eur-lex.europa.eu/spa/one.html', 'One', [['COM(2016) 731', 'adopted']]],
      ['https://eur-lex.europa.eu/spa/two.html', 'Two', [['COM(2017) 793', 'proposed'], ['COM(2021) 206', null]]],
    ]);
  });

  it('records the visit again once references added after the first scan are marked, so the history says what the list says', async () => {
    const spa = setUp();
    recordVisits(spa.page, new AbortController().signal, spa.recording);
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded).toHaveLength(1);
    // a scan that finds nothing new: nothing sent
    (spa.page.lookups as FakeScans).begin()();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded).toHaveLength(1);
    spa.addLater([{ id: 'COM(2017) 793', stage: 'proposed' }, { id: 'JOIN(2017) 450', stage: null }]);
    await vi.advanceTimersByTimeAsync(0);
    // not before the page has settled
    expect(spa.recorded).toHaveLength(1);
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => [m.url, m.references.map((r) => r.id)])).toEqual([
      ['https://eur-lex.europa.eu/spa/one.html', ['COM(2016) 731']],
      ['https://eur-lex.europa.eu/spa/one.html', ['COM(2016) 731', 'COM(2017) 793', 'JOIN(2017) 450']],
    ]);
  });

  it('stops following the old view once the app moved to another address', async () => {
    const spa = setUp();
    recordVisits(spa.page, new AbortController().signal, spa.recording);
    await vi.advanceTimersByTimeAsync(0);
    spa.navigate('https://eur-lex.europa.eu/spa/two.html', 'Two', [{ id: 'COM(2017) 793', stage: 'proposed' }]);
    await vi.advanceTimersByTimeAsync(0);
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    spa.addLater([{ id: 'COM(2021) 206', stage: null }]);
    await vi.advanceTimersByTimeAsync(0);
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => [m.url, m.references.map((r) => r.id)])).toEqual([
      ['https://eur-lex.europa.eu/spa/one.html', ['COM(2016) 731']],
      ['https://eur-lex.europa.eu/spa/two.html', ['COM(2017) 793']],
      ['https://eur-lex.europa.eu/spa/two.html', ['COM(2017) 793', 'COM(2021) 206']],
    ]);
  });

  it('says which document the page itself is', async () => {
    const spa = setUp();
    spa.thisPage('32018R1240');
    recordVisits(spa.page, new AbortController().signal, spa.recording);
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => m.documentId)).toEqual(['32018R1240']);
  });

  it('records no new visit for the same address again or a jump to an anchor, and one for a hash route', async () => {
    const spa = setUp();
    recordVisits(spa.page, new AbortController().signal, spa.recording);
    await vi.advanceTimersByTimeAsync(0);
    spa.navigate('https://eur-lex.europa.eu/spa/one.html', 'One', [{ id: 'COM(2016) 731', stage: 'adopted' }]);
    spa.navigate('https://eur-lex.europa.eu/spa/one.html#recital-4', 'One', [{ id: 'COM(2016) 731', stage: 'adopted' }]);
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded).toHaveLength(1);
    spa.navigate('https://eur-lex.europa.eu/spa/one.html#/search', 'Search', []);
    await vi.advanceTimersByTimeAsync(0);
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => m.url)).toEqual(['https://eur-lex.europa.eu/spa/one.html', 'https://eur-lex.europa.eu/spa/one.html#/search']);
  });

  it('records only the last of addresses passed through before a view settled', async () => {
    const spa = setUp();
    recordVisits(spa.page, new AbortController().signal, spa.recording);
    await vi.advanceTimersByTimeAsync(0);
    spa.navigate('https://eur-lex.europa.eu/spa/two.html', 'Two', []);
    await vi.advanceTimersByTimeAsync(0);
    const settleTwo = spa.settle;
    spa.navigate('https://eur-lex.europa.eu/spa/three.html', 'Three', [{ id: 'COM(2018) 478', stage: 'proposed' }]);
    await vi.advanceTimersByTimeAsync(0);
    settleTwo();
    spa.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(spa.recorded.map((m) => [m.url, m.title])).toEqual([
      ['https://eur-lex.europa.eu/spa/one.html', 'One'],
      ['https://eur-lex.europa.eu/spa/three.html', 'Three'],
    ]);
  });
});
