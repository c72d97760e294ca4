/** Export the dataset as it now stands, in the import formats: re-importing an export changes nothing. */
import { useState } from 'preact/hooks';
import { datasetToCsv } from '../../../storage/import/csv';
import { datasetToJson } from '../../../storage/import/json';
import { exportEffective } from '../../../storage/dataset/layers';
import type { SectionProps } from '../section';
import { download } from '../../../components/download';
import { useI18n } from '../../../components/i18n-context';
import { errorText } from '../error-text';

export function DatasetExportSection({ db }: SectionProps) {
  const words = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const run = async (format: 'json' | 'csv') => {
    try {
      const dataset = await exportEffective(db);
      const safeVersion = dataset.version.replace(/[^\w.-]+/g, '_');
      if (format === 'json') download([datasetToJson(dataset)], 'application/json', `eurefs-dataset-${safeVersion}.json`);
      else download([datasetToCsv(dataset)], 'text/csv', `eurefs-dataset-${safeVersion}.csv`);
      setMessage(words.plural('exportDone', dataset.documents.length, dataset.version, format.toUpperCase()));
    } catch (error) {
      setMessage(words.t('exportFailed', errorText(words, error)));
    }
  };
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{words.t('exportHeading')}</h2>
      <p class="muted">{words.t('exportIntro')}</p>
      <p class="actions">
        <button type="button" data-testid="export-json" onClick={() => void run('json')}>
          {words.t('exportJson')}
        </button>{' '}
        <button type="button" data-testid="export-csv" onClick={() => void run('csv')}>
          {words.t('exportCsv')}
        </button>
      </p>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
