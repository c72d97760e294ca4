import { render } from 'preact';
import { NoteEditor } from '../../components/NoteEditor';
import { parseNotesFrameHash, tellPopover } from '../../messaging/notes-frame';
import { watchFrameKeys } from './frame-keys';

/**
 * The reader's notes on one document, in a frame of the extension's own origin inside the
 * popover: the page around it can neither read nor drive what is in here (DESIGN.md, "Page UI").
 * The popover names the document and the page in this frame's address (public facts); the notes
 * themselves come from the background, which answers only the extension's own pages.
 */
const app = document.getElementById('app')!;
const context = parseNotesFrameHash(location.hash);
if (context) {
  render(<NoteEditor {...context} />, app);
} else {
  render(<p class="eurefs-notes-error" role="alert">Eurefs cannot tell which document these notes are for.</p>, app);
}
watchFrameKeys(document, tellPopover);
