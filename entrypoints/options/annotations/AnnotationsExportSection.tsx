/**
 * Export of notes and reading history: which pages, which documents, which dates, which format.
 * Built here on the options page, a slice at a time, so that 10,000 pages neither freeze the page
 * nor outlive the background (storage/annotations/db.ts).
 */
import { useState } from 'preact/hooks';
import { REFERENCE_TYPES } from '../../../references/types';
import { STAGES } from '../../../storage/dataset/schema';
import type { EurefsDb } from '../../../storage/dataset/db';
import { lookupDocuments } from '../../../storage/dataset/lookup';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { dexieSource } from '../../../storage/annotations/dexie-source';
import { buildExport } from '../../../storage/annotations/export';
import type { ExportFormat, ExportRequestInput, ReferenceTypeSchema, StatusFilterValue } from '../../../storage/annotations/schema';
import { stageWords, TYPE_KEYS } from '../../../components/labels';
import { useI18n } from '../../../components/i18n-context';
import type { MessageKey } from '../../../i18n/keys';
import { download } from '../../../components/download';
import { errorText } from '../error-text';

type ReferenceType = (typeof ReferenceTypeSchema)['options'][number];

const FORMATS: { value: ExportFormat; label: MessageKey }[] = [
  { value: 'csv', label: 'annotationsFormatCsv' },
  { value: 'json', label: 'annotationsFormatJson' },
  { value: 'w3c', label: 'annotationsFormatW3c' },
  { value: 'csl-json', label: 'annotationsFormatCsl' },
  { value: 'ris', label: 'annotationsFormatRis' },
];

function toggle<T>(values: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...values, value])] : values.filter((v) => v !== value);
}

export function AnnotationsExportSection({
  db,
  annotations,
  selected,
  tags,
  currentPage,
}: {
  db: EurefsDb;
  annotations: AnnotationsDb;
  selected: ReadonlySet<string>;
  tags: string[];
  currentPage: string;
}) {
  const words = useI18n();
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

  const run = async (event: Event) => {
    event.preventDefault();
    const urls = scope === 'chosen' ? [...selected] : scope === 'page' ? [pageUrl.trim()].filter(Boolean) : [];
    if (scope !== 'all' && urls.length === 0) {
      setMessage(scope === 'chosen' ? words.t('annotationsChooseFirst') : words.t('annotationsGiveAddress'));
      return;
    }
    const request: ExportRequestInput = {
      scope: scope === 'all' ? { kind: 'all' } : { kind: 'pages', urls },
      filters: { types, statuses, tags: chosenTags, ...(from ? { from } : {}), ...(to ? { to } : {}) },
      format,
    };
    setBusy(true);
    setMessage(words.t('annotationsBuilding'));
    try {
      const built = await buildExport(dexieSource(annotations), request, {
        documents: async (ids) => (await lookupDocuments(db, ids)).documents,
      });
      download(built.chunks, built.mimeType, built.filename);
      setMessage(words.plural('annotationsExported', built.records, built.filename));
    } catch (e) {
      setMessage(words.t('annotationsExportFailed', errorText(words, e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="annotations-export-heading" data-testid="annotations-export">
      <h3 id="annotations-export-heading">{words.t('annotationsExport')}</h3>
      <form onSubmit={(e) => void run(e)} class="export-form">
        <fieldset>
          <legend>{words.t('annotationsPages')}</legend>
          <label><input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {words.t('annotationsEverything')}</label>
          <label><input type="radio" name="scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> {words.t('annotationsChosenPages', selected.size)}</label>
          <label><input type="radio" name="scope" checked={scope === 'page'} onChange={() => setScope('page')} /> {words.t('annotationsOnePage')}</label>{' '}
          <input type="url" aria-label={words.t('annotationsPageAddress')} value={pageUrl} onInput={(e) => { setPageUrl(e.currentTarget.value); setScope('page'); }} placeholder="https://eur-lex.europa.eu/…" />
        </fieldset>
        <fieldset>
          <legend>{words.t('annotationsTypes')}</legend>
          {REFERENCE_TYPES.map((t) => (
            <label key={t} class="check"><input type="checkbox" checked={types.includes(t)} onChange={(e) => setTypes(toggle(types, t, e.currentTarget.checked))} /> {words.t(TYPE_KEYS[t])}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{words.t('annotationsStatus')}</legend>
          {[...STAGES, 'untracked' as const].map((s) => (
            <label key={s} class="check"><input type="checkbox" checked={statuses.includes(s)} onChange={(e) => setStatuses(toggle<StatusFilterValue>(statuses, s, e.currentTarget.checked))} /> {stageWords(words, s === 'untracked' ? null : s)}</label>
          ))}
        </fieldset>
        {tags.length > 0 && (
          <fieldset>
            <legend>{words.t('annotationsTagsFilter')}</legend>
            {tags.map((t) => (
              <label key={t} class="check"><input type="checkbox" checked={chosenTags.includes(t)} onChange={(e) => setChosenTags(toggle(chosenTags, t, e.currentTarget.checked))} /> {t}</label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{words.t('annotationsDates')}</legend>
          <label>{words.t('annotationsFrom')} <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></label>{' '}
          <label>{words.t('annotationsTo')} <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        </fieldset>
        <label>{words.t('annotationsFormat')}{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{words.t(f.label)}</option>)}
          </select>
        </label>{' '}
        <button type="submit" disabled={busy}>{words.t('annotationsExport')}</button>
      </form>
      {message && <p role="status" data-testid="export-status">{message}</p>}
    </section>
  );
}
