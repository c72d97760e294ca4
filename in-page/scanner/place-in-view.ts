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
 * 'near' within `screens` window heights above or below the window (and across its width),
 * 'below' past that margin's bottom, 'above' before its top; null for an empty box (`display:
 * none`, or no layout at all), which only the observer can tell apart from a box at the top.
 */
export function placeInView(box: Box, viewWidth: number, viewHeight: number, screens = NEAR_SCREENS): 'near' | 'above' | 'below' | null {
  if (box.width === 0 && box.height === 0) return null;
  if (box.top > viewHeight * (1 + screens)) return 'below';
  if (box.bottom < -viewHeight * screens) return 'above';
  // The margin is vertical only: a box beside the window is no nearer for being at its height.
  if (box.right < 0 || box.left > viewWidth) return null;
  return 'near';
}
