/** What an import would change: counts, lists, status changes. Everything rendered as text. */
import type { ImportPreview as Preview } from '../../../storage/import/diff';

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <li class="muted">… and {total - shown} more</li> : null;
}

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
            <More shown={preview.statusChanges.length} total={counts.statusChanges} />
          </ul>
        </>
      )}
      {preview.added.length > 0 && (
        <details>
          <summary>Added ({counts.added})</summary>
          <ul>
            {preview.added.map((doc) => (
              <li key={doc.id}>
                <span class="id">{doc.id}</span> <span class="detail">{doc.title}</span>
              </li>
            ))}
            <More shown={preview.added.length} total={counts.added} />
          </ul>
        </details>
      )}
      {preview.changed.length > 0 && (
        <details>
          <summary>Changed ({counts.changed})</summary>
          <ul>
            {preview.changed.map((doc) => (
              <li key={doc.id}>
                <span class="id">{doc.id}</span>: {doc.fields.join(', ')} <span class="detail">{doc.title}</span>
              </li>
            ))}
            <More shown={preview.changed.length} total={counts.changed} />
          </ul>
        </details>
      )}
      {preview.removed.length > 0 && (
        <details open={preview.mode === 'replace'}>
          <summary>Removed ({counts.removed})</summary>
          <ul>
            {preview.removed.map((doc) => (
              <li key={doc.id}>
                <span class="id">{doc.id}</span> <span class="detail">{doc.title}</span>
              </li>
            ))}
            <More shown={preview.removed.length} total={counts.removed} />
          </ul>
        </details>
      )}
    </div>
  );
}
