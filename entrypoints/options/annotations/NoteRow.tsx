/** One note in the options page's list: read, edit, delete (asked twice). */
import { useState } from 'preact/hooks';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { deleteNote, saveNote } from '../../../storage/annotations/service';
import type { Note } from '../../../storage/annotations/schema';
import { stageWords } from '../../../components/labels';
import { useI18n } from '../../../components/i18n-context';
import { dateTime } from '../date-time';
import { withElements } from '../with-elements';
import { parseTags } from '../../../components/NoteEditor';
import { errorText } from '../error-text';

export function NoteRow({ annotations, note, onChanged }: { annotations: AnnotationsDb; note: Note; onChanged: () => void }) {
  const words = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const { createdAt: _c, updatedAt: _u, ...kept } = note;
      await saveNote(annotations, { ...kept, text, tags: parseTags(tags) });
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(errorText(words, e));
    }
  };
  const remove = async () => {
    if (!confirm) return setConfirm(true);
    try {
      await deleteNote(annotations, note.id);
      onChanged();
    } catch (e) {
      setError(errorText(words, e));
    }
  };

  return (
    <li class="note" data-note-id={note.id}>
      <p class="note-head">
        <strong>{note.label || note.documentId}</strong>
        {note.stage ? <span class="muted"> · {stageWords(words, note.stage)}</span> : null}
        <span class="muted"> · {dateTime(words, note.updatedAt)}</span>
      </p>
      {error && <p role="alert">{error}</p>}
      {editing ? (
        <form onSubmit={(e) => void save(e)} class="note-form">
          <label>{words.t('annotationsNote')} <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
          <label>{words.t('annotationsTags')} <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} /></label>
          <p><button type="submit">{words.t('annotationsSave')}</button> <button type="button" onClick={() => setEditing(false)}>{words.t('annotationsCancel')}</button></p>
        </form>
      ) : (
        <>
          {note.text && <p class="note-text">{note.text}</p>}
          {note.tags.length > 0 && <p class="tags">{note.tags.map((t) => <span class="tag" key={t}>{t}</span>)}</p>}
        </>
      )}
      <p class="detail">
        {withElements([<a href={note.page.url} target="_blank" rel="noopener noreferrer">{note.page.title || note.page.url}</a>], (page) => words.t('annotationsWrittenOn', page!))}
        {note.quote?.exact ? words.t('annotationsAtQuote', note.quote.exact) : null}
      </p>
      {!editing && (
        <p>
          <button type="button" onClick={() => setEditing(true)}>{words.t('annotationsEdit')}</button>{' '}
          <button type="button" onClick={() => void remove()}>{confirm ? words.t('annotationsReallyDelete') : words.t('annotationsDelete')}</button>
        </p>
      )}
    </li>
  );
}
