/**
 * The keyboard shortcuts Eurefs offers (the manifest's `commands`, which wxt.config.ts writes from
 * this list) and the message each sends the page. Suggested keys only: the reader rebinds them in
 * the browser (chrome://extensions/shortcuts, Firefox's add-ons page), and a key another
 * extension took first is left unbound. Chromium takes at most 4 suggested keys, each with Ctrl or
 * Alt (not both: AltGr); Alt+Shift with J, K and L clashes with neither Chromium's nor Firefox's own.
 */
import type { ToPageMessage } from '../../messaging/to-page';

export interface Shortcut {
  suggestedKey: string;
  /** a catalogue message (`__MSG_key__`), which the browser shows in its own language */
  description: `__MSG_${string}__`;
}

/** The commands that move between references, each with the page's message. */
export const MOVE_COMMANDS = {
  'next-reference': { suggestedKey: 'Alt+Shift+J', description: '__MSG_commandNext__', direction: 'next' },
  'previous-reference': { suggestedKey: 'Alt+Shift+K', description: '__MSG_commandPrevious__', direction: 'previous' },
} as const satisfies Record<string, Shortcut & { direction: 'next' | 'previous' }>;

/** The toolbar button's own command: opens the list of the page's references. */
export const LIST_SHORTCUT: Shortcut = { suggestedKey: 'Alt+Shift+L', description: '__MSG_commandList__' };

/** The message a command sends the page in the active tab; null for a command that is not one of these. */
export function commandMessage(command: string): ToPageMessage | null {
  if (!Object.hasOwn(MOVE_COMMANDS, command)) return null;
  return { type: 'move-to-reference', direction: MOVE_COMMANDS[command as keyof typeof MOVE_COMMANDS].direction };
}

/** The manifest's `commands`: the toolbar button's command is `_execute_action` in MV3, `_execute_browser_action` in MV2. */
export function manifestCommands(manifestVersion: 2 | 3): Record<string, { suggested_key: { default: string }; description: string }> {
  const commands: Record<string, { suggested_key: { default: string }; description: string }> = {};
  for (const [name, { suggestedKey, description }] of Object.entries(MOVE_COMMANDS)) commands[name] = { suggested_key: { default: suggestedKey }, description };
  commands[manifestVersion === 3 ? '_execute_action' : '_execute_browser_action'] = { suggested_key: { default: LIST_SHORTCUT.suggestedKey }, description: LIST_SHORTCUT.description };
  return commands;
}
