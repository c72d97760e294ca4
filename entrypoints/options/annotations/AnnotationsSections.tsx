/**
 * The annotations part of the options page: notes, reading history, their export and import. The
 * four share what the reader chose (pages, tags) and a revision of their own, bumped when one of
 * them changed notes or history so that the others re-read. `?page=<address>` preselects that page
 * for export.
 */
import { useMemo, useState } from 'preact/hooks';
import type { SectionProps } from '../section';
import { AnnotationsExportSection } from './AnnotationsExportSection';
import { AnnotationsImportSection } from './AnnotationsImportSection';
import { NotesSection } from './NotesSection';
import { ReadingHistorySection } from './ReadingHistorySection';
import './annotations.css';
import { useI18n } from '../../../components/i18n-context';

export function AnnotationsSections({ db, annotations }: SectionProps) {
  const words = useI18n();
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tags, setTags] = useState<string[]>([]);
  const currentPage = useMemo(() => new URLSearchParams(location.search).get('page') ?? '', []);
  const bump = () => setRevision((r) => r + 1);

  return (
    <section class="annotations" data-testid="annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">{words.t('annotationsHeading')}</h2>
      <NotesSection annotations={annotations} revision={revision} onTags={setTags} />
      <ReadingHistorySection
        annotations={annotations}
        revision={revision}
        selected={selected}
        onSelect={(url, on) => setSelected((s) => { const next = new Set(s); if (on) next.add(url); else next.delete(url); return next; })}
        onChanged={bump}
      />
      <AnnotationsExportSection db={db} annotations={annotations} selected={selected} tags={tags} currentPage={currentPage} />
      <AnnotationsImportSection annotations={annotations} onImported={bump} />
    </section>
  );
}
