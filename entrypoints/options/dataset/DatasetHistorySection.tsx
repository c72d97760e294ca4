/** The history of imports: when, from where, which file, its hash and counts; undo, roll back, reset. */
import { useEffect, useState } from 'preact/hooks';
import type { ImportEntry } from '../../../storage/dataset/db';
import { listImports, resetToBundled, rollbackTo, undoLastImport } from '../../../storage/dataset/layers';
import { formatBytes } from '../../../components/format';
import type { SectionProps } from '../section';

const SOURCE_WORDS = { file: 'file', address: 'address', schedule: 'scheduled refresh' } as const;

export function DatasetHistorySection({ db, revision, changed }: SectionProps) {
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
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const active = entries?.filter((entry) => !entry.undone) ?? [];
  const current = active[0];

  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">Import history</h2>
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
          onClick={() => void run(async () => `Undone: the import of ${(await undoLastImport(db)).source.name}.`)}
        >
          Undo the last import
        </button>{' '}
        {confirming === 'reset' ? (
          <>
            <span>Undo every import and go back to the dataset that ships with Eurefs?</span>{' '}
            <button type="button" data-testid="reset-confirm" disabled={busy} onClick={() => void run(async () => `Reset: ${await resetToBundled(db)} import(s) undone.`)}>
              Yes, reset
            </button>{' '}
            <button type="button" onClick={() => setConfirming(null)}>
              No
            </button>
          </>
        ) : (
          <button type="button" data-testid="reset-bundled" disabled={busy || !current} onClick={() => setConfirming('reset')}>
            Reset to the bundled dataset
          </button>
        )}
      </p>
      {entries && entries.length === 0 && <p class="muted">No imports yet: the dataset is the one that ships with Eurefs.</p>}
      {entries && entries.length > 0 && (
        <table data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">From</th>
              <th scope="col">Version</th>
              <th scope="col">Changes</th>
              <th scope="col">SHA-256</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq} class={entry.undone ? 'undone' : ''}>
                <td>{new Date(entry.at).toLocaleString()}</td>
                <td>
                  {SOURCE_WORDS[entry.source.kind]}: <span class="id">{entry.source.name}</span>
                  {entry.source.url && <span class="detail">{entry.source.url}</span>}
                  <span class="detail">
                    {entry.format.toUpperCase()}, {formatBytes(entry.bytes)}, {entry.mode}
                  </span>
                </td>
                <td>{entry.version}</td>
                <td>
                  +{entry.counts.added} ~{entry.counts.changed} −{entry.counts.removed}
                  <span class="detail">
                    then {entry.counts.documents} documents, {entry.counts.events} events
                  </span>
                </td>
                <td>
                  <code title={entry.hash}>{entry.hash.slice(0, 12)}…</code>
                </td>
                <td>
                  {entry.undone ? (
                    `undone (${entry.undone.by}) ${new Date(entry.undone.at).toLocaleString()}`
                  ) : entry === current ? (
                    <strong>current</strong>
                  ) : confirming === entry.seq ? (
                    <>
                      <button type="button" disabled={busy} onClick={() => void run(async () => `Rolled back: ${await rollbackTo(db, entry.seq!)} later import(s) undone.`)}>
                        Yes, roll back
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        No
                      </button>
                    </>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => setConfirming(entry.seq!)}>
                      Roll back to this version
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
