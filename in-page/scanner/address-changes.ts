/**
 * Tells when a page moves to another address without loading a new document: a single-page
 * app's `history.pushState` or `replaceState`, a fragment, back and forward. The scripts of the
 * extension's isolated world cannot wrap the page's `history.pushState` (each world has its own
 * functions), but the Navigation API's events reach every world: `currententrychange` comes for
 * each of those, in Chromium and in Firefox's content scripts (153). Where the API is missing
 * (older Firefox), the address is compared on popstate, hashchange and each of the page's
 * mutation batches, which a router's navigation is followed by.
 */

/** What this reads of the window; a test gives its own. */
export interface AddressWindow {
  readonly location: { readonly href: string };
  readonly navigation?: EventTarget;
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void, options: { signal: AbortSignal }): void;
}

export function watchAddress(
  changed: (url: string) => void,
  signal: AbortSignal,
  /** subscribes to the page's mutation batches; returns the unsubscription */
  onMutationBatch: (listener: () => void) => () => void,
  win: AddressWindow = window,
): void {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (signal.aborted || now === last) return;
    last = now;
    changed(now);
  };
  const navigation = win.navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  signal.addEventListener('abort', onMutationBatch(check), { once: true });
}
