/**
 * The options page, composed of sections. Each section is a component that renders its own
 * <section> and gets the page's two databases (each opened once, here), the dataset's revision
 * (bumped after every import, undo, rollback or reset, so that every section re-reads) and a way
 * to say it changed the dataset (section.ts).
 *
 * To add a section, add an entry to SECTIONS.
 */
import { useMemo, useState } from 'preact/hooks';
import { EurefsDb } from '../../storage/dataset/db';
import { AnnotationsDb } from '../../storage/annotations/db';
import { DatasetSummary } from '../../components/DatasetSummary';
import { ReaderSettings } from './ReaderSettings';
import { AnnotationsSections } from './annotations/AnnotationsSections';
import { DatasetExportSection } from './dataset/DatasetExportSection';
import { DatasetHistorySection } from './dataset/DatasetHistorySection';
import { DatasetImportSection } from './dataset/DatasetImportSection';
import { DraftSection } from './draft/DraftSection';
import type { OptionsSection } from './section';
import { useI18n } from '../../components/i18n-context';

export const SECTIONS: OptionsSection[] = [
  { id: 'dataset', Component: DatasetSummary },
  { id: 'draft', Component: DraftSection },
  { id: 'import', Component: DatasetImportSection },
  { id: 'history', Component: DatasetHistorySection },
  { id: 'export', Component: DatasetExportSection },
  { id: 'reading', Component: () => <ReaderSettings /> },
  { id: 'annotations', Component: AnnotationsSections },
];

export function OptionsPage({ sections = SECTIONS }: { sections?: OptionsSection[] }) {
  const words = useI18n();
  const db = useMemo(() => new EurefsDb(), []);
  const annotations = useMemo(() => new AnnotationsDb(), []);
  const [revision, setRevision] = useState(0);
  const changed = () => setRevision((r) => r + 1);
  return (
    <main class="options">
      <h1>{words.t('extName')}</h1>
      {sections.map(({ id, Component }) => (
        <div key={id} data-section={id}>
          <Component db={db} annotations={annotations} revision={revision} changed={changed} />
        </div>
      ))}
    </main>
  );
}
