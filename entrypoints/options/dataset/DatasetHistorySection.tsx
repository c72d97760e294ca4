/** The history of imports: when, from where, which file, its hash and counts; undo, roll back, reset. */
import { useEffect, useState } from 'preact/hooks';
import type { ImportEntry } from '../../../storage/dataset/db';
import { listImports, resetToBundled, rollbackTo, undoLastImport } from '../../../storage/dataset/layers';
import { formatBytes } from '../../../components/format';
import type { SectionProps } from '../section';
import { useI18n } from '../../../components/i18n-context';
import type { MessageKey } from '../../../i18n/keys';
import { dateTime } from '../date-time';
import { say } from '../../../i18n/phrase';
import { errorWords } from '../../../i18n/phrased-error';
import { modeWords } from './mode-words';

const SOURCE_WORDS: Readonly<Record<ImportEntry['source']['kind'], MessageKey>> = {
  file: 'historySourceFile',
  address: 'historySourceAddress',
  schedule: 'historySourceSchedule',
};

const UNDONE_BY: Readonly<Record<NonNullable<ImportEntry['undone']>['by'], MessageKey>> = {
  undo: 'historyByUndo',
  rollback: 'historyByRollback',
  reset: 'historyByReset',
};

export function DatasetHistorySection({ db, revision, changed }: SectionProps) {
  const words = useI18n();
  const [entries, setEntries] = useState<ImportEntry[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | 'reset' | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void listImports(db).then(setEntries);
  }, [db, revision]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await action());
      changed();
    } catch (error) {
      setMessage(say(words, errorWords(error)));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const active = entries?.filter((entry) => !entry.undone) ?? [];
  const current = active[0];

  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">{words.t('historyHeading')}</h2>
      {message && (
        <p role="status" data-testid="history-message">
          {message}
        </p>
      )}
      <p class="actions">
        <button
          type="button"
          data-testid="undo-import"
          disabled={busy || !current}
          onClick={() => void run(async () => words.t('historyUndone', (await undoLastImport(db)).source.name))}
        >
          {words.t('historyUndo')}
        </button>{' '}
        {confirming === 'reset' ? (
          <>
            <span>{words.t('historyResetAsk')}</span>{' '}
            <button type="button" data-testid="reset-confirm" disabled={busy} onClick={() => void run(async () => words.plural('historyResetDone', await resetToBundled(db)))}>
              {words.t('historyResetYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(null)}>
              {words.t('historyNo')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="reset-bundled" disabled={busy || !current} onClick={() => setConfirming('reset')}>
            {words.t('historyReset')}
          </button>
        )}
      </p>
      {entries && entries.length === 0 && <p class="muted">{words.t('historyNone')}</p>}
      {entries && entries.length > 0 && (
        <table data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">{words.t('historyWhen')}</th>
              <th scope="col">{words.t('historyFrom')}</th>
              <th scope="col">{words.t('historyVersion')}</th>
              <th scope="col">{words.t('historyChanges')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">{words.t('historyState')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq} class={entry.undone ? 'undone' : ''}>
                <td>{dateTime(words, entry.at)}</td>
                <td>
                  {words.t(SOURCE_WORDS[entry.source.kind])}: <span class="id">{entry.source.name}</span>
                  {entry.source.url && <span class="detail">{entry.source.url}</span>}
                  <span class="detail">
                    {entry.format.toUpperCase()}, {formatBytes(entry.bytes, words.language)}, {modeWords(words, entry.mode)}
                  </span>
                </td>
                <td>{entry.version}</td>
                <td>
                  +{entry.counts.added} ~{entry.counts.changed} −{entry.counts.removed}
                  <span class="detail">
                    {words.t('historyAfter', entry.counts.documents, entry.counts.events)}
                  </span>
                </td>
                <td>
                  <code title={entry.hash}>{entry.hash.slice(0, 12)}…</code>
                </td>
                <td>
                  {entry.undone ? (
                    words.t('historyUndoneBy', words.t(UNDONE_BY[entry.undone.by]), dateTime(words, entry.undone.at))
                  ) : entry === current ? (
                    <strong>{words.t('historyCurrent')}</strong>
                  ) : confirming === entry.seq ? (
                    <>
                      <button type="button" disabled={busy} onClick={() => void run(async () => words.plural('historyRolledBack', await rollbackTo(db, entry.seq!)))}>
                        {words.t('historyRollBackYes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {words.t('historyNo')}
                      </button>
                    </>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => setConfirming(entry.seq!)}>
                      {words.t('historyRollBack')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
