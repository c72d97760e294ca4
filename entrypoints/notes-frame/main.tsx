import { render } from 'preact';
import { NoteEditor } from '../../components/NoteEditor';
import { parseNotesFrameHash, tellPopover } from '../../messaging/notes-frame';
import { watchFrameKeys } from './frame-keys';
import { Localised } from '../../components/Localised';
import { useI18n } from '../../components/i18n-context';

function UnknownDocument() {
  return <p class="eurefs-notes-error" role="alert">{useI18n().t('notesUnknownDocument')}</p>;
}

/**
 * The reader's notes on one document, in a frame of the extension's own origin inside the
 * popover: the page around it can neither read nor drive what is in here (DESIGN.md, "Page UI").
 * The popover names the document and the page in this frame's address (public facts); the notes
 * themselves come from the background, which answers only the extension's own pages.
 */
const app = document.getElementById('app')!;
const context = parseNotesFrameHash(location.hash);
if (context) {
  render(<Localised title="notesPageTitle"><NoteEditor {...context} /></Localised>, app);
} else {
  render(<Localised title="notesPageTitle"><UnknownDocument /></Localised>, app);
}
watchFrameKeys(document, tellPopover);
