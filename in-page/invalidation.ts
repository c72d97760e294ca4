/**
 * When a content script must stop: when the extension it belongs to is gone (reloaded, updated,
 * removed), not when the page says so. WXT's context stops an older copy of a script when a newer
 * one announces itself with a DOM event; a page can dispatch that event too (its name is built
 * from the extension's public id), and a hostile page would switch Eurefs off with one line. So
 * the announcement is believed only once this script's own extension API is gone as well, which
 * is what an update does to the scripts it leaves behind.
 */
import { browser } from 'wxt/browser';

interface Invalidatable {
  onInvalidated(callback: () => void): unknown;
}

/** Whether this script's extension is still there; reading the API is only done when asked. */
export function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

export function untilReallyInvalidated(ctx: Invalidatable, gone: () => boolean = extensionGone): AbortSignal {
  const controller = new AbortController();
  ctx.onInvalidated(() => {
    if (gone()) controller.abort();
  });
  return controller.signal;
}
