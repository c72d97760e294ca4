/**
 * WXT's fakeBrowser keeps runtime, storage, alarms and tabs in memory but leaves `permissions` and
 * `scripting` unimplemented (they throw). These fill them in with what the background uses, keeping
 * the rules Chromium enforces where a mistake would show: registering an id twice, or
 * unregistering one that is not there, is an error.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';

type Listener<A extends unknown[]> = (...args: A) => unknown;

function fakeEvent<A extends unknown[]>() {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (listener: Listener<A>) => void listeners.push(listener),
    removeListener: (listener: Listener<A>) => void listeners.splice(listeners.indexOf(listener) >>> 0, 1),
    hasListener: (listener: Listener<A>) => listeners.includes(listener),
    trigger: (...args: A) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

type Registered = Browser.scripting.RegisteredContentScript;
/** The part of an injection the background sets. */
export interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
}

export interface FakeSiteAccess {
  /** The reader grants a host permission (the options page's request), as the browser reports it. */
  grant(origin: string): Promise<void>;
  /** The reader takes one back (chrome://extensions, or the options page). */
  revoke(origin: string): Promise<void>;
  /** The content scripts registered now, as `getRegisteredContentScripts()` lists them. */
  registered(): Registered[];
  /** Every `executeScript` call, in order. */
  executeScript: ReturnType<typeof vi.fn<(injection: Injection) => Promise<unknown[]>>>;
}

/** Installs fake `permissions` and `scripting` APIs on fakeBrowser, empty. */
export function fakeSiteAccess(): FakeSiteAccess {
  const granted = new Set<string>();
  const scripts = new Map<string, Registered>();
  const onAdded = fakeEvent<[Browser.permissions.Permissions]>();
  const onRemoved = fakeEvent<[Browser.permissions.Permissions]>();
  const executeScript = vi.fn(async (_injection: Injection): Promise<unknown[]> => []);

  const permissions = {
    contains: async ({ origins = [] }: Browser.permissions.Permissions) => origins.every((origin) => granted.has(origin)),
    onAdded,
    onRemoved,
  };
  const scripting = {
    executeScript,
    getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) =>
      [...scripts.values()].filter((script) => !ids || ids.includes(script.id)).map((script) => structuredClone(script)),
    registerContentScripts: async (list: Registered[]) => {
      for (const script of list) if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      for (const script of list) scripts.set(script.id, structuredClone(script));
    },
    unregisterContentScripts: async ({ ids }: { ids?: string[] } = {}) => {
      for (const id of ids ?? []) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of ids ?? [...scripts.keys()]) scripts.delete(id);
    },
  };
  Object.assign(fakeBrowser, { permissions, scripting });

  return {
    async grant(origin) {
      granted.add(origin);
      await onAdded.trigger({ origins: [origin] });
    },
    async revoke(origin) {
      granted.delete(origin);
      await onRemoved.trigger({ origins: [origin] });
    },
    registered: () => [...scripts.values()],
    executeScript,
  };
}

