/** The options page's account of the data: which dataset, how much of it, built from what. */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/to-background';
import type { EurefsDb } from '../storage/dataset/db';
import { effectiveStats, type EffectiveStats } from '../storage/dataset/layers';
import { formatDate } from './labels';

export function DatasetSummary({ db, revision }: { db: EurefsDb; revision: number }) {
  const [stats, setStats] = useState<EffectiveStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // The background answers `stats` once the bundled dataset is loaded (right after install it
    // may still be loading); then the page reads the layers itself.
    sendToBackground({ type: 'stats' })
      .catch(() => undefined)
      .then(() => effectiveStats(db))
      .then((answer) => live && setStats(answer))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [db, revision]);

  return (
    <section aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">Dataset</h2>
      {error && <p role="alert">The dataset could not be read: {error}</p>}
      {!stats && !error && <p class="muted">Reading the dataset…</p>}
      {stats && (
        <>
          <p data-testid="dataset-summary">
            Version <strong data-testid="dataset-version">{stats.version ?? 'none'}</strong>: {stats.documents} documents,{' '}
            {stats.events} dated events
            {stats.importedAt
              ? `, imported ${new Date(stats.importedAt).toLocaleString()}`
              : stats.loadedAt
                ? `, loaded ${new Date(stats.loadedAt).toLocaleString()}`
                : ''}
            .
          </p>
          <p class="muted" data-testid="dataset-layers">
            {stats.importedVersion === null
              ? `The dataset that ships with Eurefs${stats.bundledVersion ? ` (${stats.bundledVersion})` : ''}; no import.`
              : stats.hidesBundled
                ? `Imported dataset ${stats.importedVersion}, in place of the one that ships with Eurefs (${stats.bundledVersion ?? 'none'}).`
                : `Imported dataset ${stats.importedVersion}, laid over the one that ships with Eurefs (${stats.bundledVersion ?? 'none'}).`}
          </p>
          <h3>Progress reports</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Report</th>
                <th scope="col">Document</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {stats.reports.map((report) => (
                <tr key={report.id}>
                  <td>{report.title}</td>
                  <td>{report.id}</td>
                  <td>{formatDate(report.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
