/**
 * The options page, composed of sections. Each section is a component that renders its own
 * <section> and gets the database, the data's revision (bumped after every import, undo, rollback
 * or reset, so that every section re-reads) and a way to say it changed the data.
 *
 * To add a section (the annotations export, for one), add an entry to SECTIONS.
 */
import type { ComponentType } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { EurefsDb } from '../../storage/dataset/db';
import { DatasetSummary } from '../../components/DatasetSummary';
import { ReaderSettings } from './ReaderSettings';
import { Annotations } from './Annotations';
import { ExportSection } from './ExportSection';
import { HistorySection } from './HistorySection';
import { ImportSection } from './ImportSection';

export interface SectionProps {
  db: EurefsDb;
  /** changes whenever the dataset changed */
  revision: number;
  /** call after changing the dataset */
  changed: () => void;
}

export interface OptionsSection {
  id: string;
  Component: ComponentType<SectionProps>;
}

export const SECTIONS: OptionsSection[] = [
  { id: 'dataset', Component: DatasetSummary },
  { id: 'import', Component: ImportSection },
  { id: 'history', Component: HistorySection },
  { id: 'export', Component: ExportSection },
  { id: 'reading', Component: () => <ReaderSettings /> },
  // Notes and history live in their own database: the section opens it itself.
  { id: 'annotations', Component: () => <Annotations /> },
];

export function OptionsPage({ sections = SECTIONS }: { sections?: OptionsSection[] }) {
  const db = useMemo(() => new EurefsDb(), []);
  const [revision, setRevision] = useState(0);
  const changed = () => setRevision((r) => r + 1);
  return (
    <main class="options">
      <h1>Eurefs</h1>
      {sections.map(({ id, Component }) => (
        <div key={id} data-section={id}>
          <Component db={db} revision={revision} changed={changed} />
        </div>
      ))}
    </main>
  );
}
