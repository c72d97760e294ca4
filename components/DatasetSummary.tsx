/** The options page's account of the data: which dataset, how much of it, built from what. */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/to-background';
import type { EurefsDb } from '../storage/dataset/db';
import { effectiveStats, type EffectiveStats } from '../storage/dataset/layers';
import { useI18n } from './i18n-context';
import { errorWords } from '../i18n/phrased-error';
import { say } from '../i18n/phrase';
import { SLOT, withSlots } from './slots';
import { datasetLang } from './DatasetText';

export function DatasetSummary({ db, revision }: { db: EurefsDb; revision: number }) {
  const words = useI18n();
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
      .catch((e: unknown) => live && setError(say(words, errorWords(e))));
    return () => {
      live = false;
    };
  }, [db, revision]);

  const documents = stats ? words.plural('datasetDocuments', stats.documents) : '';
  const events = stats ? words.plural('datasetEvents', stats.events) : '';
  return (
    <section aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">{words.t('datasetHeading')}</h2>
      {error && <p role="alert">{words.t('datasetUnreadable', error)}</p>}
      {!stats && !error && <p class="muted">{words.t('datasetReading')}</p>}
      {stats && (
        <>
          <p data-testid="dataset-summary">
            {withSlots(
              stats.importedAt
                ? words.t('datasetSummaryImported', SLOT, documents, events, words.moment(stats.importedAt, true))
                : stats.loadedAt
                  ? words.t('datasetSummaryLoaded', SLOT, documents, events, words.moment(stats.loadedAt, true))
                  : words.t('datasetSummary', SLOT, documents, events),
              <strong data-testid="dataset-version">{stats.version ?? words.t('datasetVersionNone')}</strong>,
            )}
          </p>
          <p class="muted" data-testid="dataset-layers">
            {stats.importedVersion === null
              ? stats.bundledVersion
                ? words.t('datasetBundledOnlyVersion', stats.bundledVersion)
                : words.t('datasetBundledOnly')
              : words.t(stats.hidesBundled ? 'datasetImportedReplacing' : 'datasetImportedOver', stats.importedVersion, stats.bundledVersion ?? words.t('datasetVersionNone'))}
          </p>
          <h3>{words.t('datasetReports')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{words.t('datasetReportColumn')}</th>
                <th scope="col">{words.t('datasetDocumentColumn')}</th>
                <th scope="col">{words.t('datasetDateColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.reports.map((report) => (
                <tr key={report.id}>
                  <td {...datasetLang(words)}>{report.title}</td>
                  <td>{report.id}</td>
                  <td>{words.date(report.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
