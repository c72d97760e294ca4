import { afterEach, describe, expect, it } from 'vitest';
import { renderTimeOfNextFrame } from '../../../../in-page/scanner/frame-cost';

type Scope = { requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown };
const scope = globalThis as Scope;

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

afterEach(() => {
  delete scope.requestAnimationFrame;
  delete scope.cancelAnimationFrame;
});

describe('renderTimeOfNextFrame', () => {
  it('is null where there are no frames', async () => {
    expect(await renderTimeOfNextFrame()).toBeNull();
  });

  it('measures the work the frame does after its animation callbacks', async () => {
    // A frame, as a browser runs one: the callbacks, then style, layout and paint in the same task.
    scope.requestAnimationFrame = (callback: (t: number) => void) =>
      setTimeout(() => {
        callback(performance.now());
        busyFor(40);
      }, 5);
    scope.cancelAnimationFrame = (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
    const ms = await renderTimeOfNextFrame();
    expect(ms).not.toBeNull();
    expect(ms!).toBeGreaterThanOrEqual(39);
  });

  it('gives up, with null, when no frame comes (a hidden tab)', async () => {
    let cancelled = false;
    scope.requestAnimationFrame = () => 1;
    scope.cancelAnimationFrame = () => (cancelled = true);
    expect(await renderTimeOfNextFrame(30)).toBeNull();
    expect(cancelled).toBe(true);
  });
});
