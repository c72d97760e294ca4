/** The options page's account of the data: which dataset, how much of it, built from what. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatsResponseSchema, type StatsResponse } from '../storage/protocol';
import { formatDate } from './labels';

export function DatasetSummary() {
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    browser.runtime
      .sendMessage({ type: 'stats' })
      .then((answer) => setStats(StatsResponseSchema.parse(answer)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main>
      <h1>Eurefs</h1>
      <section aria-labelledby="dataset-heading">
        <h2 id="dataset-heading">Dataset</h2>
        {error && <p role="alert">The dataset could not be read: {error}</p>}
        {!stats && !error && <p class="muted">Reading the dataset…</p>}
        {stats && (
          <>
            <p data-testid="dataset-summary">
              Version <strong>{stats.datasetVersion ?? 'none'}</strong>: {stats.documents} documents, {stats.events}{' '}
              dated events{stats.loadedAt ? `, loaded ${new Date(stats.loadedAt).toLocaleString()}` : ''}.
            </p>
            <h2>Built from the Security Union progress reports</h2>
            <table>
              <thead>
                <tr><th scope="col">Report</th><th scope="col">Document</th><th scope="col">Date</th></tr>
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
    </main>
  );
}
