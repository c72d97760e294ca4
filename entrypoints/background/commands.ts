/**
 * The shortcuts, heard where the browser sends them (the background), passed on to the page of
 * the tab they were pressed in: its scanner finds the reference and focuses it
 * (in-page/keyboard/move-to-reference.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { tellPage } from '../../messaging/to-page';
import { commandMessage } from './shortcuts';

/** What the background needs of the browser here (a test gives its own). */
export interface CommandsApi {
  commands: { onCommand: { addListener(listener: (command: string, tab?: Browser.tabs.Tab) => void): void } };
  tabs: { query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]> };
}

export async function runCommand(command: string, tab: { id?: number } | undefined, api: CommandsApi = browser): Promise<void> {
  const message = commandMessage(command);
  if (!message) return;
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  try {
    await tellPage(tabId, message);
  } catch {
    // No scanner in that tab: a page without references, or one Eurefs does not read.
  }
}

export function watchCommands(api: CommandsApi = browser): void {
  api.commands.onCommand.addListener((command, tab) => void runCommand(command, tab, api));
}
