/**
 * Marks what the reader can see, or is about to: references found and not yet marked wait, their
 * blocks watched in runs (watched-runs.ts), until the block comes within a few screens of the
 * window, and are marked then, in slices. Every mark makes the browser lay out its paragraph
 * again, and marking a whole long document did so for text nobody looked at: 100,000 paragraphs
 * never finished. What the reader reaches without scrolling (the keyboard's next reference, a
 * line of the toolbar list) is marked on demand (markNow).
 */
import { stillThere, markFound, type Found, type Occurrence } from './scan';
import { yieldToPage } from '../yield';
import { renderTimeOfNextFrame } from './frame-cost';
import { NEAR_SCREENS, placeInView } from './place-in-view';
import { WatchedRuns, type RunReport } from './watched-runs';

/** Screens above and below the window that are marked ahead of the reader. */
export const NEAR_MARGIN = `${NEAR_SCREENS * 100}% 0px`;

/** The longest finding waits for the observer's report of what it found (pace). */
const REPORT_WAIT_MS = 100;
/**
 * The longest the window's blocks, found and placed by their boxes, wait for finding to reach the
 * window's bottom (holding), counted in finding's own slices. The walk's position ends the wait as
 * a rule (pace); this, where the blocks it reads are not laid out in page order (a fixed box,
 * columns). It was 30 ms of wall time: the grammar's first calls, which compile it (15-45 ms), and
 * the page's own frame after parsing (100-190 ms on 100,000 paragraphs) ended the wait before the
 * walk had read the window, and the window's later blocks then waited for the observer's report
 * after the frame that lays out the first marks (0.5-1 s there; 2 of 8 loads).
 */
const HOLD_MS = 100;

/**
 * Once finding has gone past what is near, the blocks it finds are handed to the observer at most
 * this often, or at once when the reader scrolls or resizes the window. Each `observe()` makes
 * the browser render a frame and compute the intersection of everything the observer watches:
 * handed over after every slice, on 100,000 dense paragraphs, 366 such computations (1.2 s) and
 * 183 frames (0.5 s) were a third of the list's 5.4 s (scripts/bench/list-span.ts). A block the
 * page lays out out of order (a fixed box, columns) and puts near the window waits for its marks
 * about this long more, at most until finding ends.
 */
const WATCH_EVERY_MS = 1000;

/** As the scan's slices: long enough to do real work, far below the 50 ms of a long task. */
const SLICE_MS = 8;
/**
 * Any mark makes Chromium lay out again every block beside the marked one in its container:
 * on 100,000 paragraphs in one container, one mark costs the next frame 0.6-0.9 s of layout, on
 * 10,000 20-50 ms, on 1,000 1-3 ms (measured by wrapping one word and reading offsetHeight).
 * So where the frame after a marking slice is long, marking a screen per frame as the reader
 * scrolls would pay that layout once a frame: each slice goes on past what is near, to the
 * blocks that follow, for as long as that frame took, so that the layout is paid once per band
 * of about as much marking as it costs, and the whole page costs at most twice its marking.
 * The measure is the shortest of those frames so far (a busy machine only lengthens one), taken
 * once there are two. Capped so that a band stays one task a reader can wait for.
 */
const MAX_BAND_MS = 400;

/** Found references waiting for their block to come near the window. */
export interface Waiting {
  readonly found: Found;
  /** the element the observer watches: the block's text's parent, or the link */
  readonly target: Element;
  marked: boolean;
}

export interface NearViewOptions {
  signal: AbortSignal;
  /** the tag of Eurefs' own host element, which a block's nodes, read again, leave out as the walk did */
  ownHost: string;
  /** runs each marking slice (the scanner's, with its mutation observer off: our marks are not news) */
  whileMarking?: (work: () => void) => void;
  /** what each slice marked, as soon as it is marked */
  onMarked: (waiting: Waiting, occurrences: Occurrence[]) => void;
  /** the observer's margin around the window (CSS margin syntax, % of the window) */
  rootMargin?: string;
}

/** A hidden tab renders no frame: no observer report, no frame to measure, comes there. */
const isHidden = () => typeof document !== 'undefined' && document.hidden === true;

