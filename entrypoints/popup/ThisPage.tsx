/**
 * The list's first line: the document the page itself is, by its own address or metadata, with
 * what the dataset says of it; and, where the page's ELI metadata says whether it is in force,
 * that, as EUR-Lex's word and with its source (the page can say anything: it is never shown as
 * the dataset's status).
 */
import type { ThisPageRow } from '../../messaging/to-page';
import { formatDate, TYPE_NAMES } from '../../components/labels';
import { stageLabel } from '../../storage/dataset/status';

function datasetSays(page: ThisPageRow): string {
  if (page.tracked === null) return 'The dataset could not be asked.';
  if (!page.tracked) return 'Not in the dataset.';
  return page.stage ? `Status in the dataset: ${stageLabel(page.stage)}.` : 'In the dataset, no status recorded.';
}

export function ThisPage({ page }: { page: ThisPageRow }) {
  return (
    <section class="this-page" aria-label="This page">
      <p>
        <span class="muted">This page: </span>
        <span class="label">{page.label}</span>
        <span class="detail">{page.title ?? TYPE_NAMES[page.type]}</span>
      </p>
      <p class="detail" data-this-page="dataset">{datasetSays(page)}</p>
      {page.inForce !== undefined && (
        <p class="detail" data-this-page="eur-lex">
          EUR-Lex says: {page.inForce ? 'In force' : 'Not in force'}
          {page.dateDocument ? `; document of ${formatDate(page.dateDocument)}` : ''} (this page's own ELI metadata,{' '}
          <code>eli:in_force</code>)
        </p>
      )}
    </section>
  );
}
