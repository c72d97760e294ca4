/** What an import would change: counts, lists, status changes. Everything rendered as text. */
import type { ImportPreview as Preview } from '../../../storage/import/diff';
import { MoreItems } from './MoreItems';
import { PreviewDocuments } from './PreviewDocuments';

export function ImportPreview({ preview }: { preview: Preview }) {
  const { counts } = preview;
  const nothing = counts.added + counts.changed + counts.removed + counts.reportsAdded + counts.reportsChanged + counts.reportsRemoved === 0;
  return (
    <div class="preview" data-testid="import-preview">
      <p data-testid="preview-counts">
        <strong class="added">{counts.added} added</strong>, <strong class="changed">{counts.changed} changed</strong>,{' '}
        <strong class="removed">{counts.removed} removed</strong>, {counts.unchanged} unchanged; {counts.statusChanges} status
        {counts.statusChanges === 1 ? ' change' : ' changes'}. After the import: {counts.documentsAfter} documents, {counts.eventsAfter} dated
        events.
        {(counts.reportsAdded > 0 || counts.reportsChanged > 0 || counts.reportsRemoved > 0) &&
          ` Reports: ${counts.reportsAdded} added, ${counts.reportsChanged} changed, ${counts.reportsRemoved} removed.`}
      </p>
      {nothing && <p class="muted">This file changes nothing in the dataset.</p>}
      {preview.statusChanges.length > 0 && (
        <>
          <h3>Status changes</h3>
          <ul class="status-changes" data-testid="status-changes">
            {preview.statusChanges.map((change) => (
              <li key={change.id} class={change.backwards ? 'backwards' : ''}>
                <span class="id">{change.id}</span>: {change.text}
                {change.backwards && <strong class="warn"> (goes backwards)</strong>}
                <span class="detail">{change.title}</span>
              </li>
            ))}
            <MoreItems shown={preview.statusChanges.length} total={counts.statusChanges} />
          </ul>
        </>
      )}
      <PreviewDocuments label="Added" documents={preview.added} total={counts.added} />
      <PreviewDocuments label="Changed" documents={preview.changed} total={counts.changed} />
      <PreviewDocuments label="Removed" documents={preview.removed} total={counts.removed} open={preview.mode === 'replace'} />
    </div>
  );
}
