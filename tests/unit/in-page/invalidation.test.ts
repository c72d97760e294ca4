// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const { ContentScriptContext } = await import('wxt/utils/content-script-context');
const { extensionGone, untilReallyInvalidated } = await import('../../../in-page/invalidation');

/**
 * What WXT's context listens for, dispatched as a page's own script or a newer copy would: the
 * name is the extension's public id and the entrypoint's name (which a build fills in), as WXT's
 * getUniqueEventName builds it.
 */
const SCRIPT_STARTED = `${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;

function announceNewerScript(contentScriptName: string): void {
  document.dispatchEvent(new CustomEvent(SCRIPT_STARTED, { detail: { contentScriptName, messageId: 'x' } }));
}

/** What an update or removal does to the scripts it leaves behind in a page. */
function removeExtension(): void {
  Object.defineProperty(fakeBrowser.runtime, 'id', { configurable: true, get: () => undefined });
}

const liveId = Object.getOwnPropertyDescriptor(fakeBrowser.runtime, 'id')!;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  Object.defineProperty(fakeBrowser.runtime, 'id', liveId);
});

describe('a content script stops only when its extension is gone', () => {
  it('keeps running when the page forges the "newer script started" event', () => {
    const ctx = new ContentScriptContext('content');
    const signal = untilReallyInvalidated(ctx);
    announceNewerScript('content');
    // WXT's own context believed it; the script's signal did not.
    expect(ctx.isValid).toBe(false);
    expect(signal.aborted).toBe(false);
  });

  it('stops when a newer copy announces itself after an update took the old one\'s API away', () => {
    const ctx = new ContentScriptContext('content');
    const signal = untilReallyInvalidated(ctx);
    removeExtension();
    announceNewerScript('content');
    expect(signal.aborted).toBe(true);
  });

  it('asks whether the extension is gone only when the context says it is invalidated', () => {
    let invalidate!: () => void;
    const gone = vi.fn(() => true);
    const signal = untilReallyInvalidated({ onInvalidated: (callback) => (invalidate = callback) }, gone);
    expect(gone).not.toHaveBeenCalled();
    invalidate();
    expect(gone).toHaveBeenCalledOnce();
    expect(signal.aborted).toBe(true);
  });
});

describe('extensionGone', () => {
  it('is false while the extension API answers with an id', () => {
    expect(extensionGone()).toBe(false);
  });

  it('is true once the id is gone', () => {
    removeExtension();
    expect(extensionGone()).toBe(true);
  });

  it('is true when reading the API throws, as an invalidated context\'s does', () => {
    Object.defineProperty(fakeBrowser.runtime, 'id', {
      configurable: true,
      get: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(extensionGone()).toBe(true);
  });
});
