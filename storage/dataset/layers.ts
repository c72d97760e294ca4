/**
 * The import layer in the database: apply an import in one read-write transaction, undo it,
 * roll back to an earlier version, reset to the bundled dataset, read the effective dataset
 * (import layer over bundled layer) and export it. Dexie only (works with fake-indexeddb in tests).
 *
 * Inside a transaction nothing but Dexie is awaited: an await on anything else would let
 * IndexedDB commit the transaction early (docs/ARCHITECTURE.md, "Where the data lives").
 */
import Dexie, { type Transaction } from 'dexie';
import { DATASET_SCHEMA_VERSION, type Dataset, type DatasetDocument, type Report } from './schema';
import { EMPTY_LAYER, type EurefsDb, type ImportCounts, type ImportEntry, type ImportMode, type ImportSource, type LayerRow, type UndoRow } from './db';
import { ImportCancelledError, throwIfCancelled } from '../import/abort';
import { PhrasedError } from '../../i18n/phrased-error';
import { phrase, type Phrase } from '../../i18n/phrase';
import { allDocuments, applyChanges, clearLayer, getTexts, parseStored, readCatalog, toStored, type StoredDocument } from './buckets';
import { sameDocument, type EffectiveData } from '../import/diff';
import { asList, subList, type LoadableDataset } from './dataset-file';

export class ImportConflictError extends PhrasedError {
  constructor() {
    super(phrase('importConflict'), 'ImportConflictError');
  }
}

export class NothingToUndoError extends PhrasedError {
  constructor(words: Phrase = phrase('importNothingToUndo')) {
    super(words, 'NothingToUndoError');
  }
}

const ADDED_PER_ROW = 10_000;
/** Documents an undo row keeps as they were (about 1 MB a row, in a file of its own in Chromium). */
const DOCS_PER_ROW = 1_000;

const layerTables = (db: EurefsDb) => [db.bundledBuckets, db.catalogs, db.procedures, db.reports, db.meta, db.layerBuckets, db.layerReports, db.layer, db.imports, db.undo];

async function layerState(db: EurefsDb): Promise<LayerRow> {
  const row = (await db.layer.get('import')) ?? EMPTY_LAYER;
  return { ...row, buckets: row.buckets ?? 0 };
}

