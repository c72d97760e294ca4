/** One list of a preview's documents (added, changed or removed), folded away unless `open`. */
import { useI18n } from '../../../components/i18n-context';
import { MoreItems } from './MoreItems';

export function PreviewDocuments({
  label,
  documents,
  total,
  open = false,
}: {
  label: string;
  documents: { id: string; title: string; fields?: string[] }[];
  total: number;
  open?: boolean;
}) {
  const words = useI18n();
  if (documents.length === 0) return null;
  return (
    <details open={open}>
      <summary>{words.t('importListTitle', label, total)}</summary>
      <ul>
        {documents.map((doc) => (
          <li key={doc.id}>
            <span class="id">{doc.id}</span>
            {doc.fields ? `: ${doc.fields.join(', ')}` : ''} <span class="detail">{doc.title}</span>
          </li>
        ))}
        <MoreItems shown={documents.length} total={total} />
      </ul>
    </details>
  );
}
