/**
 * The extension's one database. Only extension pages (background, options, popup) open it: a
 * content script's IndexedDB belongs to the page's origin (DESIGN.md, "Where the data lives").
 */
import Dexie, { type EntityTable } from 'dexie';
import type { DatasetDocument, Report } from './dataset-schema';

export interface MetaRow {
  key: 'bundled';
  version: string;
  loadedAt: string;
  documents: number;
  events: number;
}

export class EurefsDb extends Dexie {
  documents!: EntityTable<DatasetDocument, 'id'>;
  reports!: EntityTable<Report, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'eurefs') {
    super(name);
    this.version(1).stores({
      // `*aliases` and `procedure` let the options page and later imports search by name and file.
      documents: 'id, type, celex, procedure, *topics',
      reports: 'id, ordinal',
      meta: 'key',
    });
  }
}
