/**
 * `wxt/browser` for every script Eurefs runs in a web page (aliased in wxt.config.ts): the
 * browser's own promise-based extension API, picked where the page cannot reach it.
 *
 * A page's elements are properties of its window: `<form name="browser">`, `<img name="chrome">`,
 * `<div id="browser">`, `<iframe name="browser">` (a window, with the frame's own named elements
 * inside). They sit on the window's prototype chain (its named properties object), and the
 * extension's isolated world sees them too wherever the browser has put nothing of its own under
 * that name. Chromium defines `chrome` on the isolated world's global object itself, and `browser`
 * in some documents and not in others; Firefox defines both as getters on the content script's
 * sandbox, whose prototype is the page's window. So only an own property of the global object
 * counts, and only an object that looks like the API: never a node or a window, whatever fields
 * its children lend it.
 *
 * Looked up on first use: reading `chrome` makes Chromium build the API's bindings for the page's
 * isolated world, about 1.5 ms, and a page without references needs no more of it than WXT's
 * content-script context reads.
 */
import type { browser as NativeBrowser } from '@wxt-dev/browser';

export type ExtensionApi = typeof NativeBrowser;

/** Firefox's `browser` first: its `chrome` is the callback-style API in Manifest V2. */
const NAMES = ['browser', 'chrome'] as const;

function isExtensionApi(value: unknown): value is ExtensionApi {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof Node === 'function' && value instanceof Node) return false;
  // A window (a frame's) is its own `window`; the API has no such field.
  if ((value as { window?: unknown }).window === value) return false;
  const runtime = (value as { runtime?: unknown }).runtime;
  return typeof runtime === 'object' && runtime !== null && typeof (runtime as { sendMessage?: unknown }).sendMessage === 'function';
}

/** The extension API that `scope` (a script's global object) holds as its own, if any. */
export function pickExtensionApi(scope: object): ExtensionApi | undefined {
  for (const name of NAMES) {
    if (!Object.prototype.hasOwnProperty.call(scope, name)) continue;
    // Read through the scope, not the descriptor: Firefox's is a getter that wants its `this`.
    const value: unknown = Reflect.get(scope, name);
    if (isExtensionApi(value)) return value;
  }
  return undefined;
}

/** The API of `scope`, picked on the first property read and kept. */
export function lazyExtensionApi(scope: object): ExtensionApi {
  let api: ExtensionApi | undefined;
  const picked = (): ExtensionApi => {
    api ??= pickExtensionApi(scope);
    if (!api) throw new Error('Eurefs: this script has no extension API of its own');
    return api;
  };
  return new Proxy({} as ExtensionApi, { get: (_target, key) => Reflect.get(picked(), key) });
}

export const browser: ExtensionApi = lazyExtensionApi(globalThis);
