/**
 * Watches the blocks found and not yet marked for the window's approach, in runs of neighbours
 * rather than one by one. An IntersectionObserver's cost grows with what it watches, on every
 * frame: watching each of 100,000 paragraphs made an idle frame 33 ms instead of 17 and a scrolled
 * one 350 ms instead of 67 (scripts/bench/observer-cost.ts). A run is up to RUN_LENGTH blocks of
 * one parent, one after the other, and only its two ends are watched: when either comes near, the
 * whole run is. A parent's children lie in page order, so the run lies between its ends.
 *
 * A window can be on a run and have neither end within the margin only if the run is taller than
 * the margins (a jump far down: the list, End, the scroll bar). So the ends are first reported
 * together, which tells the run's height; a run taller than RUN_SCREENS windows is split in two,
 * and each half measured in turn, down to single blocks if need be. A run the window's margin
 * lies wholly inside, its ends above and below it, is near.
 */
import { NEAR_SCREENS } from './place-in-view';

/** Blocks per run: a few screens of dense paragraphs, and a run is marked at once when near. */
export const RUN_LENGTH = 32;
/** The tallest run, in windows: on a shorter one, a window anywhere has an end within the margin. */
const RUN_SCREENS = 2 * NEAR_SCREENS;

interface Run {
  readonly members: readonly Element[];
  readonly first: Element;
  readonly last: Element;
  /** members not yet marked */
  left: number;
  /** the ends' first reports, which come together, are still to tell the run's height */
  measuring: boolean;
}

export interface RunReport {
  /** the members not yet marked of every run that came near, in page order within each run */
  near: Element[];
  /** a block below the margin was reported: finding has gone past what is near */
  below: boolean;
}

export class WatchedRuns {
  private readonly observer: IntersectionObserver;
  private readonly runOfEnd = new Map<Element, Run>();
  private readonly runOfMember = new Map<Element, Run>();
  /** ends whose first report is awaited: their runs hold blocks no box placed */
  private readonly unreportedEnds = new Set<Element>();
  /** the run watched last, which the next blocks found may join */
  private tail: Run | null = null;

  constructor(
    rootMargin: string,
    private readonly onReport: (report: RunReport) => void,
    private readonly runLength = RUN_LENGTH,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin });
  }

  /** How many watched ends have not had their first report (the marker's settled waits for it). */
  get unreported(): number {
    return this.unreportedEnds.size;
  }

  /**
   * Watches `targets`, in page order, in runs of neighbours of one parent, the first of them
   * joining the run watched last; a run that holds a block `awaited` says no box placed has its
   * first report awaited.
   */
  watch(targets: readonly Element[], awaited: (target: Element) => boolean): void {
    let run: Element[] = [];
    let waited = false;
    const tail = this.tail;
    if (tail && targets.length > 0 && this.runOfEnd.get(tail.first) === tail) {
      const left = this.pending(tail);
      if (left.length < this.runLength && left[0]?.parentElement === targets[0]!.parentElement) {
        // Taken up again with what joins it: its ends change, and so may its height.
        run = left;
        waited = this.unreportedEnds.has(tail.first) || this.unreportedEnds.has(tail.last);
        this.stop(tail);
      }
    }
    const close = () => {
      if (run.length > 0) this.tail = this.start(run, waited);
      run = [];
      waited = false;
    };
    for (const target of targets) {
      if (run.length === this.runLength || (run.length > 0 && run[0]!.parentElement !== target.parentElement)) close();
      run.push(target);
      waited ||= awaited(target);
    }
    close();
  }

  /** `target` is marked: no run waits for it, and a run with nothing left is no longer watched. */
  done(target: Element): void {
    const run = this.runOfMember.get(target);
    if (!run) return;
    this.runOfMember.delete(target);
    if (--run.left === 0) this.stop(run);
  }

  /** Lets go of the members `gone` says the page removed; what is left of their runs is watched anew. */
  forget(gone: (target: Element) => boolean): void {
    const touched = new Set<Run>();
    for (const [target, run] of this.runOfMember) if (gone(target)) touched.add(run);
    // Every touched run is let go before any is watched anew: what is left of one may join the
    // last run watched (watch), which must not be a touched run still holding removed blocks.
    const kept: { left: Element[]; waited: boolean }[] = [];
    for (const run of touched) {
      const pending = this.pending(run);
      kept.push({ left: pending.filter((target) => !gone(target)), waited: this.unreportedEnds.has(run.first) || this.unreportedEnds.has(run.last) });
      for (const target of pending) this.runOfMember.delete(target);
      this.stop(run);
    }
    for (const { left, waited } of kept) this.watch(left, () => waited);
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private pending(run: Run): Element[] {
    return run.members.filter((target) => this.runOfMember.get(target) === run);
  }

  private start(members: readonly Element[], awaited: boolean): Run {
    const run: Run = { members, first: members[0]!, last: members.at(-1)!, left: members.length, measuring: members.length > 1 };
    for (const target of members) this.runOfMember.set(target, run);
    for (const end of [run.first, run.last]) {
      this.runOfEnd.set(end, run);
      // Watched anew, so that both ends report in the same batch, at one scroll position.
      this.observer.unobserve(end);
      this.observer.observe(end);
      if (awaited) this.unreportedEnds.add(end);
    }
    return run;
  }

  private stop(run: Run): void {
    for (const end of [run.first, run.last]) {
      if (this.runOfEnd.get(end) !== run) continue;
      this.runOfEnd.delete(end);
      this.unreportedEnds.delete(end);
      this.observer.unobserve(end);
    }
  }

  private split(run: Run): void {
    const left = this.pending(run);
    this.stop(run);
    const half = Math.ceil(left.length / 2);
    this.start(left.slice(0, half), false);
    if (left.length > half) this.start(left.slice(half), false);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const batch = new Map<Element, IntersectionObserverEntry>();
    const reported = new Set<Run>();
    const near = new Set<Run>();
    let below = false;
    for (const entry of entries) {
      this.unreportedEnds.delete(entry.target);
      const run = this.runOfEnd.get(entry.target);
      if (!run) continue;
      batch.set(entry.target, entry);
      reported.add(run);
      if (entry.isIntersecting) near.add(run);
      else if (entry.rootBounds && entry.boundingClientRect.top > entry.rootBounds.bottom) below = true;
    }
    for (const run of reported) {
      const first = batch.get(run.first);
      const last = batch.get(run.last);
      if (!run.measuring || !first || !last) continue;
      run.measuring = false;
      const zone = first.rootBounds;
      if (near.has(run) || !zone) continue;
      const top = first.boundingClientRect.top;
      const bottom = last.boundingClientRect.bottom;
      if (top < zone.top && bottom > zone.bottom) near.add(run);
      else if (bottom - top > RUN_SCREENS * windowHeight(run.first, zone)) this.split(run);
    }
    const members: Element[] = [];
    for (const run of near) members.push(...this.pending(run));
    this.onReport({ near: members, below });
  }
}

/** The window's height: the margin is a share of it (NEAR_SCREENS above and below). */
function windowHeight(target: Element, zone: DOMRectReadOnly): number {
  return target.ownerDocument.defaultView?.innerHeight ?? zone.height / (1 + 2 * NEAR_SCREENS);
}
