/**
 * An IntersectionObserver the scanner's unit tests drive: it reports what the test says, as the
 * browser would after a frame, with the boxes and the margin's bounds the marker reads.
 */

/** The window's height in the reports, and the margin's bounds: two windows above and below it. */
export const WINDOW = 900;
const ZONE = { top: -2 * WINDOW, bottom: 3 * WINDOW, height: 5 * WINDOW };
const HEIGHT = 40;

export class TestObserver {
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
    this.reportAt((target) => (near(target) ? 0 : 5000));
  }
  /** Reports every observed target, each `topOf` it px from the window's top, near where that is within the margin. */
  reportAt(topOf: (target: Element) => number) {
    this.callback(
      [...this.observed].map((target) => {
        const top = topOf(target);
        return {
          target,
          isIntersecting: top < ZONE.bottom && top + HEIGHT > ZONE.top,
          boundingClientRect: { top, bottom: top + HEIGHT },
          rootBounds: ZONE,
        };
      }),
    );
  }
  /** The ids of what is observed, in page order. */
  ids(): string[] {
    return [...this.observed].map((target) => target.id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  }
}
