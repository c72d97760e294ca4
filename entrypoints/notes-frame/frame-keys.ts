/**
 * The keys the popover around the frame must hear of. Keystrokes inside a frame never reach the
 * page that holds it, so Escape (give focus back to the popover) and Tab past the last field
 * (back to the reference, as from the popover's own last control) are told to the parent.
 */
import type { NotesFrameMessage } from '../../messaging/notes-frame';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled])';

export function watchFrameKeys(doc: Document, post: (message: NotesFrameMessage) => void): void {
  doc.addEventListener('keydown', (event) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      post({ source: 'eurefs-notes-frame', type: 'escape' });
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey) return;
    const focusables = [...doc.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusables.length === 0 || doc.activeElement === focusables.at(-1)) {
      event.preventDefault();
      post({ source: 'eurefs-notes-frame', type: 'tab-out' });
    }
  });
}
