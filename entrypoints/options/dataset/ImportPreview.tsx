/** What an import would change: counts, lists, status changes. Everything rendered as text. */
import { useI18n } from '../../../components/i18n-context';
import { stageWords } from '../../../components/labels';
import type { ImportPreview as Preview } from '../../../storage/import/diff';
import { withElements } from '../with-elements';
import { MoreItems } from './MoreItems';
import { PreviewDocuments } from './PreviewDocuments';

export function ImportPreview({ preview }: { preview: Preview }) {
  const words = useI18n();
  const { counts } = preview;
  const nothing = counts.added + counts.changed + counts.removed + counts.reportsAdded + counts.reportsChanged + counts.reportsRemoved === 0;
  const summary = withElements(
    [
      <strong class="added">{words.t('importPreviewAdded', counts.added)}</strong>,
      <strong class="changed">{words.t('importPreviewChanged', counts.changed)}</strong>,
      <strong class="removed">{words.t('importPreviewRemoved', counts.removed)}</strong>,
    ],
    (added, changed, removed) =>
      words.t('importPreviewCounts', added!, changed!, removed!, counts.unchanged, words.plural('importStatusChangeCount', counts.statusChanges)),
  );
  return (
    <div class="preview" data-testid="import-preview">
      <p data-testid="preview-counts">
        {summary} {words.t('importPreviewAfter', counts.documentsAfter, counts.eventsAfter)}
        {(counts.reportsAdded > 0 || counts.reportsChanged > 0 || counts.reportsRemoved > 0) &&
          ` ${words.t('importPreviewReports', counts.reportsAdded, counts.reportsChanged, counts.reportsRemoved)}`}
      </p>
      {nothing && <p class="muted">{words.t('importPreviewNothing')}</p>}
      {preview.statusChanges.length > 0 && (
        <>
          <h3>{words.t('importStatusChanges')}</h3>
          <ul class="status-changes" data-testid="status-changes">
            {preview.statusChanges.map((change) => (
              <li key={change.id} class={change.backwards ? 'backwards' : ''}>
                <span class="id">{change.id}</span>:{' '}
                {words.t('importStatusChange', stageWords(words, change.from), change.removed ? words.t('importStatusRemoved') : stageWords(words, change.to))}
                {change.backwards && <strong class="warn"> {words.t('importGoesBackwards')}</strong>}
                <span class="detail">{change.title}</span>
              </li>
            ))}
            <MoreItems shown={preview.statusChanges.length} total={counts.statusChanges} />
          </ul>
        </>
      )}
      <PreviewDocuments label={words.t('importListAdded')} documents={preview.added} total={counts.added} />
      <PreviewDocuments label={words.t('importListChanged')} documents={preview.changed} total={counts.changed} />
      <PreviewDocuments label={words.t('importListRemoved')} documents={preview.removed} total={counts.removed} open={preview.mode === 'replace'} />
    </div>
  );
}
