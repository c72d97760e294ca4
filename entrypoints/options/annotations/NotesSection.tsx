/** The reader's notes on the options page: search by words and tag, a page at a time. */
import { useEffect, useState } from 'preact/hooks';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { searchNotes } from '../../../storage/annotations/service';
import type { Note } from '../../../storage/annotations/schema';
import { errorText } from '../error-text';
import { LIST_PAGE } from './list-page';
import { NoteRow } from './NoteRow';

export function NotesSection({ annotations, revision, onTags }: { annotations: AnnotationsDb; revision: number; onTags: (tags: string[]) => void }) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [limit, setLimit] = useState(LIST_PAGE);
  const [result, setResult] = useState<{ total: number; notes: Note[]; tags: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    searchNotes(annotations, { query, ...(tag ? { tag } : {}), limit })
      .then((r) => {
        if (!live) return;
        setResult(r);
        onTags(r.tags);
      })
      .catch((e: unknown) => setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [annotations, query, tag, limit, tick, revision]);

  return (
    <section aria-labelledby="notes-heading" data-testid="annotations-notes">
      <h3 id="notes-heading">Notes</h3>
      <p class="controls">
        <label>Search notes <input type="search" value={query} onInput={(e) => { setQuery(e.currentTarget.value); setLimit(LIST_PAGE); }} /></label>{' '}
        <label>Tag{' '}
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">any</option>
            {(result?.tags ?? []).map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
      </p>
      {error && <p role="alert">{error}</p>}
      {result && (
        <>
          <p class="muted">{result.total === 0 ? 'No notes yet: write one from a reference’s popover.' : `${result.total} ${result.total === 1 ? 'note' : 'notes'}`}</p>
          <ul class="notes">
            {result.notes.map((note) => <NoteRow key={`${note.id}-${note.updatedAt}`} annotations={annotations} note={note} onChanged={() => setTick((t) => t + 1)} />)}
          </ul>
          {result.total > result.notes.length && <button type="button" onClick={() => setLimit((l) => l + LIST_PAGE)}>Show more notes</button>}
        </>
      )}
    </section>
  );
}
