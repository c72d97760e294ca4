/** The reader's notes on the options page: search by words and tag, a page at a time. */
import { useEffect, useState } from 'preact/hooks';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { searchNotes } from '../../../storage/annotations/service';
import type { Note } from '../../../storage/annotations/schema';
import { errorText } from '../error-text';
import { LIST_PAGE } from './list-page';
import { NoteRow } from './NoteRow';
import { useI18n } from '../../../components/i18n-context';

export function NotesSection({ annotations, revision, onTags }: { annotations: AnnotationsDb; revision: number; onTags: (tags: string[]) => void }) {
  const words = useI18n();
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
      .catch((e: unknown) => setError(errorText(words, e)));
    return () => {
      live = false;
    };
  }, [annotations, query, tag, limit, tick, revision]);

  return (
    <section aria-labelledby="notes-heading" data-testid="annotations-notes">
      <h3 id="notes-heading">{words.t('annotationsNotes')}</h3>
      <p class="controls">
        <label>{words.t('annotationsSearchNotes')} <input type="search" value={query} onInput={(e) => { setQuery(e.currentTarget.value); setLimit(LIST_PAGE); }} /></label>{' '}
        <label>{words.t('annotationsTag')}{' '}
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">{words.t('annotationsAnyTag')}</option>
            {(result?.tags ?? []).map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
      </p>
      {error && <p role="alert">{error}</p>}
      {result && (
        <>
          <p class="muted">{result.total === 0 ? words.t('annotationsNoNotes') : words.plural('annotationsNoteCount', result.total)}</p>
          <ul class="notes">
            {result.notes.map((note) => <NoteRow key={`${note.id}-${note.updatedAt}`} annotations={annotations} note={note} onChanged={() => setTick((t) => t + 1)} />)}
          </ul>
          {result.total > result.notes.length && <button type="button" onClick={() => setLimit((l) => l + LIST_PAGE)}>{words.t('annotationsMoreNotes')}</button>}
        </>
      )}
    </section>
  );
}
