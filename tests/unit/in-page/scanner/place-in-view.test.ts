import { describe, expect, it } from 'vitest';
import { placeInView } from '../../../../in-page/scanner/place-in-view';

/** A box `height` tall whose top is at `top`, across the first 800 px of a 1280 × 900 window. */
const box = (top: number, height = 40, left = 0, width = 800) => ({ top, bottom: top + height, left, right: left + width, width, height });

describe('where a block lies against the window and the two screens marked ahead', () => {
  it('is in the window where any of it is', () => {
    expect(placeInView(box(0), 1280, 900)).toBe('window');
    expect(placeInView(box(880), 1280, 900)).toBe('window');
    expect(placeInView(box(-30), 1280, 900)).toBe('window');
  });

  it('is near within two window heights below or above it, and past the margin further', () => {
    expect(placeInView(box(901), 1280, 900)).toBe('after-window');
    expect(placeInView(box(2700), 1280, 900)).toBe('after-window');
    expect(placeInView(box(2701), 1280, 900)).toBe('below');
    expect(placeInView(box(50_000), 1280, 900)).toBe('below');
    expect(placeInView(box(-100), 1280, 900)).toBe('before-window');
    expect(placeInView(box(-1840), 1280, 900)).toBe('before-window');
    expect(placeInView(box(-1841), 1280, 900)).toBe('above');
  });

  it('says nothing of an empty box, which may be hidden, nor of one beside the window', () => {
    expect(placeInView(box(100, 0, 0, 0), 1280, 900)).toBeNull();
    expect(placeInView(box(100, 40, 1300, 200), 1280, 900)).toBeNull();
    expect(placeInView(box(100, 40, -500, 200), 1280, 900)).toBeNull();
  });
});
