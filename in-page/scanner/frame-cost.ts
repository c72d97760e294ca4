/**
 * What the page's next frame costs its main thread: the time from the frame's
 * requestAnimationFrame callbacks to the first task after it, that is the style, layout and paint
 * the frame runs. The scanner reads it once after its first marking slice (scanner.ts).
 *
 * Null where no frame comes within `timeoutMs` (a hidden tab renders none, and the scan must not
 * wait for the reader to come back) or where there are no frames at all (tests, workers).
 */
export function renderTimeOfNextFrame(timeoutMs = 250): Promise<number | null> {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const frame = requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      // A message posted from the frame's callbacks runs once the frame's rendering is done.
      channel.port1.onmessage = () => {
        channel.port1.close();
        settle(performance.now() - start);
      };
      channel.port2.postMessage(null);
    });
    const timer = setTimeout(() => {
      cancelAnimationFrame(frame);
      settle(null);
    }, timeoutMs);
  });
}
