/** Export the dataset as it now stands, in the import formats: re-importing an export changes nothing. */
import { useState } from 'preact/hooks';
import { datasetToCsv } from '../../../storage/import/csv';
import { datasetToJson } from '../../../storage/import/json';
import { exportEffective } from '../../../storage/dataset/layers';
import type { SectionProps } from '../section';
import { download } from '../../../components/download';

export function DatasetExportSection({ db }: SectionProps) {
  const [message, setMessage] = useState<string | null>(null);
  const run = async (format: 'json' | 'csv') => {
    try {
      const dataset = await exportEffective(db);
      const safeVersion = dataset.version.replace(/[^\w.-]+/g, '_');
      if (format === 'json') download([datasetToJson(dataset)], 'application/json', `eurefs-dataset-${safeVersion}.json`);
      else download([datasetToCsv(dataset)], 'text/csv', `eurefs-dataset-${safeVersion}.csv`);
      setMessage(`Exported ${dataset.documents.length} documents (version ${dataset.version}) as ${format.toUpperCase()}.`);
    } catch (error) {
      setMessage(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export the dataset</h2>
      <p class="muted">The dataset as it now stands (imports included), in the formats the import reads.</p>
      <p class="actions">
        <button type="button" data-testid="export-json" onClick={() => void run('json')}>
          Export JSON
        </button>{' '}
        <button type="button" data-testid="export-csv" onClick={() => void run('csv')}>
          Export CSV
        </button>
      </p>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
