/**
 * Where a box lies against the window and the margin near-view.ts marks ahead of the reader, read
 * from the box itself: what the IntersectionObserver would report, without waiting for the frame
 * it reports in. Only worth it while the page's layout is clean (before Eurefs has marked
 * anything), when reading a box costs no layout.
 */

/** Screens above and below the window that count as near (near-view.ts' NEAR_MARGIN). */
export const NEAR_SCREENS = 2;

export interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Near are 'before-window', 'window' and 'after-window' (within `screens` window heights above
 * it, in it, within as many below it); 'above' and 'below' are past that margin. Null for an
 * empty box (`display: none`, or no layout at all), which only the observer can tell apart from a
 * box at the top, and for a box beside the window: the margin is vertical only.
 */
export type Place = 'above' | 'before-window' | 'window' | 'after-window' | 'below';

export function placeInView(box: Box, viewWidth: number, viewHeight: number, screens = NEAR_SCREENS): Place | null {
  if (box.width === 0 && box.height === 0) return null;
  if (box.right < 0 || box.left > viewWidth) return null;
  if (box.top > viewHeight * (1 + screens)) return 'below';
  if (box.bottom < -viewHeight * screens) return 'above';
  if (box.top > viewHeight) return 'after-window';
  if (box.bottom < 0) return 'before-window';
  return 'window';
}
