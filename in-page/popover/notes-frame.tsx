/**
 * The Notes frame as the popover holds it: an <iframe> of the extension's own page
 * (entrypoints/notes-frame/), web-accessible with a per-session address in Chromium, so the page
 * around it can see the frame but nothing in it. Its height is fixed (it scrolls inside), so its
 * size tells the page nothing about how many notes the reader has.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  NOTES_FRAME_PATH,
  NotesFrameMessageSchema,
  notesFrameHash,
  type NotesFrameContextInput,
  type NotesFrameMessage,
} from '../../messaging/notes-frame';
import { useI18n } from '../../components/i18n-context';

export const NOTES_FRAME_SELECTOR = 'iframe.notes-frame';

export function notesFrameUrl(context: NotesFrameContextInput): string {
  return browser.runtime.getURL(`${NOTES_FRAME_PATH}${notesFrameHash(context)}`);
}

/**
 * The origin the frame's messages come from. Chromium serves the per-session address as the
 * extension's own origin (the frame's `location` is the extension's fixed address), so this is
 * the origin of the extension's root, not of the address the popover put in `src`.
 */
export function notesFrameOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

export function NotesFrame({ context }: { context: NotesFrameContextInput }) {
  const words = useI18n();
  // The address is fixed once the frame is open: a later render (a lookup answered, the page
  // retitled) must not reload the frame and lose what the reader is typing.
  const [src] = useState(() => notesFrameUrl(context));
  return <iframe class="notes-frame" src={src} title={words.t('popoverNotesFrameTitle', context.label)} />;
}

/**
 * A message from the popover's own Notes frame, or null. The page can post to its window too,
 * and can dispatch a made-up MessageEvent with any origin and source it likes; only the browser's
 * own event, from that frame's window, at the extension's origin, counts.
 */
export function notesFrameMessage(event: MessageEvent, frame: HTMLIFrameElement | null, origin: string): NotesFrameMessage | null {
  if (!event.isTrusted || !frame || event.source !== frame.contentWindow || event.origin !== origin) return null;
  const parsed = NotesFrameMessageSchema.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}