const byId = (a: DatasetDocument, b: DatasetDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The layer's revision: a preview is applied only if it is still the same. */
export async function layerRevision(db: EurefsDb): Promise<number> {
  return (await layerState(db)).revision;
}

export interface EffectiveSnapshot extends EffectiveData {
  revision: number;
  layer: LayerRow;
  bundledVersion: string | null;
}

/** The whole effective dataset, read in one transaction. */
export async function readEffective(db: EurefsDb): Promise<EffectiveSnapshot> {
  return db.transaction('r', layerTables(db), async () => {
    const layer = await layerState(db);
    const [layerDocs, layerReports, meta] = await Promise.all([allDocuments(db.layerTables('import')), db.layerReports.toArray(), db.meta.get('bundled')]);
    const [bundledDocs, bundledReports] = layer.hidesBundled ? [[], []] : await Promise.all([allDocuments(db.layerTables('bundled')), db.reports.toArray()]);
    // In id order, as when each layer was a table keyed by id.
    bundledDocs.sort(byId);
    layerDocs.sort(byId);
    const documents = new Map<string, DatasetDocument>(bundledDocs.map((d) => [d.id, d]));
    for (const doc of layerDocs) documents.set(doc.id, doc);
    const reports = new Map<string, Report>(bundledReports.map((r) => [r.id, r]));
    for (const report of layerReports) reports.set(report.id, report);
    return { documents, reports, revision: layer.revision, layer, bundledVersion: meta?.version ?? null };
  });
}

/** Counts of the effective dataset, from the layers' catalogs: no document is read. */
async function effectiveCounts(db: EurefsDb, layer: LayerRow): Promise<Omit<ImportCounts, 'added' | 'changed' | 'removed'>> {
  const imported = await readCatalog(db.layerTables('import'));
  const layerReportIds = new Set((await db.layerReports.toCollection().primaryKeys()) as string[]);
  if (layer.hidesBundled) return { documents: imported.ids.length, events: layer.events, reports: layerReportIds.size };
  const bundled = await readCatalog(db.layerTables('bundled'));
  const shadowing = new Set(imported.ids);
  let documents = imported.ids.length;
  let events = layer.events;
  bundled.ids.forEach((id, i) => {
    if (!shadowing.has(id)) {
      documents++;
      events += bundled.events[i]!;
    }
  });
  const bundledReportIds = (await db.reports.toCollection().primaryKeys()) as string[];
  let reports = layerReportIds.size;
  for (const id of bundledReportIds) if (!layerReportIds.has(id)) reports++;
  return { documents, events, reports };
}

export interface EffectiveStats {
  version: string | null;
  bundledVersion: string | null;
  importedVersion: string | null;
  hidesBundled: boolean;
  loadedAt: string | null;
  importedAt: string | null;
  documents: number;
  events: number;
  reports: Report[];
  revision: number;
}

export async function effectiveStats(db: EurefsDb): Promise<EffectiveStats> {
  return db.transaction('r', layerTables(db), async () => {
    const layer = await layerState(db);
    const meta = await db.meta.get('bundled');
    const counts = await effectiveCounts(db, layer);
    const layerReports = await db.layerReports.toArray();
    const bundledReports = layer.hidesBundled ? [] : await db.reports.toArray();
    const reports = new Map(bundledReports.map((r) => [r.id, r]));
    for (const report of layerReports) reports.set(report.id, report);
    const last = layer.version ? await db.imports.orderBy('seq').last() : undefined;
    return {
      version: layer.version ?? meta?.version ?? null,
      bundledVersion: meta?.version ?? null,
      importedVersion: layer.version,
      hidesBundled: layer.hidesBundled,
      loadedAt: meta?.loadedAt ?? null,
      importedAt: last && !last.undone ? last.at : null,
      documents: counts.documents,
      events: counts.events,
      reports: [...reports.values()].sort((a, b) => a.ordinal - b.ordinal),
      revision: layer.revision,
    };
  });
}

export interface ApplyOptions {
  mode: ImportMode;
  /** the revision the preview was computed on; a different one means someone else changed the data */
  expectedRevision?: number;
  source: ImportSource;
  format: 'json' | 'csv';
  hash: string;
  bytes: number;
  now?: Date;
  /**
   * The reader's Cancel: aborts the transaction, so that nothing is written. Once IndexedDB is
   * committing it can no longer be aborted, and the import resolves as applied: the caller, seeing
   * the signal aborted and the import applied, must say so rather than claim it was cancelled.
   */
  signal?: AbortSignal;
  /** test hook: called inside the transaction after the documents are written (throw to simulate a crash) */
  afterWrites?: () => void;
}

/**
 * Applies a validated dataset as one read-write transaction: all of it or nothing. Merge lays the
 * documents over what is there; replace makes them the whole dataset (the bundled layer no longer
 * shows through). Documents equal to what is there are not written, so re-importing an export
 * changes nothing. Returns the history entry.
 */
export async function applyImport(db: EurefsDb, dataset: Dataset | LoadableDataset, options: ApplyOptions): Promise<ImportEntry> {
  const { signal } = options;
  throwIfCancelled(signal);
  let transaction: Transaction | undefined;
  const abortTransaction = () => {
    try {
      transaction?.abort();
    } catch {
      // InvalidStateError: already committing, too late to take back (see ApplyOptions.signal)
    }
  };
  signal?.addEventListener('abort', abortTransaction, { once: true });
  try {
    return await writeImport(db, dataset, options, (tx) => {
      transaction = tx;
      // Cancelled between the call and the transaction's start: it has written nothing yet.
      throwIfCancelled(signal);
    });
  } catch (error) {
    // An aborted transaction wrote nothing, whatever the error its last request reported.
    if (signal?.aborted) throw new ImportCancelledError();
    throw error;
  } finally {
    signal?.removeEventListener('abort', abortTransaction);
  }
}

async function writeImport(db: EurefsDb, dataset: Dataset | LoadableDataset, options: ApplyOptions, started: (tx: Transaction) => void): Promise<ImportEntry> {
  const now = options.now ?? new Date();
  return db.transaction('rw', layerTables(db), async (tx) => {
    started(tx);
    const [state, meta] = await Promise.all([layerState(db), db.meta.get('bundled')]);
    if (options.expectedRevision !== undefined && state.revision !== options.expectedRevision) throw new ImportConflictError();
    const importTables = db.layerTables('import');
    const bundledTables = db.layerTables('bundled');
    const list = asList(dataset.documents);
    const ids = Array.from({ length: list.length }, (_, i) => list.id(i));
    const [inLayer, inBundled] = await Promise.all([
      getTexts(importTables, state.buckets, ids),
      state.hidesBundled ? Promise.resolve([] as (string | undefined)[]) : getTexts(bundledTables, meta?.buckets ?? 0, ids),
    ]);
    /** which of the dataset's documents are written: their texts are made only as their buckets are */
    const puts: number[] = [];
    const undo: UndoRow[] = [];
    /** layer documents this import replaces or removes, as they were */
    const replaced: StoredDocument[] = [];
    const deletes: string[] = [];
    /** ids that were not in the layer before: undone by deleting them */
    const added: string[] = [];
    let addedCount = 0;
    let changed = 0;
    let removed = 0;
    let events = state.events;
    const beforeReports = await db.layerReports.toArray();
    const entryBase = { at: now.toISOString(), source: options.source, format: options.format, hash: options.hash, bytes: options.bytes, version: dataset.version, mode: options.mode };
    const seq = ((await db.imports.orderBy('seq').lastKey()) as number | undefined ?? 0) + 1;

    for (let i = 0; i < list.length; i++) {
      const id = ids[i]!;
      const layerText = inLayer[i];
      const effective = layerText ?? inBundled[i];
      if (effective === undefined) addedCount++;
      // The same JSON is the same document; a different one may still be (key order, say).
      else if (effective === list.text(i) || sameDocument(parseStored(effective), list.document(i))) {
        // In replace mode a bundled document the import keeps must move into the layer.
        if (!(options.mode === 'replace' && layerText === undefined)) continue;
      } else changed++;
      puts.push(i);
      if (layerText !== undefined) {
        const before = { id, text: layerText, events: parseStored(layerText).events.length };
        replaced.push(before);
        events -= before.events;
      } else added.push(id);
      events += list.events(i);
    }

    if (options.mode === 'replace') {
      const keep = new Set(ids);
      const catalog = await readCatalog(importTables);
      const gone = catalog.ids.filter((id) => !keep.has(id));
      const goneTexts = await getTexts(importTables, state.buckets, gone);
      const eventsOf = new Map(catalog.ids.map((id, i) => [id, catalog.events[i]!]));
      goneTexts.forEach((text, i) => {
        if (text === undefined) return;
        const id = gone[i]!;
        deletes.push(id);
        replaced.push({ id, text, events: eventsOf.get(id)! });
        events -= eventsOf.get(id)!;
      });
      removed += deletes.length;
      if (!state.hidesBundled) {
        const layerIdSet = new Set(catalog.ids);
        const bundledIds = (await readCatalog(bundledTables)).ids;
        removed += bundledIds.filter((id) => !keep.has(id) && !layerIdSet.has(id)).length;
      }
    }

    const buckets = await applyChanges(importTables, state.buckets, subList(list, puts), deletes);
    for (let i = 0; i < replaced.length; i += DOCS_PER_ROW) {
      undo.push({ seq, id: `\u0000before-${String(i / DOCS_PER_ROW).padStart(6, '0')}`, before: null, docs: replaced.slice(i, i + DOCS_PER_ROW) });
    }
    for (let i = 0; i < added.length; i += ADDED_PER_ROW) {
      undo.push({ seq, id: `\u0000added-${String(i / ADDED_PER_ROW).padStart(6, '0')}`, before: null, added: added.slice(i, i + ADDED_PER_ROW) });
    }
    if (undo.length) await db.undo.bulkAdd(undo);
    options.afterWrites?.();

    if (options.mode === 'replace') await db.layerReports.clear();
    await db.layerReports.bulkPut(dataset.reports);

    const next: LayerRow = {
      key: 'import',
      revision: state.revision + 1,
      version: dataset.version,
      hidesBundled: state.hidesBundled || options.mode === 'replace',
      events,
      buckets,
    };
    await db.layer.put(next);
    const counts = await effectiveCounts(db, next);
    const entry: ImportEntry = {
      ...entryBase,
      seq,
      counts: { added: addedCount, changed, removed, ...counts },
      before: { version: state.version, hidesBundled: state.hidesBundled, events: state.events, reports: beforeReports },
    };
    await db.imports.add(entry);
    return entry;
  });
}

/** Imports that are in effect (not undone), newest first. */
async function activeEntries(db: EurefsDb): Promise<ImportEntry[]> {
  const all = await db.imports.orderBy('seq').reverse().toArray();
  return all.filter((entry) => !entry.undone);
}

/** Reverts `entries` (newest first) inside the caller's transaction. */
async function revert(db: EurefsDb, entries: readonly ImportEntry[], by: 'undo' | 'rollback' | 'reset', now: Date): Promise<void> {
  let state = await layerState(db);
  for (const entry of entries) {
    const seq = entry.seq!;
    const rows = await db.undo.where('seq').equals(seq).toArray();
    // Rows of many documents (`docs`, `added`); version 2 wrote one row per document (`before`).
    const restore = rows.flatMap((row) => row.docs ?? (row.before ? [toStored(row.before)] : []));
    const remove = rows.flatMap((row) => row.added ?? (row.docs || row.before ? [] : [row.id]));
    let buckets = state.buckets;
    // The layer was empty before this import: emptying it is one request, not one per document.
    if (entry.before.version === null) {
      await clearLayer(db.layerTables('import'));
      buckets = await applyChanges(db.layerTables('import'), 0, restore, []);
    } else buckets = await applyChanges(db.layerTables('import'), buckets, restore, remove);
    await db.layerReports.clear();
    if (entry.before.reports.length) await db.layerReports.bulkPut(entry.before.reports);
    await db.undo.where('seq').equals(seq).delete();
    await db.imports.update(seq, { undone: { at: now.toISOString(), by } });
    state = { ...state, version: entry.before.version, hidesBundled: entry.before.hidesBundled, events: entry.before.events, buckets };
  }
  await db.layer.put({ ...state, revision: state.revision + 1 });
}

/** Undoes the last import still in effect. */
export async function undoLastImport(db: EurefsDb, { expectedRevision, now = new Date() }: { expectedRevision?: number; now?: Date } = {}): Promise<ImportEntry> {
  return db.transaction('rw', layerTables(db), async () => {
    const state = await layerState(db);
    if (expectedRevision !== undefined && state.revision !== expectedRevision) throw new ImportConflictError();
    const [last] = await activeEntries(db);
    if (!last) throw new NothingToUndoError();
    await revert(db, [last], 'undo', now);
    return last;
  });
}

/** Rolls back to the dataset as it stood right after import `seq`: undoes every later import. */
export async function rollbackTo(db: EurefsDb, seq: number, { expectedRevision, now = new Date() }: { expectedRevision?: number; now?: Date } = {}): Promise<number> {
  return db.transaction('rw', layerTables(db), async () => {
    const state = await layerState(db);
    if (expectedRevision !== undefined && state.revision !== expectedRevision) throw new ImportConflictError();
    const active = await activeEntries(db);
    if (!active.some((entry) => entry.seq === seq)) throw new NothingToUndoError(phrase('importVersionUndone'));
    const later = active.filter((entry) => entry.seq! > seq);
    if (later.length) await revert(db, later, 'rollback', now);
    return later.length;
  });
}

/** Back to the bundled dataset alone: every import in effect is undone (and stays in the history). */
export async function resetToBundled(db: EurefsDb, { expectedRevision, now = new Date() }: { expectedRevision?: number; now?: Date } = {}): Promise<number> {
  return db.transaction('rw', layerTables(db), async () => {
    const state = await layerState(db);
    if (expectedRevision !== undefined && state.revision !== expectedRevision) throw new ImportConflictError();
    const active = await activeEntries(db);
    if (active.length) await revert(db, active, 'reset', now);
    // Whatever the history says, the layer is now empty.
    await clearLayer(db.layerTables('import'));
    await db.layerReports.clear();
    const after = await layerState(db);
    await db.layer.put({ ...after, version: null, hidesBundled: false, events: 0, buckets: 0, revision: active.length ? after.revision : after.revision + 1 });
    return active.length;
  });
}

export async function listImports(db: EurefsDb): Promise<ImportEntry[]> {
  return db.imports.orderBy('seq').reverse().toArray();
}

/** The effective dataset as one Dataset, ready for JSON or CSV. */
export async function exportEffective(db: EurefsDb): Promise<Dataset> {
  const snapshot = await readEffective(db);
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    version: snapshot.layer.version ?? snapshot.bundledVersion ?? 'empty',
    reports: [...snapshot.reports.values()],
    documents: [...snapshot.documents.values()],
  };
}

/** True when IndexedDB refused the write for lack of space. */
export function isQuotaError(error: unknown): boolean {
  const names = new Set<string>();
  let current: unknown = error;
  for (let i = 0; i < 4 && current && typeof current === 'object'; i++) {
    const e = current as { name?: unknown; inner?: unknown };
    if (typeof e.name === 'string') names.add(e.name);
    current = e.inner;
  }
  return names.has('QuotaExceededError') || names.has(Dexie.errnames.QuotaExceeded);
}
