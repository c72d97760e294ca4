/**
 * Marks what the reader can see, or is about to: references found and not yet marked wait, each
 * block watched by an IntersectionObserver, until the block comes within a few screens of the
 * window, and are marked then, in slices. Every mark makes the browser lay out its paragraph
 * again, and marking a whole long document did so for text nobody looked at: 100,000 paragraphs
 * never finished. What the reader reaches without scrolling (the keyboard's next reference, a
 * line of the toolbar list) is marked on demand (markNow).
 */
import { stillThere, markFound, type Found, type Occurrence } from './scan';
import { yieldToPage } from '../yield';

/** Screens above and below the window that are marked ahead of the reader. */
export const NEAR_MARGIN = '200% 0px';

/** As the scan's slices: long enough to do real work, far below the 50 ms of a long task. */
const SLICE_MS = 8;

/** Found references waiting for their block to come near the window. */
export interface Waiting {
  readonly found: Found;
  /** the element the observer watches: the block's text's parent, or the link */
  readonly target: Element;
  marked: boolean;
}

export interface NearViewOptions {
  signal: AbortSignal;
  /** runs each marking slice (the scanner's, with its mutation observer off: our marks are not news) */
  whileMarking?: (work: () => void) => void;
  /** what each slice marked, as soon as it is marked */
  onMarked: (waiting: Waiting, occurrences: Occurrence[]) => void;
  /** the observer's margin around the window (CSS margin syntax, % of the window) */
  rootMargin?: string;
}

function targetOf(found: Found): Element | null {
  return 'link' in found ? found.link : found.block.nodes[0]!.parentElement;
}

export class NearViewMarker {
  private readonly byTarget = new Map<Element, Waiting[]>();
  private readonly observer: IntersectionObserver | null;
  /** targets near the window, whose references are to be marked next */
  private readonly queue: Element[] = [];
  private draining = false;
  /** targets observed whose first report has not come yet */
  private unreported = new Set<Element>();
  private allowed = false;
  /** markAll was called: what is found from now on is marked without waiting to be near */
  private everything = false;
  private findingDone = false;
  private readonly settledListeners: (() => void)[] = [];

  constructor(private readonly options: NearViewOptions) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: options.rootMargin ?? NEAR_MARGIN })
        : null;
    options.signal.addEventListener(
      'abort',
      () => {
        this.observer?.disconnect();
        // Switched off here: nothing will be marked, and nobody should wait for it.
        for (const resolve of this.settledListeners.splice(0)) resolve();
      },
      { once: true },
    );
  }

  /**
   * Takes found references, in page order; `took` learns what waits for each (markNow takes it)
   * before any of it is marked.
   */
  add(found: readonly Found[], took: (waiting: Waiting) => void): void {
    for (const item of found) {
      const target = targetOf(item);
      if (!target) continue;
      const waiting: Waiting = { found: item, target, marked: false };
      took(waiting);
      const list = this.byTarget.get(target);
      if (list) {
        list.push(waiting);
        continue;
      }
      this.byTarget.set(target, [waiting]);
      if (this.everything) {
        this.queue.push(target);
      } else if (this.observer) {
        this.unreported.add(target);
        this.observer.observe(target);
      } else {
        // No observer (a test's DOM): everything is near.
        this.queue.push(target);
      }
    }
    this.drain();
  }

  /** Marking may start (the reader's settings allow this site). */
  allow(): void {
    this.allowed = true;
    this.drain();
  }

  /** Everything is found: once what is near the window is marked, `settled` resolves. */
  finishFinding(): void {
    this.findingDone = true;
    this.checkSettled();
  }

  /**
   * Resolves once finding is done and every reference near the window when it was found is
   * marked; at once in a hidden tab, which renders no frame for the observer to report in.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this.settledListeners.push(resolve);
      this.checkSettled();
    });
  }

  /**
   * Marks everything found, near or not, in slices: a reader who puts every reference in the Tab
   * order must find each one a Tab stop, wherever it is.
   */
  markAll(): void {
    if (this.everything) return;
    this.everything = true;
    for (const target of this.byTarget.keys()) this.queue.push(target);
    this.drain();
  }

  /** Marks a waiting block or link now, whatever its place (the keyboard, the list). */
  markNow(waiting: Waiting): void {
    if (waiting.marked || !this.allowed) return;
    this.markTarget(waiting.target);
  }

  /** True while `waiting` can still be marked as found (the page has not changed it). */
  isLive(waiting: Waiting): boolean {
    return !waiting.marked && stillThere(waiting.found);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      this.unreported.delete(entry.target);
      if (entry.isIntersecting) this.queue.push(entry.target);
    }
    this.drain();
    this.checkSettled();
  }

  private markTarget(target: Element): void {
    const list = this.byTarget.get(target);
    if (!list) return;
    this.byTarget.delete(target);
    this.unreported.delete(target);
    this.observer?.unobserve(target);
    const run = this.options.whileMarking ?? ((work: () => void) => work());
    run(() => {
      for (const waiting of list) {
        if (waiting.marked) continue;
        waiting.marked = true;
        this.options.onMarked(waiting, markFound(waiting.found));
      }
    });
  }

  private drain(): void {
    if (this.draining || !this.allowed || this.queue.length === 0) return;
    this.draining = true;
    void (async () => {
      let next = 0;
      while (next < this.queue.length && !this.options.signal.aborted) {
        const deadline = performance.now() + SLICE_MS;
        while (next < this.queue.length && performance.now() < deadline) this.markTarget(this.queue[next++]!);
        if (next < this.queue.length) await yieldToPage();
      }
      this.queue.length = 0;
      this.draining = false;
      this.checkSettled();
    })();
  }

  private checkSettled(): void {
    if (this.settledListeners.length === 0) return;
    if (!this.findingDone && !this.options.signal.aborted) return;
    const hidden = typeof document !== 'undefined' && document.hidden;
    if (!hidden && !this.options.signal.aborted && (this.unreported.size > 0 || this.queue.length > 0 || this.draining || !this.allowed)) return;
    for (const resolve of this.settledListeners.splice(0)) resolve();
  }
}
