/**
 * `wxt/browser` for the content script (aliased in wxt.config.ts): the browser's own extension
 * API, looked up on first use. Reading `chrome` makes Chromium build the API's bindings for the
 * page's isolated world, about 1.5 ms, and a page without references never needs them.
 */
import type { browser as NativeBrowser } from '@wxt-dev/browser';

type Api = typeof NativeBrowser;

let api: Api | undefined;

function native(): Api {
  const scope = globalThis as { browser?: Api; chrome?: Api };
  // As @wxt-dev/browser: Firefox's `browser`, else Chromium's `chrome`.
  return (api ??= scope.browser?.runtime?.id ? scope.browser : scope.chrome!);
}

export const browser: Api = new Proxy({} as Api, {
  get: (_target, key) => Reflect.get(native(), key),
});
