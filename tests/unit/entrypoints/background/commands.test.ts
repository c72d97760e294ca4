/**
 * The shortcuts as the background hears them: a command pressed on a tab becomes the page's
 * `move-to-reference` message, sent to that tab's top frame, and nothing else is sent.
 */
import { catalogueFile } from '../../i18n/helpers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { watchCommands } from '../../../../entrypoints/background/commands';
import { commandDescriptionKey, commandMessage, manifestCommands } from '../../../../entrypoints/background/shortcuts';
import { fakeCommands, type FakeCommands } from './helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const tab = (id: number) => ({ id }) as Browser.tabs.Tab;

let commands: FakeCommands;

beforeEach(() => {
  fakeBrowser.reset();
  commands = fakeCommands();
  watchCommands();
});

describe('the shortcuts', () => {
  it('sends the tab the shortcut was pressed on the move to the next or previous reference, to its top frame', async () => {
    await commands.press('next-reference', tab(12));
    await commands.press('previous-reference', tab(12));
    expect(commands.sent.mock.calls).toEqual([
      [12, { type: 'move-to-reference', direction: 'next' }, { frameId: 0 }],
      [12, { type: 'move-to-reference', direction: 'previous' }, { frameId: 0 }],
    ]);
  });

  it('sends it to the active tab where the browser names none', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const { id } = await fakeBrowser.tabs.create({ windowId: window?.id, url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52021PC0206', active: true });
    await commands.press('next-reference');
    expect(commands.sent.mock.calls).toEqual([[id, { type: 'move-to-reference', direction: 'next' }, { frameId: 0 }]]);
  });

  it('sends nothing for a command that is not a move (the toolbar button opens itself)', async () => {
    await commands.press('_execute_action', tab(12));
    expect(commands.sent).not.toHaveBeenCalled();
    expect(commandMessage('_execute_action')).toBeNull();
    expect(commandMessage('constructor')).toBeNull();
  });

  it('shrugs off a tab nobody answers in (no references there)', async () => {
    commands.sent.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(commands.press('next-reference', tab(3))).resolves.toBeUndefined();
    expect(commands.sent).toHaveBeenCalledTimes(1);
  });
});

describe("the manifest's commands", () => {
  it('suggests keys Chromium accepts: at most four, each with Ctrl or Alt but not both, none twice', () => {
    for (const version of [2, 3] as const) {
      const keys = Object.values(manifestCommands(version)).map((command) => command.suggested_key.default);
      expect(keys.length).toBeLessThanOrEqual(4);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) {
        const parts = key.split('+');
        expect(parts.includes('Ctrl') !== parts.includes('Alt'), key).toBe(true);
        expect(parts.at(-1), key).toMatch(/^[A-Z0-9]$/);
      }
    }
  });

  it("names the toolbar button's command as each manifest version does, and describes every command", () => {
    expect(Object.keys(manifestCommands(3))).toEqual(['next-reference', 'previous-reference', '_execute_action']);
    expect(Object.keys(manifestCommands(2))).toEqual(['next-reference', 'previous-reference', '_execute_browser_action']);
    // Each description is a message of the catalogues, which the browser fills in its language.
    const english = catalogueFile('en');
    for (const command of Object.values(manifestCommands(3))) expect(english[/^__MSG_(\w+)__$/.exec(command.description)?.[1] ?? '']?.message).toMatch(/\w{4}/);
  });

  it('gives the options page the catalogue key of each command, which the manifest names, so it can say it in the reader\'s language', () => {
    for (const version of [2, 3] as const) {
      for (const [name, command] of Object.entries(manifestCommands(version))) expect(`__MSG_${commandDescriptionKey(name)}__`).toBe(command.description);
    }
    expect(commandDescriptionKey('some-other-extension-command')).toBeNull();
  });
});
