import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { lazyExtensionApi, pickExtensionApi } from '../../../in-page/extension-api';

/** The elements a page may name after the API, with the fields a careless check reads inside. */
const CLOBBERING = `
  <form name="browser"><input name="runtime" id="x"></form>
  <form name="chrome"><input name="runtime" id="y"><input name="sendMessage"><input name="id"></form>
  <img name="chrome" alt="">
  <div id="browser"><span id="runtime"></span></div>
  <embed name="chrome">
  <iframe name="browser"></iframe>`;

/** A page's window, with a same-origin frame named "browser" whose own elements are `runtime`, `id`. */
function clobberedWindow(): Window & Record<string, unknown> {
  const { window } = new JSDOM(`<!doctype html><body>${CLOBBERING}</body>`);
  const frame = window.document.querySelector('iframe')!;
  frame.contentDocument!.body.innerHTML = '<form name="runtime" id="x"><input name="sendMessage"></form><p id="id"></p>';
  return window as unknown as Window & Record<string, unknown>;
}

/** An extension API as the browser makes it: an object whose runtime can send messages. */
function fakeApi(id = 'eurefs-id') {
  return { runtime: { id, sendMessage: async () => ({ ok: true }) } };
}

/**
 * A global object as the browsers lay it out: the page's named elements on the prototype chain
 * (Chromium's isolated world: Window.prototype, then the window's named properties object), and
 * the browser's API, if any, as the object's own.
 */
function isolatedWorld(window: Window & Record<string, unknown>, own: PropertyDescriptorMap = {}): object {
  const named = new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? window[key] : undefined),
      has: (_target, key) => typeof key === 'string' && window[key] !== undefined,
    },
  );
  return Object.create(named, own);
}

describe('the extension API is picked where the page cannot reach', () => {
  it('the page indeed lends `browser` the fields a careless check reads', () => {
    const window = clobberedWindow();
    // A named frame wins over the other elements of that name: `browser.runtime.id` is "x".
    const browser = window.browser as { runtime: { id: string } };
    expect(String(browser)).toBe('[object Window]');
    expect(browser.runtime.id).toBe('x');
    expect(String(window.chrome)).toBe('[object HTMLCollection]');
  });

  it('finds no API on a window that holds only the page elements named after it', () => {
    const window = clobberedWindow();
    expect(pickExtensionApi(window)).toBeUndefined();
    expect(pickExtensionApi(isolatedWorld(window))).toBeUndefined();
  });

  it('never picks a frame, whatever it holds', () => {
    const { window } = new JSDOM('<!doctype html><body><iframe name="browser"></iframe></body>');
    const frame = window.document.querySelector('iframe')!.contentWindow as unknown as Record<string, unknown>;
    // A frame whose `runtime.sendMessage` is even a function (the page's own script put it there).
    frame.runtime = { id: 'x', sendMessage: () => undefined };
    expect(pickExtensionApi(window)).toBeUndefined();
    expect(pickExtensionApi(isolatedWorld(window as unknown as Window & Record<string, unknown>))).toBeUndefined();
  });

  it("takes Chromium's own `chrome` past the page's `browser` form (an isolated world without `browser`)", () => {
    const chrome = fakeApi();
    const scope = isolatedWorld(clobberedWindow(), { chrome: { value: chrome, writable: true, configurable: true, enumerable: true } });
    expect((scope as { browser?: unknown }).browser).not.toBeUndefined();
    expect(pickExtensionApi(scope)).toBe(chrome);
  });

  it('takes `browser` where the browser defined it, as Chromium does in some documents', () => {
    const chrome = fakeApi();
    const browser = fakeApi();
    const scope = isolatedWorld(clobberedWindow(), {
      chrome: { value: chrome, writable: true, configurable: true, enumerable: true },
      browser: { value: browser, writable: true, configurable: true, enumerable: true },
    });
    expect(pickExtensionApi(scope)).toBe(browser);
  });

  it("takes Firefox's `browser`, a getter on the content script's sandbox", () => {
    const browser = fakeApi();
    let reads = 0;
    const sandbox = isolatedWorld(clobberedWindow(), {
      browser: {
        get(this: unknown) {
          reads++;
          return this === sandbox ? browser : undefined;
        },
        configurable: true,
        enumerable: true,
      },
    });
    expect(pickExtensionApi(sandbox)).toBe(browser);
    expect(reads).toBe(1);
  });

  it('takes the own API over a clobbered one on a jsdom window, where named elements are own properties', () => {
    const window = clobberedWindow();
    const chrome = fakeApi();
    // jsdom puts named elements on the window itself; the browser's own property replaces them.
    Object.defineProperty(window, 'chrome', { value: chrome, configurable: true });
    expect(pickExtensionApi(window)).toBe(chrome);
  });

  it('reads nothing before the first use, then picks once', () => {
    const chrome = fakeApi('first');
    let reads = 0;
    const scope = isolatedWorld(clobberedWindow(), {
      chrome: {
        get: () => {
          reads++;
          return chrome;
        },
        configurable: true,
      },
    });
    const api = lazyExtensionApi(scope);
    expect(reads).toBe(0);
    expect(api.runtime.id).toBe('first');
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    expect(api.runtime.id).toBe('first');
    expect(reads).toBe(afterFirst);
  });

  it('says so on use when a script has no API of its own', () => {
    const api = lazyExtensionApi(isolatedWorld(clobberedWindow()));
    expect(() => api.runtime).toThrow(/no extension API/);
  });
});
