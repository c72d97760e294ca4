/**
 * Notes and tags on one document, in the Notes frame that the popover holds (an extension page,
 * out of the page's reach: entrypoints/notes-frame/): lists the notes the reader wrote about the
 * document (wherever they were written), and adds, edits or deletes one. A new note remembers
 * this page and the quoted reference (with the text around it and its position) so it can be
 * found again. Talks to the background through the annotations client; renders text as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReferenceType } from '../references/types';
import { annotationsClient, type AnnotationsClient } from '../messaging/annotations-client';
import type { Note, Quote } from '../storage/annotations/schema';
import type { Stage } from '../storage/dataset/schema';
import { useI18n } from './i18n-context';
import { errorWords } from '../i18n/phrased-error';
import { say } from '../i18n/phrase';

export interface NoteEditorProps {
  /** the document's canonical id (`COM(2016) 731`, `32017L0541`) */
  documentId: string;
  /** a short citation (`Directive (EU) 2017/541`) */
  label: string;
  /** the document's type, where the caller knows it (otherwise derived from the id) */
  type?: ReferenceType;
  /** the document's status now, remembered with a new note (null: untracked) */
  stage?: Stage | null;
  page: { url: string; title: string };
  /** the reference as it stands on the page; null where there is no quote */
  quote: Quote | null;
  /** for tests; the default talks to the background */
  client?: Pick<AnnotationsClient, 'notesForDocument' | 'saveNote' | 'deleteNote'>;
}

export const parseTags = (text: string): string[] => [...new Set(text.split(/[,;]/).map((t) => t.trim()).filter(Boolean))];

export function NoteEditor({ documentId, label, type, stage, page, quote, client = annotationsClient }: NoteEditorProps) {
  const words = useI18n();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [editing, setEditing] = useState<Note | null>(null);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textField = useRef<HTMLTextAreaElement>(null);

  const reload = () =>
    client
      .notesForDocument(documentId)
      .then(setNotes)
      .catch((e: unknown) => setError(say(words, errorWords(e))));

  useEffect(() => {
    setNotes(null);
    setEditing(null);
    setText('');
    setTags('');
    void reload();
  }, [documentId]);

  const startEdit = (note: Note) => {
    setEditing(note);
    setText(note.text);
    setTags(note.tags.join(', '));
    setConfirmDelete(null);
  };
  const reset = () => {
    setEditing(null);
    setText('');
    setTags('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!text.trim() && parseTags(tags).length === 0) return;
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        // An edited note keeps where it was written.
        const { createdAt: _c, updatedAt: _u, ...kept } = editing;
        await client.saveNote({ ...kept, text, tags: parseTags(tags) });
      } else {
        await client.saveNote({
          documentId,
          label,
          ...(type ? { type } : {}),
          stage: stage ?? null,
          text,
          tags: parseTags(tags),
          page,
          quote,
        });
      }
      reset();
      await reload();
      // The button pressed was disabled while saving, which drops keyboard focus; the form,
      // ready for the next note, is where the reader goes on from.
      textField.current?.focus();
    } catch (e) {
      setError(say(words, errorWords(e)));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    if (confirmDelete !== id) {
      setConfirmDelete(id);
      return;
    }
    setBusy(true);
    try {
      await client.deleteNote(id);
      setConfirmDelete(null);
      if (editing?.id === id) reset();
      await reload();
      // The note and its button are gone: focus goes on from the form, not from nowhere.
      textField.current?.focus();
    } catch (e) {
      setError(say(words, errorWords(e)));
    } finally {
      setBusy(false);
    }
  };

  const formId = `eurefs-note-${documentId.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <section class="eurefs-notes" aria-label={words.t('notesLabel', label)} data-eurefs-notes={documentId}>
      {error && <p class="eurefs-notes-error" role="alert">{error}</p>}
      {notes === null && !error && <p class="muted">{words.t('notesReading')}</p>}
      {notes && notes.length > 0 && (
        <ul class="eurefs-notes-list">
          {notes.map((note) => (
            <li key={note.id} data-note-id={note.id}>
              {note.text && <p class="eurefs-note-text">{note.text}</p>}
              {note.tags.length > 0 && (
                <p class="eurefs-note-tags">{note.tags.map((t) => <span class="eurefs-tag" key={t}>{t}</span>)}</p>
              )}
              <p class="eurefs-note-meta">
                {note.page.url === page.url ? words.t('notesOnThisPage') : <a href={note.page.url} target="_blank" rel="noopener noreferrer">{note.page.title || note.page.url}</a>}
                {note.quote?.exact ? ` · “${note.quote.exact}”` : ''} · {words.moment(note.updatedAt)}
              </p>
              <p class="eurefs-note-actions">
                <button type="button" onClick={() => startEdit(note)} disabled={busy}>{words.t('notesEdit')}</button>
                <button type="button" onClick={() => void remove(note.id)} disabled={busy}>
                  {words.t(confirmDelete === note.id ? 'notesReallyDelete' : 'notesDelete')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      <form class="eurefs-note-form" onSubmit={(e) => void save(e)}>
        <label for={`${formId}-text`}>{words.t(editing ? 'notesEditNote' : 'notesNewNote')}</label>
        <textarea ref={textField} id={`${formId}-text`} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label for={`${formId}-tags`}>{words.t('notesTags')}</label>
        <input id={`${formId}-tags`} type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        <p class="eurefs-note-actions">
          <button type="submit" disabled={busy}>{words.t(editing ? 'notesSaveChanges' : 'notesAdd')}</button>
          {editing && <button type="button" onClick={reset} disabled={busy}>{words.t('notesCancel')}</button>}
        </p>
      </form>
    </section>
  );
}
