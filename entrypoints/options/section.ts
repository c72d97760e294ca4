/**
 * What every section of the options page gets. A module of its own so that the sections and the
 * page that lists them (OptionsPage.tsx) both import it, and neither imports the other.
 */
import type { ComponentType } from 'preact';
import type { EurefsDb } from '../../storage/dataset/db';
import type { AnnotationsDb } from '../../storage/annotations/db';

export interface SectionProps {
  /** the dataset's database, opened once for the whole page */
  db: EurefsDb;
  /** the reader's notes and history, opened once for the whole page */
  annotations: AnnotationsDb;
  /** changes whenever the dataset changed */
  revision: number;
  /** call after changing the dataset */
  changed: () => void;
}

export interface OptionsSection {
  id: string;
  Component: ComponentType<SectionProps>;
}