function targetOf(found: Found): Element | null {
  return 'link' in found ? found.link : found.block.first.parentElement;
}

export class NearViewMarker {
  private readonly byTarget = new Map<Element, Waiting[]>();
  private readonly runs: WatchedRuns | null;
  /** targets near the window, whose references are to be marked next */
  private readonly queue: Element[] = [];
  /**
   * Targets whose boxes lay in the window at load (placeInView), marked in one slice: after each
   * marking slice the drain waits for the next frame, which on 100,000 paragraphs in one
   * container lays the container out again after the first marks (0.8-1 s), and the window's
   * last marks waited for that frame in 2 of 8 loads there.
   */
  private readonly inWindow = new Set<Element>();
  private draining = false;
  private allowed = false;
  /** markAll was called: what is found from now on is marked without waiting to be near */
  private everything = false;
  private findingDone = false;
  private readonly settledListeners: (() => void)[] = [];
  /** the observer reported a block below the margin: finding has gone past what is near */
  private passedNear = false;
  private readonly reportListeners: (() => void)[] = [];
  /** every target in page order, and each one's place there (for the band after a near one) */
  private readonly order: Element[] = [];
  private readonly placeOf = new Map<Element, number>();
  /** how long a marking slice may run: longer where the frame after one is long (MAX_BAND_MS) */
  private bandMs = SLICE_MS;
  /**
   * The shortest frame after a short marking slice so far, and how many there were: a frame the
   * machine's other work delayed is longer, never shorter, so the least of them is the layout's.
   */
  private frameFloorMs = Infinity;
  private framesMeasured = 0;
  /**
   * Nothing marked yet: the page's layout is as the browser left it, and a block's box is read
   * without a layout of its own (placeInView), so what is found near the window is marked at once
   * instead of after the frame the observer first reports in. Once a mark is in, a box read would
   * lay the container out again (20-50 ms on 10,000 paragraphs), so the observer alone decides.
   */
  private readsBoxes: boolean;
  /**
   * While boxes are read, marking waits until finding has gone past the window's bottom: the first
   * mark ends the reading of boxes, and the window's later blocks would wait for the observer.
   */
  private holding: boolean;
  /** finding's time since the first block placed near by its box was queued (HOLD_MS); null: none queued */
  private heldFor: number | null = null;
  /** when finding last got the thread back from pace */
  private resumedAt: number | null = null;
  /** found past what is near, not yet handed to the observer (WATCH_EVERY_MS), and since when */
  private unwatched: Element[] = [];
  private readonly unwatchedAwaited = new Set<Element>();
  private unwatchedSince: number | null = null;
  /** aborted once finding ends (or the scanner stops): the scroll and resize listeners go */
  private readonly whileFinding = new AbortController();

