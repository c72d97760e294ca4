/**
 * The extension's one database. Only extension pages (background, options, popup) open it: a
 * content script's IndexedDB belongs to the page's origin (DESIGN.md, "Where the data lives").
 *
 * Two layers of data (version 2):
 * - the bundled layer (`documents`, `reports`, `meta`): the dataset that ships with the
 *   extension, reloaded wholesale on install/update (load-dataset.ts);
 * - the import layer (`layerDocuments`, `layerReports`, `layer`): what staff imported, laid over
 *   the bundled layer (or hiding it, after an import in "replace" mode). An extension update
 *   never touches it. `imports` is the history of imports and `undo` keeps, per import, the
 *   layer's documents as they were before it, so any import can be undone or rolled back.
 * The reader's notes live in a database of their own; nothing here touches them.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DatasetDocument, Report } from './dataset-schema';

export interface MetaRow {
  key: 'bundled';
  version: string;
  loadedAt: string;
  documents: number;
  events: number;
}

/** The import layer's state: one row, key 'import'. */
export interface LayerRow {
  key: 'import';
  /** raised by every import, undo, rollback and reset: a preview is applied only on the revision it was computed on */
  revision: number;
  /** the version of the dataset last imported; null when the layer is empty */
  version: string | null;
  /** true after an import in "replace" mode: the bundled layer no longer shows through */
  hidesBundled: boolean;
  /** the number of dated events in the layer's documents */
  events: number;
}

export type ImportMode = 'merge' | 'replace';

export interface ImportSource {
  kind: 'file' | 'address' | 'schedule';
  /** the file name, or the last path segment of the address */
  name: string;
  url?: string;
}

export interface ImportCounts {
  added: number;
  changed: number;
  removed: number;
  /** documents and events of the effective dataset right after the import */
  documents: number;
  events: number;
  reports: number;
}

/** One import in the history. */
export interface ImportEntry {
  seq?: number;
  at: string;
  source: ImportSource;
  format: 'json' | 'csv';
  /** SHA-256 of the file's bytes, hex */
  hash: string;
  bytes: number;
  version: string;
  mode: ImportMode;
  counts: ImportCounts;
  /** the layer as it was before this import: restored by undo */
  before: { version: string | null; hidesBundled: boolean; events: number; reports: Report[] };
  /** set when the import was undone (by undo, rollback or reset) */
  undone?: { at: string; by: 'undo' | 'rollback' | 'reset' };
}

/**
 * A layer document as it was before import `seq` (null: it was not in the layer). Documents an
 * import added are kept as lists of ids instead (`added`, under ids that start with "\u0000"),
 * one row per 10,000: undoing them is a delete, and one row per document would double the writes.
 */
export interface UndoRow {
  seq: number;
  id: string;
  before: DatasetDocument | null;
  added?: string[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export class EurefsDb extends Dexie {
  documents!: EntityTable<DatasetDocument, 'id'>;
  reports!: EntityTable<Report, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  layerDocuments!: EntityTable<DatasetDocument, 'id'>;
  layerReports!: EntityTable<Report, 'id'>;
  layer!: EntityTable<LayerRow, 'key'>;
  imports!: EntityTable<ImportEntry, 'seq'>;
  undo!: Table<UndoRow, [number, string]>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = 'eurefs') {
    super(name);
    this.version(1).stores({
      // `*aliases` and `procedure` let the options page and later imports search by name and file.
      documents: 'id, type, celex, procedure, *topics',
      reports: 'id, ordinal',
      meta: 'key',
    });
    // Version 2 adds the import layer beside the bundled one; version 1's tables stay as they are.
    this.version(2).stores({
      layerDocuments: 'id',
      layerReports: 'id, ordinal',
      layer: 'key',
      imports: '++seq',
      undo: '[seq+id], seq',
      settings: 'key',
    });
  }
}

export const EMPTY_LAYER: LayerRow = { key: 'import', revision: 0, version: null, hidesBundled: false, events: 0 };
