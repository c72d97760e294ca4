/** Yielding between slices of work, shared by the content script and the page scanner. */
interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

/**
 * Gives the page the main thread back. Not setTimeout(0): nested timers are clamped to 4 ms
 * after the fifth, which would add a third to every 8 ms slice. `scheduler.postTask` where the
 * browser has it (Chromium, recent Firefox), else a MessageChannel message, which is not clamped.
 */
export const yieldToPage: () => Promise<void> = (() => {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') {
    return () => scheduler.postTask(() => undefined, { priority: 'user-visible' });
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();
