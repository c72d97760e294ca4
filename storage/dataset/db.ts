/**
 * The dataset's database ('eurefs'), defined here and nowhere else. Who opens it:
 * - the background, which serves the page scripts (lookout, page scanner, popover) and the popup
 *   by message, loads the bundled dataset and runs the scheduled refresh;
 * - the options page and its import worker, which call the storage modules (dataset/layers,
 *   dataset/lookup, import/*) directly. An MV3 service worker is stopped after about 30 s without
 *   events, and database work does not keep it alive, so long work (a 100,000-document import)
 *   runs on the options page: same extension origin, so the same database, and no message round
 *   trip per step of a long job;
 * - never a page script: a content script's IndexedDB belongs to the web page's origin
 *   (docs/ARCHITECTURE.md, "Where the data lives").
 *
 * Two layers of data (version 2):
 * - the bundled layer (`documents`, `reports`, `meta`): the dataset that ships with the
 *   extension, reloaded wholesale on install/update (load-dataset.ts);
 * - the import layer (`layerDocuments`, `layerReports`, `layer`): what staff imported, laid over
 *   the bundled layer (or hiding it, after an import in "replace" mode). An extension update
 *   never touches it. `imports` is the history of imports and `undo` keeps, per import, the
 *   layer's documents as they were before it, so any import can be undone or rolled back.
 * The reader's notes live in a database of their own; nothing here touches them.
 *
 * Version 3 keeps each layer's documents in buckets of ~96 KB (`bundledBuckets`, `layerBuckets`,
 * with a catalog row per layer in `catalogs`; storage/dataset/buckets.ts says why) instead of one
 * row per document (`documents`, `layerDocuments`, whose secondary indexes nothing queried): a
 * dataset of 100,000 documents is written in ~1,000 requests instead of 100,000. The upgrade moves
 * the documents of both layers into buckets; version 4 then deletes the old tables. A bucket's
 * documents were strings at first and are the UTF-8 of their JSON now, in one byte array; both
 * shapes are read, so the change needed no version (buckets.ts, BucketRow).
 *
 * Version 5 adds `procedures`, an index of each layer's documents by the procedure they name, in
 * buckets by the procedure's hash (storage/dataset/buckets.ts), so that a page's `2017/0351(COD)`
 * finds the proposal whose file it is with one bulkGet per batch; its upgrade fills it, and each
 * catalog's list of procedures, from the documents already stored, and changes nothing else.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { DatasetDocument, Report } from './schema';
import { allDocuments, writeBuckets, type BucketRow, type CatalogRow, type LayerName, type LayerTables, type ProcedureBucketRow, type StoredDocument, procedureBuckets } from './buckets';

export interface MetaRow {
  key: 'bundled';
  version: string;
  loadedAt: string;
  documents: number;
  events: number;
  /** how many buckets the bundled documents are spread over (storage/dataset/buckets.ts); 0: none */
  buckets: number;
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
  /** how many buckets the layer's documents are spread over (storage/dataset/buckets.ts); 0: empty */
  buckets: number;
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
 * What undoes import `seq`, in rows of many documents each (ids that start with "\u0000"):
 * `docs`, the layer documents it replaced or removed, as they were (up to 1,000 a row), and
 * `added`, the ids of the documents it added (up to 10,000 a row; undoing them is a delete).
 * Rows written by version 2 hold one document each in `before` (null: it was not in the layer);
 * undo still reads them.
 */
export interface UndoRow {
  seq: number;
  id: string;
  before: DatasetDocument | null;
  added?: string[];
  docs?: StoredDocument[];
}

/**
 * The refresh schedule as versions before the one settings store (storage/settings.ts) kept it.
 * Nothing writes the table now; storage/settings-migration.ts reads and empties it.
 */
export interface SettingRow {
  key: string;
  value: unknown;
}

export class EurefsDb extends Dexie {
  reports!: EntityTable<Report, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  bundledBuckets!: Table<BucketRow, number>;
  layerBuckets!: Table<BucketRow, number>;
  catalogs!: Table<CatalogRow, LayerName>;
  procedures!: Table<ProcedureBucketRow, [LayerName, number]>;
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
    this.version(3)
      .stores({ bundledBuckets: 'bucket', layerBuckets: 'bucket', catalogs: 'key' })
      .upgrade(async (tx) => {
        await moveIntoBuckets(tx, 'documents', 'bundled', 'bundledBuckets', 'meta', 'bundled');
        await moveIntoBuckets(tx, 'layerDocuments', 'import', 'layerBuckets', 'layer', 'import');
      });
    // Deleted only now, so that version 3's upgrade could still read them.
    this.version(4).stores({ documents: null, layerDocuments: null });
    this.version(5)
      .stores({ procedures: '[layer+bucket]' })
      .upgrade(async (tx) => {
        for (const [name, buckets] of [['bundled', 'bundledBuckets'], ['import', 'layerBuckets']] as const) {
          const docs = await allDocuments({ buckets: tx.table(buckets) });
          const rows = procedureBuckets(name, docs);
          if (rows.length) await tx.table('procedures').bulkPut(rows);
          // The catalog learns each document's procedure, so that a change later knows which row to leave.
          const catalog = await tx.table<CatalogRow, LayerName>('catalogs').get(name);
          if (!catalog) continue;
          const of = new Map(docs.map((doc) => [doc.id, doc.procedure ?? null]));
          await tx.table('catalogs').put({ ...catalog, procedures: catalog.ids.map((id) => of.get(id) ?? null) });
        }
      });
  }

  /** The tables of one layer's documents. */
  layerTables(name: LayerName): LayerTables {
    return { name, buckets: name === 'bundled' ? this.bundledBuckets : this.layerBuckets, catalogs: this.catalogs, procedures: this.procedures };
  }
}

/** Version 2 -> 3: one layer's documents, one row each, into buckets; the bucket count into its state row. */
async function moveIntoBuckets(tx: Transaction, from: string, name: LayerName, to: string, stateTable: string, stateKey: string): Promise<void> {
  const docs = await tx.table<DatasetDocument, string>(from).toArray();
  const buckets = await writeBuckets({ name, buckets: tx.table(to), catalogs: tx.table('catalogs') }, docs);
  const state = await tx.table(stateTable).get(stateKey);
  if (state) await tx.table(stateTable).put({ ...state, buckets });
}

export const EMPTY_LAYER: LayerRow = { key: 'import', revision: 0, version: null, hidesBundled: false, events: 0, buckets: 0 };
