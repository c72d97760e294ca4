/**
 * The options page's annotations: notes (search, edit, delete), reading history (per-site
 * switch, clear, list) and export/import. Notes and history go through the background by
 * message; exports and imports, which may touch thousands of rows, run here on the options page
 * (same extension origin, so the same database) in slices, so neither the background's
 * 30-second limit nor a frozen page is a risk. Everything stays on this machine.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { REFERENCE_TYPES } from '../../references/types';
import { STAGES } from '../../storage/dataset/schema';
import { sendToBackground } from '../../messaging/to-background';
import { annotationsClient } from '../../messaging/annotations-client';
import { AnnotationsDb } from '../../storage/annotations/db';
import { dexieSource } from '../../storage/annotations/dexie-source';
import { buildExport } from '../../storage/annotations/export';
import { mergeImport, parseAnnotationsImport, type ImportSummary } from '../../storage/annotations/import';
import type { HistorySettingsResponse } from '../../messaging/annotations';
import { updateSettings, withSite } from '../../storage/settings';
import type { DocumentInfo, ExportFormat, ExportRequestInput, Note, ReferenceTypeSchema, StatusFilterValue, Visit } from '../../storage/annotations/schema';
import { parseTags } from '../../components/NoteEditor';
import { TYPE_NAMES } from '../../components/labels';
import './annotations.css';

type ReferenceType = (typeof ReferenceTypeSchema)['options'][number];
const PAGE = 50;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV (one row per reference on a page, and per note)' },
  { value: 'json', label: 'JSON (Eurefs annotations; can be imported again)' },
  { value: 'w3c', label: 'W3C Web Annotations, JSON-LD (notes, for annotation tools)' },
  { value: 'csl-json', label: 'CSL-JSON (the documents, for Zotero and other reference managers)' },
  { value: 'ris', label: 'RIS (the documents, for EndNote, Zotero, Mendeley)' },
];

/** Saves chunks as a file: a Blob and an object URL, never markup. */
export function download(chunks: BlobPart[], mimeType: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(chunks, { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function lookupDocuments(ids: string[]): Promise<Record<string, DocumentInfo | null>> {
  const answer = await sendToBackground({ type: 'lookup', ids });
  return answer.documents;
}

// ---- notes ----

function NoteRow({ note, onChanged }: { note: Note; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const { createdAt: _c, updatedAt: _u, ...kept } = note;
      await annotationsClient.saveNote({ ...kept, text, tags: parseTags(tags) });
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async () => {
    if (!confirm) return setConfirm(true);
    try {
      await annotationsClient.deleteNote(note.id);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <li class="note" data-note-id={note.id}>
      <p class="note-head">
        <strong>{note.label || note.documentId}</strong>
        {note.stage ? <span class="muted"> · {note.stage}</span> : null}
        <span class="muted"> · {new Date(note.updatedAt).toLocaleString()}</span>
      </p>
      {error && <p role="alert">{error}</p>}
      {editing ? (
        <form onSubmit={(e) => void save(e)} class="note-form">
          <label>Note <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
          <label>Tags <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} /></label>
          <p><button type="submit">Save</button> <button type="button" onClick={() => setEditing(false)}>Cancel</button></p>
        </form>
      ) : (
        <>
          {note.text && <p class="note-text">{note.text}</p>}
          {note.tags.length > 0 && <p class="tags">{note.tags.map((t) => <span class="tag" key={t}>{t}</span>)}</p>}
        </>
      )}
      <p class="detail">
        Written on <a href={note.page.url} target="_blank" rel="noopener noreferrer">{note.page.title || note.page.url}</a>
        {note.quote?.exact ? <> at “{note.quote.exact}”</> : null}
      </p>
      {!editing && (
        <p>
          <button type="button" onClick={() => setEditing(true)}>Edit</button>{' '}
          <button type="button" onClick={() => void remove()}>{confirm ? 'Really delete?' : 'Delete'}</button>
        </p>
      )}
    </li>
  );
}

function NotesSection({ revision, onTags }: { revision: number; onTags: (tags: string[]) => void }) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [result, setResult] = useState<{ total: number; notes: Note[]; tags: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    annotationsClient
      .searchNotes(query, { ...(tag ? { tag } : {}), limit })
      .then((r) => {
        if (!live) return;
        setResult(r);
        onTags(r.tags);
      })
      .catch((e: unknown) => setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [query, tag, limit, tick, revision]);

  return (
    <section aria-labelledby="notes-heading" data-testid="annotations-notes">
      <h3 id="notes-heading">Notes</h3>
      <p class="controls">
        <label>Search notes <input type="search" value={query} onInput={(e) => { setQuery(e.currentTarget.value); setLimit(PAGE); }} /></label>{' '}
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
            {result.notes.map((note) => <NoteRow key={`${note.id}-${note.updatedAt}`} note={note} onChanged={() => setTick((t) => t + 1)} />)}
          </ul>
          {result.total > result.notes.length && <button type="button" onClick={() => setLimit((l) => l + PAGE)}>Show more notes</button>}
        </>
      )}
    </section>
  );
}

// ---- history ----

function HistorySection({
  revision,
  selected,
  onSelect,
  onChanged,
}: {
  revision: number;
  selected: ReadonlySet<string>;
  onSelect: (url: string, on: boolean) => void;
  onChanged: () => void;
}) {
  const [settings, setSettings] = useState<HistorySettingsResponse | null>(null);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [list, setList] = useState<{ total: number; visits: Visit[] } | null>(null);
  const [newSite, setNewSite] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    annotationsClient.historySettings().then(setSettings).catch((e: unknown) => setError(errorText(e)));
  }, [revision]);
  useEffect(() => {
    let live = true;
    annotationsClient
      .listVisits(query, 0, limit)
      .then((r) => live && setList(r))
      .catch((e: unknown) => setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [query, limit, revision]);

  const switchSite = async (host: string, enabled: boolean) => {
    try {
      await updateSettings((current) => withSite(current, host, { history: enabled }));
      setSettings(await annotationsClient.historySettings());
    } catch (e) {
      setError(errorText(e));
    }
  };
  const clear = async () => {
    if (!confirmClear) return setConfirmClear(true);
    setConfirmClear(false);
    try {
      await annotationsClient.clearHistory();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="history-heading" data-testid="annotations-history">
      <h3 id="history-heading">Reading history</h3>
      <p class="muted">For each page you read: its address, title and time, and every document it cites with the status it had then. Kept on this computer only.</p>
      {error && <p role="alert">{error}</p>}
      {settings && (
        <fieldset class="sites">
          <legend>Record the history on</legend>
          {settings.sites.map(({ host, enabled }) => (
            <label key={host} class="site">
              <input type="checkbox" checked={enabled} onChange={(e) => void switchSite(host, e.currentTarget.checked)} /> {host}
            </label>
          ))}
          <form onSubmit={(e) => { e.preventDefault(); const host = newSite.trim().toLowerCase(); if (host) void switchSite(host, true).then(() => setNewSite('')); }}>
            <label>Another site <input type="text" placeholder="ec.europa.eu" value={newSite} onInput={(e) => setNewSite(e.currentTarget.value)} /></label>{' '}
            <button type="submit">Record it</button>
          </form>
        </fieldset>
      )}
      <p class="controls">
        <label>Search pages <input type="search" value={query} onInput={(e) => { setQuery(e.currentTarget.value); setLimit(PAGE); }} /></label>{' '}
        <button type="button" onClick={() => void clear()}>{confirmClear ? 'Really clear the whole history?' : 'Clear history'}</button>
      </p>
      {list && (
        <>
          <p class="muted" data-testid="history-count">{list.total === 0 ? 'No pages recorded.' : `${list.total} ${list.total === 1 ? 'page visit' : 'page visits'}`}</p>
          <ul class="visits">
            {list.visits.map((visit) => (
              <li key={visit.id} data-visit-url={visit.url}>
                <label>
                  <input type="checkbox" checked={selected.has(visit.url)} onChange={(e) => onSelect(visit.url, e.currentTarget.checked)} aria-label={`Choose ${visit.title || visit.url} for export`} />{' '}
                  <a href={visit.url} target="_blank" rel="noopener noreferrer">{visit.title || visit.url}</a>
                </label>
                <span class="detail">
                  {new Date(visit.visitedAt).toLocaleString()} · {visit.references.length} {visit.references.length === 1 ? 'document' : 'documents'}
                  {visit.references.length > 0 ? `: ${visit.references.slice(0, 6).map((r) => r.label).join(', ')}${visit.references.length > 6 ? ', …' : ''}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {list.total > list.visits.length && <button type="button" onClick={() => setLimit((l) => l + PAGE)}>Show more pages</button>}
        </>
      )}
    </section>
  );
}

// ---- export and import ----

function toggle<T>(values: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...values, value])] : values.filter((v) => v !== value);
}

function ExportSection({ selected, tags, currentPage }: { selected: ReadonlySet<string>; tags: string[]; currentPage: string }) {
  const [scope, setScope] = useState<'all' | 'chosen' | 'page'>(currentPage ? 'page' : 'all');
  const [pageUrl, setPageUrl] = useState(currentPage);
  const [types, setTypes] = useState<ReferenceType[]>([]);
  const [statuses, setStatuses] = useState<StatusFilterValue[]>([]);
  const [chosenTags, setChosenTags] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const db = useMemo(() => new AnnotationsDb(), []);

  const run = async (event: Event) => {
    event.preventDefault();
    const urls = scope === 'chosen' ? [...selected] : scope === 'page' ? [pageUrl.trim()].filter(Boolean) : [];
    if (scope !== 'all' && urls.length === 0) {
      setMessage(scope === 'chosen' ? 'Choose pages in the history list first.' : 'Give the page’s address.');
      return;
    }
    const request: ExportRequestInput = {
      scope: scope === 'all' ? { kind: 'all' } : { kind: 'pages', urls },
      filters: { types, statuses, tags: chosenTags, ...(from ? { from } : {}), ...(to ? { to } : {}) },
      format,
    };
    setBusy(true);
    setMessage('Building the export…');
    try {
      const built = await buildExport(dexieSource(db), request, { documents: lookupDocuments });
      download(built.chunks, built.mimeType, built.filename);
      setMessage(`Exported ${built.records} ${built.records === 1 ? 'record' : 'records'} to ${built.filename}.`);
    } catch (e) {
      setMessage(`The export failed: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="export-heading" data-testid="annotations-export">
      <h3 id="export-heading">Export</h3>
      <form onSubmit={(e) => void run(e)} class="export-form">
        <fieldset>
          <legend>Pages</legend>
          <label><input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Everything</label>
          <label><input type="radio" name="scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> The pages chosen in the history ({selected.size})</label>
          <label><input type="radio" name="scope" checked={scope === 'page'} onChange={() => setScope('page')} /> One page:</label>{' '}
          <input type="url" aria-label="Page address" value={pageUrl} onInput={(e) => { setPageUrl(e.currentTarget.value); setScope('page'); }} placeholder="https://eur-lex.europa.eu/…" />
        </fieldset>
        <fieldset>
          <legend>Document types (none chosen: all)</legend>
          {REFERENCE_TYPES.map((t) => (
            <label key={t} class="check"><input type="checkbox" checked={types.includes(t)} onChange={(e) => setTypes(toggle(types, t, e.currentTarget.checked))} /> {TYPE_NAMES[t]}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Status (none chosen: all)</legend>
          {[...STAGES, 'untracked' as const].map((s) => (
            <label key={s} class="check"><input type="checkbox" checked={statuses.includes(s)} onChange={(e) => setStatuses(toggle<StatusFilterValue>(statuses, s, e.currentTarget.checked))} /> {s.replaceAll('-', ' ')}</label>
          ))}
        </fieldset>
        {tags.length > 0 && (
          <fieldset>
            <legend>Tags (none chosen: all)</legend>
            {tags.map((t) => (
              <label key={t} class="check"><input type="checkbox" checked={chosenTags.includes(t)} onChange={(e) => setChosenTags(toggle(chosenTags, t, e.currentTarget.checked))} /> {t}</label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>Dates (UTC days, inclusive)</legend>
          <label>From <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></label>{' '}
          <label>To <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        </fieldset>
        <label>Format{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>{' '}
        <button type="submit" disabled={busy}>Export</button>
      </form>
      {message && <p role="status" data-testid="export-status">{message}</p>}
    </section>
  );
}

function ImportSection({ onImported }: { onImported: () => void }) {
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const db = useMemo(() => new AnnotationsDb(), []);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      // Parsed and validated before the one transaction opens.
      const parsed = parseAnnotationsImport(await file.text());
      setSummary(await mergeImport(db, parsed));
      onImported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-heading" data-testid="annotations-import">
      <h3 id="import-heading">Import an earlier export</h3>
      <p class="muted">A Eurefs JSON export (notes and history) or W3C Web Annotations (notes). What is already here is kept; nothing is added twice.</p>
      <label>Export file <input type="file" accept=".json,.jsonld,application/json,application/ld+json" disabled={busy} onChange={(e) => void read(e.currentTarget.files?.[0])} /></label>
      {error && <p role="alert">The file was not imported: {error}</p>}
      {summary && (
        <p role="status" data-testid="import-status">
          Imported: {summary.notesAdded} new notes, {summary.notesUpdated} updated, {summary.notesUnchanged} already here; {summary.visitsAdded} new page visits, {summary.visitsUnchanged} already here
          {summary.skipped ? `; ${summary.skipped} skipped (not about an EU document)` : ''}.
        </p>
      )}
    </section>
  );
}

/** The whole annotations part of the options page. `?page=<address>` preselects that page for export. */
export function Annotations() {
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tags, setTags] = useState<string[]>([]);
  const currentPage = useMemo(() => new URLSearchParams(location.search).get('page') ?? '', []);
  const bump = () => setRevision((r) => r + 1);

  return (
    <section class="annotations" data-testid="annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">Notes, reading history and exports</h2>
      <NotesSection revision={revision} onTags={setTags} />
      <HistorySection
        revision={revision}
        selected={selected}
        onSelect={(url, on) => setSelected((s) => { const next = new Set(s); if (on) next.add(url); else next.delete(url); return next; })}
        onChanged={bump}
      />
      <ExportSection selected={selected} tags={tags} currentPage={currentPage} />
      <ImportSection onImported={bump} />
    </section>
  );
}