  constructor(private readonly options: NearViewOptions) {
    this.runs =
      typeof IntersectionObserver === 'function' ? new WatchedRuns(options.rootMargin ?? NEAR_MARGIN, (report) => this.onReport(report)) : null;
    this.readsBoxes = this.runs !== null && options.rootMargin === undefined;
    this.holding = this.readsBoxes;
    if (this.runs && typeof window !== 'undefined') {
      // The reader moves toward blocks found and not yet watched: they are watched now. Until
      // finding ends, after which nothing is kept back.
      const watchNow = () => this.watchUnwatched();
      for (const type of ['scroll', 'resize'])
        window.addEventListener(type, watchNow, { capture: true, passive: true, signal: this.whileFinding.signal });
    }
    options.signal.addEventListener(
      'abort',
      () => {
        this.whileFinding.abort();
        this.runs?.disconnect();
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
    const watched: Element[] = [];
    const awaited = new Set<Element>();
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
      this.placeOf.set(target, this.order.length);
      this.order.push(target);
      if (this.everything) {
        this.queue.push(target);
      } else if (this.runs) {
        const place = this.readsBoxes ? this.placeOfBox(target) : null;
        if (place === 'after-window' || place === 'below') this.holding = false;
        if (place === 'before-window' || place === 'window' || place === 'after-window') {
          this.heldFor ??= 0;
          this.queue.push(target);
          if (place !== 'after-window') this.inWindow.add(target);
          continue;
        }
        if (place === 'below') {
          // In page order, what comes after is further down still: the observer tells the exceptions.
          this.passedNear = true;
          this.readsBoxes = false;
        }
        // Known not near: watched for the reader's scroll, but nothing waits for its first report.
        if (place === null) awaited.add(target);
        watched.push(target);
      } else {
        // No observer (a test's DOM): everything is near.
        this.queue.push(target);
      }
    }
    if (this.runs && watched.length) {
      // Before finding has passed what is near nothing is kept back (passedNear stays set).
      if (!this.passedNear) this.runs.watch(watched, (target) => awaited.has(target));
      else {
        for (const target of watched) this.unwatched.push(target);
        for (const target of awaited) this.unwatchedAwaited.add(target);
        const now = performance.now();
        this.unwatchedSince ??= now;
        if (now - this.unwatchedSince >= WATCH_EVERY_MS) this.watchUnwatched();
      }
    }
    this.drain();
  }

  /** Hands the observer what finding found past the near blocks and kept back (WATCH_EVERY_MS). */
  private watchUnwatched(): void {
    if (!this.runs || this.unwatched.length === 0) return;
    // Marked meanwhile (the keyboard, the list) or removed by the page: nothing to watch for.
    const targets = this.unwatched.filter((target) => this.byTarget.has(target));
    const awaited = this.unwatchedAwaited;
    this.unwatched = [];
    this.unwatchedSince = null;
    this.runs.watch(targets, (target) => awaited.has(target));
    awaited.clear();
  }

  /** Marking may start (the reader's settings allow this site). */
  allow(): void {
    this.allowed = true;
    this.drain();
    // Nothing to mark (a page without references): settled waited only for this.
    this.checkSettled();
  }

  /** Everything is found: once what is near the window is marked, `settled` resolves. */
  finishFinding(): void {
    this.findingDone = true;
    this.watchUnwatched();
    this.whileFinding.abort();
    this.release();
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
    this.holding = false;
    for (const target of this.byTarget.keys()) this.queue.push(target);
    this.drain();
  }

  /** Marks a waiting block or link now, whatever its place (the keyboard, the list). */
  markNow(waiting: Waiting): void {
    if (waiting.marked || !this.allowed) return;
    this.markTarget(waiting.target);
    // What the boxes placed near and held (holding) is marked now too.
    this.drain();
  }

  /** Lets go of what waits in blocks the page removed: a live feed must not keep its old copies. */
  forgetDetached(): void {
    for (const target of this.byTarget.keys()) if (!target.isConnected) this.byTarget.delete(target);
    this.watchUnwatched();
    this.runs?.forget((target) => !this.byTarget.has(target));
    let kept = 0;
    this.placeOf.clear();
    for (const target of this.order) {
      if (!this.byTarget.has(target)) continue;
      this.placeOf.set(target, kept);
      this.order[kept++] = target;
    }
    this.order.length = kept;
    this.checkSettled();
  }

  /** True while `waiting` can still be marked as found (the page has not changed it). */
  isLive(waiting: Waiting): boolean {
    return !waiting.marked && stillThere(waiting.found);
  }

  /**
   * How finding gives the page the thread back. While what it finds may be near the window, it
   * waits for the observer's next report (after the next frame), so that the first screen is
   * marked before the rest of the page is read: finding's slices, queued back to back, would
   * otherwise hold off the frames the observer reports in, and the first screen would wait for
   * most of the page's text to be read. Once the observer has seen a block below the margin, a
   * plain yield.
   */
  pace(walkedTo: Element | null = null): Promise<void> {
    if (this.holding) this.holdOrRelease(walkedTo);
    const resumed = () => {
      this.resumedAt = performance.now();
    };
    return this.paced().then(resumed);
  }

  /**
   * While the window's blocks are held: let go once the walk has read past the window's bottom
   * (its last block's box, read while nothing is marked yet and so without a layout of its own),
   * or has spent HOLD_MS of its own since the first was held.
   */
  private holdOrRelease(walkedTo: Element | null): void {
    if (this.heldFor !== null && this.resumedAt !== null) this.heldFor += performance.now() - this.resumedAt;
    if (walkedTo && this.readsBoxes) {
      const place = this.placeOfBox(walkedTo);
      if (place === 'after-window' || place === 'below') {
        this.release();
        return;
      }
    }
    if (this.heldFor !== null && this.heldFor >= HOLD_MS) this.release();
  }

  private paced(): Promise<void> {
    const hidden = isHidden();
    if (this.passedNear || !this.runs || hidden || this.runs.unreported === 0) return yieldToPage();
    return new Promise((resolve) => {
      // A frame that never comes (a tab hidden meanwhile) must not stop the scan.
      const timer = setTimeout(resolve, REPORT_WAIT_MS);
      this.reportListeners.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Ends the hold on marking what the boxes placed near (holding). */
  private release(): void {
    this.holding = false;
    this.drain();
  }

  /** Where `target`'s box lies against the window, read now (readsBoxes). */
  private placeOfBox(target: Element): ReturnType<typeof placeInView> {
    const view = target.ownerDocument.defaultView;
    if (!view) return null;
    return placeInView(target.getBoundingClientRect(), view.innerWidth, view.innerHeight);
  }

  private onReport({ near, below }: RunReport): void {
    for (const target of near) this.queue.push(target);
    if (below) this.passedNear = true;
    for (const listener of this.reportListeners.splice(0)) listener();
    this.drain();
    this.checkSettled();
  }

  private markTarget(target: Element): void {
    const list = this.byTarget.get(target);
    if (!list) return;
    this.byTarget.delete(target);
    this.placeOf.delete(target);
    this.runs?.done(target);
    this.readsBoxes = false;
    this.holding = false;
    const run = this.options.whileMarking ?? ((work: () => void) => work());
    run(() => {
      for (const waiting of list) {
        if (waiting.marked) continue;
        waiting.marked = true;
        this.options.onMarked(waiting, markFound(waiting.found, this.options.ownHost));
      }
    });
  }

  private drain(): void {
    if (this.draining || !this.allowed || this.holding || this.queue.length === 0) return;
    this.draining = true;
    void (async () => {
      let next = 0;
      while (next < this.queue.length && !this.options.signal.aborted) {
        const sliceStart = performance.now();
        const deadline = sliceStart + this.bandMs;
        let last = -1;
        while (next < this.queue.length && (performance.now() < deadline || this.inWindow.has(this.queue[next]!))) {
          const target = this.queue[next++]!;
          this.inWindow.delete(target);
          last = Math.max(last, this.placeOf.get(target) ?? -1);
          this.markTarget(target);
        }
        // Where layout is dear, the band goes on past the last near block (MAX_BAND_MS).
        if (this.bandMs > SLICE_MS && last >= 0) {
          for (let i = last + 1; i < this.order.length && performance.now() < deadline; i++) {
            const target = this.order[i]!;
            if (this.byTarget.has(target)) this.markTarget(target);
          }
        }
        if (next === this.queue.length) {
          this.queue.length = 0;
          next = 0;
        }
        // Only a short slice's frame tells the document's part of the layout: a band's own
        // paragraphs would make the next band longer, and that one's frame longer still.
        const short = performance.now() - sliceStart <= SLICE_MS * 1.5;
        const frameMs = isHidden() ? null : await renderTimeOfNextFrame();
        if (frameMs === null) await yieldToPage();
        else if (short) {
          this.frameFloorMs = Math.min(this.frameFloorMs, frameMs);
          // One frame alone may be a moment the machine was busy elsewhere.
          if (++this.framesMeasured >= 2) this.bandMs = Math.min(MAX_BAND_MS, Math.max(SLICE_MS, this.frameFloorMs));
        }
      }
      this.queue.length = 0;
      this.draining = false;
      this.checkSettled();
    })();
  }

  private checkSettled(): void {
    if (this.settledListeners.length === 0) return;
    if (!this.findingDone && !this.options.signal.aborted) return;
    const hidden = isHidden();
    if (!hidden && !this.options.signal.aborted && ((this.runs?.unreported ?? 0) > 0 || this.queue.length > 0 || this.draining || !this.allowed)) return;
    for (const resolve of this.settledListeners.splice(0)) resolve();
  }
}
