/**
 * WXT's fakeBrowser keeps runtime, storage, alarms and tabs in memory but leaves `permissions`,
 * `scripting`, `commands` and `tabs.sendMessage` unimplemented (they throw). These fill them in
 * with what the background uses, keeping the rules Chromium enforces where a mistake would show:
 * registering an id twice, or unregistering one that is not there, is an error.
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


export interface FakeCommands {
  /** The reader presses a command's keys, on `tab` (the browser leaves it out where it has none). */
  press(command: string, tab?: Browser.tabs.Tab): Promise<void>;
  /** Every `tabs.sendMessage` call: the tab, the message, the options. */
  sent: ReturnType<typeof vi.fn<(tabId: number, message: unknown, options?: { frameId?: number }) => Promise<unknown>>>;
}

/** Installs a fake `commands.onCommand` and `tabs.sendMessage` on fakeBrowser; the page answers `answer`. */
export function fakeCommands(answer: (message: unknown) => unknown = () => ({ moved: true })): FakeCommands {
  const onCommand = fakeEvent<[string, Browser.tabs.Tab | undefined]>();
  const sent = vi.fn(async (_tabId: number, message: unknown, _options?: { frameId?: number }) => answer(message));
  Object.assign(fakeBrowser, { commands: { onCommand } });
  Object.assign(fakeBrowser.tabs, { sendMessage: sent });
  return {
    press: async (command, tab) => {
      await onCommand.trigger(command, tab);
      // The listener passes the message on without waiting: let it reach the tab.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    sent,
  };
}
