/**
 * The reading history on the options page: which sites it is recorded on, the pages read (search,
 * clear), and a checkbox per page to choose it for the export.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HistorySettingsResponse } from '../../../messaging/annotations';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { clearHistory, historySettingsResponse, listVisits, setSiteRecording } from '../../../storage/annotations/service';
import type { Visit } from '../../../storage/annotations/schema';
import { errorText } from '../error-text';
import { LIST_PAGE } from './list-page';
import { useI18n } from '../../../components/i18n-context';
import { dateTime } from '../date-time';

export function ReadingHistorySection({
  annotations,
  revision,
  selected,
  onSelect,
  onChanged,
}: {
  annotations: AnnotationsDb;
  revision: number;
  selected: ReadonlySet<string>;
  onSelect: (url: string, on: boolean) => void;
  onChanged: () => void;
}) {
  const words = useI18n();
  const [settings, setSettings] = useState<HistorySettingsResponse | null>(null);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(LIST_PAGE);
  const [list, setList] = useState<{ total: number; visits: Visit[] } | null>(null);
  const [newSite, setNewSite] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    historySettingsResponse(annotations).then(setSettings).catch((e: unknown) => setError(errorText(words, e)));
  }, [annotations, revision]);
  useEffect(() => {
    let live = true;
    listVisits(annotations, { query, offset: 0, limit })
      .then((r) => live && setList(r))
      .catch((e: unknown) => setError(errorText(words, e)));
    return () => {
      live = false;
    };
  }, [annotations, query, limit, revision]);

  const switchSite = async (host: string, enabled: boolean) => {
    try {
      await setSiteRecording(annotations, host, enabled);
      setSettings(await historySettingsResponse(annotations));
    } catch (e) {
      setError(errorText(words, e));
    }
  };
  const clear = async () => {
    if (!confirmClear) return setConfirmClear(true);
    setConfirmClear(false);
    try {
      await clearHistory(annotations);
      onChanged();
    } catch (e) {
      setError(errorText(words, e));
    }
  };

  return (
    <section aria-labelledby="reading-history-heading" data-testid="annotations-history">
      <h3 id="reading-history-heading">{words.t('annotationsHistory')}</h3>
      <p class="muted">{words.t('annotationsHistoryIntro')}</p>
      {error && <p role="alert">{error}</p>}
      {settings && (
        <fieldset class="sites">
          <legend>{words.t('annotationsRecordOn')}</legend>
          {settings.sites.map(({ host, enabled }) => (
            <label key={host} class="site">
              <input type="checkbox" checked={enabled} onChange={(e) => void switchSite(host, e.currentTarget.checked)} /> {host}
            </label>
          ))}
          <form onSubmit={(e) => { e.preventDefault(); const host = newSite.trim().toLowerCase(); if (host) void switchSite(host, true).then(() => setNewSite('')); }}>
            <label>{words.t('annotationsAnotherSite')} <input type="text" placeholder="ec.europa.eu" value={newSite} onInput={(e) => setNewSite(e.currentTarget.value)} /></label>{' '}
            <button type="submit">{words.t('annotationsRecordIt')}</button>
          </form>
        </fieldset>
      )}
      <p class="controls">
        <label>{words.t('annotationsSearchPages')} <input type="search" value={query} onInput={(e) => { setQuery(e.currentTarget.value); setLimit(LIST_PAGE); }} /></label>{' '}
        <button type="button" onClick={() => void clear()}>{confirmClear ? words.t('annotationsReallyClear') : words.t('annotationsClear')}</button>
      </p>
      {list && (
        <>
          <p class="muted" data-testid="history-count">{list.total === 0 ? words.t('annotationsNoPages') : words.plural('annotationsVisitCount', list.total)}</p>
          <ul class="visits">
            {list.visits.map((visit) => (
              <li key={visit.id} data-visit-url={visit.url}>
                <label>
                  <input type="checkbox" checked={selected.has(visit.url)} onChange={(e) => onSelect(visit.url, e.currentTarget.checked)} aria-label={words.t('annotationsChoose', visit.title || visit.url)} />{' '}
                  <a href={visit.url} target="_blank" rel="noopener noreferrer">{visit.title || visit.url}</a>
                </label>
                <span class="detail">
                  {dateTime(words, visit.visitedAt)} · {words.plural('annotationsVisitDocuments', visit.references.length)}
                  {visit.references.length > 0 ? `: ${visit.references.slice(0, 6).map((r) => r.label).join(', ')}${visit.references.length > 6 ? ', …' : ''}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {list.total > list.visits.length && <button type="button" onClick={() => setLimit((l) => l + LIST_PAGE)}>{words.t('annotationsMorePages')}</button>}
        </>
      )}
    </section>
  );
}
