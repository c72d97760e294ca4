/**
 * The keyboard shortcuts Eurefs offers (the manifest's `commands`, which wxt.config.ts writes from
 * this list) and the message each sends the page. Suggested keys only: the reader rebinds them in
 * the browser (chrome://extensions/shortcuts, Firefox's add-ons page), and a key another
 * extension took first is left unbound. Chromium takes at most 4 suggested keys, each with Ctrl or
 * Alt (not both: AltGr); Alt+Shift with J, K and L clashes with neither Chromium's nor Firefox's own.
 */
import type { MessageKey } from '../../i18n/keys';
import type { ToPageMessage } from '../../messaging/to-page';

export interface Shortcut {
  suggestedKey: string;
  /** the catalogue key of its description: the manifest names it (`__MSG_key__`), the options page says it */
  description: MessageKey;
}

/** The commands that move between references, each with the page's message. */
export const MOVE_COMMANDS = {
  'next-reference': { suggestedKey: 'Alt+Shift+J', description: 'commandNext', direction: 'next' },
  'previous-reference': { suggestedKey: 'Alt+Shift+K', description: 'commandPrevious', direction: 'previous' },
} as const satisfies Record<string, Shortcut & { direction: 'next' | 'previous' }>;

/** The toolbar button's own command: opens the list of the page's references. */
export const LIST_SHORTCUT: Shortcut = { suggestedKey: 'Alt+Shift+L', description: 'commandList' };

/** The message a command sends the page in the active tab; null for a command that is not one of these. */
export function commandMessage(command: string): ToPageMessage | null {
  if (!Object.hasOwn(MOVE_COMMANDS, command)) return null;
  return { type: 'move-to-reference', direction: MOVE_COMMANDS[command as keyof typeof MOVE_COMMANDS].direction };
}

/**
 * The catalogue key of a command's description. The browser says a description in its own
 * language; the options page says it in the reader's, which may be another.
 */
export function commandDescriptionKey(command: string): MessageKey | null {
  const shortcut = Object.hasOwn(MOVE_COMMANDS, command)
    ? MOVE_COMMANDS[command as keyof typeof MOVE_COMMANDS]
    : command === '_execute_action' || command === '_execute_browser_action'
      ? LIST_SHORTCUT
      : null;
  return shortcut?.description ?? null;
}

/** The manifest's `commands`: the toolbar button's command is `_execute_action` in MV3, `_execute_browser_action` in MV2. */
export function manifestCommands(manifestVersion: 2 | 3): Record<string, { suggested_key: { default: string }; description: string }> {
  const commands: Record<string, { suggested_key: { default: string }; description: string }> = {};
  // The browser shows a command's description in its own language, from the catalogue.
  const entry = ({ suggestedKey, description }: Shortcut) => ({ suggested_key: { default: suggestedKey }, description: `__MSG_${description}__` });
  for (const [name, shortcut] of Object.entries(MOVE_COMMANDS)) commands[name] = entry(shortcut);
  commands[manifestVersion === 3 ? '_execute_action' : '_execute_browser_action'] = entry(LIST_SHORTCUT);
  return commands;
}
