/**
 * How a layer's documents are stored: in buckets of about 96 KB each, not one row per document.
 *
 * Chromium's IndexedDB pays for every request and for every byte it keeps inline in LevelDB;
 * values over 64 KB go to a file of their own, which is far cheaper to write. Measured in the
 * extension page (Chromium 156, 100,000 documents of ~1.1 KB): one row per document took ~35 s
 * to write, 6,250 rows of 16 documents (~17 KB, inline) 9–19 s, 1,024 rows of ~100 documents
 * (~110 KB, each in a file) ~3 s. A lookup reads whole buckets, so buckets are kept no bigger
 * than that: a lookup of 50 ids reads at most 50 buckets.
 *
 * A document goes to bucket `hash(id) % buckets`, so a lookup needs no index: one bulkGet of the
 * buckets of the ids asked for. Documents are kept as their JSON text in UTF-8, one after another
 * in one byte array per bucket: a file's well-formed document is stored as the file's own bytes of
 * it, never decoded into a string on the way (decoding 100,000 documents cost more than a third of
 * the write), and an array of bytes is cheaper to clone into IndexedDB than strings, a quarter of
 * which hold a character past Latin-1 and so two bytes per character. A lookup decodes and parses
 * only the documents asked for. Each layer also has a catalog row: its ids with their event counts
 * and sizes, for counts and diffs without reading the documents.
 *
 * Every function here runs inside the caller's transaction and awaits nothing but Dexie.
 */
import Dexie, { type Table } from 'dexie';
import type { DatasetDocument } from './schema';
import { asList, type DocumentList } from './dataset-file';

/**
 * One bucket: the JSON text of the document `ids[i]` is, in UTF-8, `bytes` from `ends[i - 1]`
 * (0 for the first) to `ends[i]`. Each row's `bytes` is a buffer of its own: a view into a larger
 * one would be cloned into the database whole.
 */
export interface ByteBucketRow {
  bucket: number;
  ids: string[];
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** A bucket as versions before ByteBucketRow wrote it: `docs[i]` is the JSON text of `ids[i]`. Still read; rewritten as bytes when touched. */
export interface TextBucketRow {
  bucket: number;
  ids: string[];
  docs: string[];
}

export type BucketRow = ByteBucketRow | TextBucketRow;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const isTextRow = (row: BucketRow): row is TextBucketRow => 'docs' in row;

/** The UTF-8 of the k-th document of `row`: a view into the row's bytes, no copy. */
function bytesAt(row: BucketRow, k: number): Uint8Array {
  if (isTextRow(row)) return encoder.encode(row.docs[k]!);
  return row.bytes.subarray(k ? row.ends[k - 1]! : 0, row.ends[k]!);
}

/** The JSON text of the k-th document of `row`. */
export function textAt(row: BucketRow, k: number): string {
  return isTextRow(row) ? row.docs[k]! : decoder.decode(bytesAt(row, k));
}

/** A bucket of `ids`, whose documents' UTF-8 are `parts`, copied into one buffer of the row's own. */
export function packBucket(bucket: number, ids: string[], parts: readonly Uint8Array[]): ByteBucketRow {
  let size = 0;
  for (const part of parts) size += part.length;
  const bytes = new Uint8Array(size);
  const ends = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((part, k) => {
    bytes.set(part, at);
    at += part.length;
    ends[k] = at;
  });
  return { bucket, ids, bytes, ends };
}

export type LayerName = 'bundled' | 'import';

/** A layer's ids, with each document's number of events, size (bytes of its UTF-8; characters of its JSON in catalogs written before bytes) and procedure, in one row. */
export interface CatalogRow {
  key: LayerName;
  ids: string[];
  events: number[];
  sizes: number[];
  /** the procedure each document names, null for none; absent in catalogs written before version 5 */
  procedures?: (string | null)[];
}

/** A document that names a procedure. */
export interface ProcedureEntry {
  layer: LayerName;
  id: string;
  procedure: string;
}

/**
 * The procedure index of a layer, in buckets as the documents are: a page's `2017/0351(COD)`,
 * which no document has as its id, is found in bucket `hash(procedure) % PROCEDURE_BUCKETS` with
 * one bulkGet for a whole batch; `ids[i]` names `procedures[i]`. A row per document would make a
 * 100,000-document import write tens of thousands of small rows, the cost the buckets avoid.
 */
export interface ProcedureBucketRow {
  layer: LayerName;
  bucket: number;
  procedures: string[];
  ids: string[];
}

/** Fixed, so the index never needs re-bucketing: 25,000 procedures make rows of about 4 KB. */
export const PROCEDURE_BUCKETS = 256;

/** A document as stored: its JSON text and what the catalog and the procedure index keep of it. */
export interface StoredDocument {
  id: string;
  text: string;
  events: number;
  /** null: the document names no procedure; absent: not known without reading `text` (undo rows) */
  procedure?: string | null;
}

export interface LayerTables {
  name: LayerName;
  buckets: Table<BucketRow, number>;
  catalogs: Table<CatalogRow, LayerName>;
  procedures: Table<ProcedureBucketRow, [LayerName, number]>;
}

/**
 * Average bucket size aimed at: over the 64 KB past which Chromium keeps a value in a file, with
 * room for buckets smaller than average. Measured at 100,000 documents (write / lookup of 1,000
 * ids, same run, noisy machine): 64 KB 3.5–7.9 s / 0.9–2.9 s, 96 KB 2.1–2.8 s / 0.3–1.0 s,
 * 128 KB 1.7–2.2 s / 0.6–1.4 s, 256 KB 3.1 s / 1.7–2.4 s.
 */
export const BUCKET_BYTES = 96 * 1024;

export function bucketCountFor(bytes: number): number {
  return Math.max(1, Math.round(bytes / BUCKET_BYTES));
}

/** FNV-1a, 32 bits: stable across versions and browsers (it decides where documents are stored). */
export function bucketOf(id: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

export function toStored(doc: DatasetDocument): StoredDocument {
  return { id: doc.id, text: JSON.stringify(doc), events: doc.events.length, procedure: doc.procedure ?? null };
}

export function parseStored(text: string): DatasetDocument {
  return JSON.parse(text) as DatasetDocument;
}

export const emptyCatalog = (name: LayerName): CatalogRow => ({ key: name, ids: [], events: [], sizes: [] });

export async function readCatalog(layer: LayerTables): Promise<CatalogRow> {
  return (await layer.catalogs.get(layer.name)) ?? emptyCatalog(layer.name);
}

/** The JSON text of each of `ids` (undefined where the layer has none), with one bulkGet. */
export async function getTexts(layer: LayerTables, buckets: number, ids: readonly string[]): Promise<(string | undefined)[]> {
  if (!buckets || ids.length === 0) return ids.map(() => undefined);
  const of = ids.map((id) => bucketOf(id, buckets));
  const wanted = [...new Set(of)];
  const rows = await layer.buckets.bulkGet(wanted);
  const byBucket = new Map<number, BucketRow | undefined>(wanted.map((b, i) => [b, rows[i]]));
  return ids.map((id, i) => {
    const row = byBucket.get(of[i]!);
    if (!row) return undefined;
    const at = row.ids.indexOf(id);
    return at < 0 ? undefined : textAt(row, at);
  });
}

export async function getDocuments(layer: LayerTables, buckets: number, ids: readonly string[]): Promise<(DatasetDocument | undefined)[]> {
  return (await getTexts(layer, buckets, ids)).map((text) => (text === undefined ? undefined : parseStored(text)));
}

/** Every document of the layer as the UTF-8 of its JSON, bucket by bucket. */
async function allBytes(layer: LayerTables): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const row of await layer.buckets.toArray()) row.ids.forEach((id, k) => out.set(id, bytesAt(row, k)));
  return out;
}

export async function allDocuments(layer: Pick<LayerTables, 'buckets'>): Promise<DatasetDocument[]> {
  const out: DatasetDocument[] = [];
  for (const row of await layer.buckets.toArray()) row.ids.forEach((_, k) => out.push(parseStored(textAt(row, k))));
  return out;
}

/** Buckets written per request batch while loading a whole layer: a few MB of JSON text at a time. */
const BUCKETS_PER_BATCH = 32;

/** The layer's rows of the procedure index, all of them. */
const layerProcedures = (layer: LayerTables) =>
  layer.procedures.where('[layer+bucket]').between([layer.name, Dexie.minKey], [layer.name, Dexie.maxKey]);

/** Replaces everything in the layer with `docs`, buckets and procedure index; returns the bucket count (0: empty). */
export async function writeAll(layer: LayerTables, from: DocumentList | readonly DatasetDocument[]): Promise<number> {
  const docs = asList(from);
  const buckets = await writeBuckets(layer, docs);
  await layerProcedures(layer).delete();
  const rows = procedureBuckets(layer.name, namedProcedures(docs));
  if (rows.length) await layer.procedures.bulkPut(rows);
  return buckets;
}

function* namedProcedures(docs: DocumentList): Iterable<{ id: string; procedure?: string }> {
  for (let i = 0; i < docs.length; i++) {
    const procedure = docs.procedure(i);
    if (procedure) yield { id: docs.id(i), procedure };
  }
}

/** The procedure index's rows for `docs`, all of one layer. */
export function procedureBuckets(name: LayerName, docs: Iterable<{ id: string; procedure?: string | undefined }>): ProcedureBucketRow[] {
  const rows = new Map<number, ProcedureBucketRow>();
  for (const { id, procedure } of docs) {
    if (!procedure) continue;
    const bucket = bucketOf(procedure, PROCEDURE_BUCKETS);
    const row = rows.get(bucket) ?? { layer: name, bucket, procedures: [], ids: [] };
    row.procedures.push(procedure);
    row.ids.push(id);
    rows.set(bucket, row);
  }
  return [...rows.values()];
}

/**
 * The buckets and catalog of writeAll, without the procedure index: for the database's version 3
 * upgrade, which ran before the index existed (version 5's upgrade fills it).
 * The bucket count is estimated from a sample of the documents, and the text of each batch of
 * buckets is made just before it is written: the whole dataset's text never sits in memory at once.
 */
export async function writeBuckets(layer: Omit<LayerTables, 'procedures'>, from: DocumentList | readonly DatasetDocument[]): Promise<number> {
  const docs = asList(from);
  await layer.buckets.clear();
  const count = docs.length;
  if (count === 0) {
    await layer.catalogs.delete(layer.name);
    return 0;
  }
  const step = Math.max(1, Math.floor(count / 2000));
  let sampled = 0;
  let sampledBytes = 0;
  for (let i = 0; i < count; i += step, sampled++) sampledBytes += docs.size(i);
  const buckets = bucketCountFor((sampledBytes / sampled) * count);
  const ids = new Array<string>(count);
  const of = new Uint32Array(count);
  const sizes = new Array<number>(count);
  // Members of each bucket, as one list sorted by bucket: no array per bucket.
  const counts = new Uint32Array(buckets + 1);
  for (let i = 0; i < count; i++) {
    ids[i] = docs.id(i);
    of[i] = bucketOf(ids[i]!, buckets);
    counts[of[i]! + 1]!++;
  }
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
  const order = new Uint32Array(count);
  const next = counts.slice(0, buckets);
  for (let i = 0; i < count; i++) order[next[of[i]!]!++] = i;
  for (let b = 0; b < buckets; b += BUCKETS_PER_BATCH) {
    const rows: BucketRow[] = [];
    for (let k = b; k < Math.min(buckets, b + BUCKETS_PER_BATCH); k++) {
      if (counts[k] === counts[k + 1]) continue;
      const members: string[] = [];
      const parts: Uint8Array[] = [];
      for (let m = counts[k]!; m < counts[k + 1]!; m++) {
        const i = order[m]!;
        const bytes = docs.bytes(i);
        sizes[i] = bytes.length;
        members.push(ids[i]!);
        parts.push(bytes);
      }
      rows.push(packBucket(k, members, parts));
    }
    await layer.buckets.bulkPut(rows);
  }
  const events = new Array<number>(count);
  const procedures = new Array<string | null>(count);
  for (let i = 0; i < count; i++) {
    events[i] = docs.events(i);
    procedures[i] = docs.procedure(i);
  }
  await layer.catalogs.put({ key: layer.name, ids, events, sizes, procedures });
  return buckets;
}

export async function clearLayer(layer: LayerTables): Promise<void> {
  await layer.buckets.clear();
  await layer.catalogs.delete(layer.name);
  await layerProcedures(layer).delete();
}

/** A document whose procedure changes: null where it names none (or is not there). */
interface ProcedureChange {
  id: string;
  before: string | null;
  after: string | null;
}

/** Moves each changed document in the procedure index: only the buckets of those procedures are read and written. */
async function reindexProcedures(layer: LayerTables, changes: readonly ProcedureChange[]): Promise<void> {
  const moved = changes.filter((c) => c.before !== c.after);
  if (moved.length === 0) return;
  const touched = [...new Set(moved.flatMap((c) => [c.before, c.after]).filter((p): p is string => p !== null).map((p) => bucketOf(p, PROCEDURE_BUCKETS)))];
  const found = await layer.procedures.bulkGet(touched.map((b) => [layer.name, b] as [LayerName, number]));
  const rows = new Map(touched.map((bucket, i) => [bucket, found[i] ?? { layer: layer.name, bucket, procedures: [], ids: [] }]));
  for (const { id, before, after } of moved) {
    if (before !== null) {
      const row = rows.get(bucketOf(before, PROCEDURE_BUCKETS))!;
      const at = row.ids.findIndex((other, i) => other === id && row.procedures[i] === before);
      if (at >= 0) {
        row.ids.splice(at, 1);
        row.procedures.splice(at, 1);
      }
    }
    if (after !== null) {
      const row = rows.get(bucketOf(after, PROCEDURE_BUCKETS))!;
      row.ids.push(id);
      row.procedures.push(after);
    }
  }
  const all = [...rows.values()];
  const empty = all.filter((row) => row.ids.length === 0).map((row) => [layer.name, row.bucket] as [LayerName, number]);
  const kept = all.filter((row) => row.ids.length > 0);
  // Never an empty bulk call: it makes no request, and the transaction may commit under it.
  if (empty.length) await layer.procedures.bulkDelete(empty);
  if (kept.length) await layer.procedures.bulkPut(kept);
}

/** The documents in `layers` that name one of `procedures`: one bulkGet of their buckets for the batch. */
export async function idsByProcedure(
  index: Table<ProcedureBucketRow, [LayerName, number]>,
  layers: readonly LayerName[],
  procedures: readonly string[],
): Promise<ProcedureEntry[]> {
  if (procedures.length === 0 || layers.length === 0) return [];
  const wanted = new Set(procedures);
  const buckets = [...new Set(procedures.map((p) => bucketOf(p, PROCEDURE_BUCKETS)))];
  const rows = await index.bulkGet(layers.flatMap((layer) => buckets.map((b) => [layer, b] as [LayerName, number])));
  const out: ProcedureEntry[] = [];
  for (const row of rows) {
    row?.ids.forEach((id, i) => {
      const procedure = row.procedures[i]!;
      if (wanted.has(procedure)) out.push({ layer: row.layer, id, procedure });
    });
  }
  return out;
}

/** Stored documents as a DocumentList. */
function storedList(docs: readonly StoredDocument[]): DocumentList {
  return {
    length: docs.length,
    id: (i) => docs[i]!.id,
    events: (i) => docs[i]!.events,
    procedure: (i) => {
      const doc = docs[i]!;
      return doc.procedure !== undefined ? doc.procedure : (parseStored(doc.text).procedure ?? null);
    },
    text: (i) => docs[i]!.text,
    bytes: (i) => encoder.encode(docs[i]!.text),
    size: (i) => docs[i]!.text.length,
    document: (i) => parseStored(docs[i]!.text),
  };
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Puts `puts` (replacing documents with the same id) and deletes `deletes`; returns the new bucket
 * count. Only the buckets those ids fall in are read and written, unless the layer has grown or
 * shrunk so much that its bucket count no longer fits (then it is rewritten whole: rare, as the
 * count moves by a factor of 2 to 4 at a time). Buckets are written a batch at a time, and the
 * text of each document put is made only as its bucket is: a DocumentList read from a file
 * (dataset-file.ts) never has all its texts in memory at once.
 */
export async function applyChanges(layer: LayerTables, buckets: number, from: readonly StoredDocument[] | DocumentList, deletes: readonly string[]): Promise<number> {
  const puts = isStoredList(from) ? storedList(from) : from;
  if (puts.length === 0 && deletes.length === 0) return buckets;
  const catalog = await readCatalog(layer);
  const entries = new Map<string, [events: number, size: number, procedure: string | null]>();
  catalog.ids.forEach((id, i) => entries.set(id, [catalog.events[i]!, catalog.sizes[i]!, catalog.procedures?.[i] ?? null]));
  const changes: ProcedureChange[] = [];
  for (const id of deletes) {
    changes.push({ id, before: entries.get(id)?.[2] ?? null, after: null });
    entries.delete(id);
  }
  for (let k = 0; k < puts.length; k++) {
    const id = puts.id(k);
    const procedure = puts.procedure(k);
    changes.push({ id, before: entries.get(id)?.[2] ?? null, after: procedure });
    entries.set(id, [puts.events(k), puts.size(k), procedure]);
  }
  if (entries.size === 0) {
    await clearLayer(layer);
    return 0;
  }
  // Only with work to do: awaiting a function that made no request can let the transaction commit.
  if (changes.some((c) => c.before !== c.after)) await reindexProcedures(layer, changes);
  let bytes = 0;
  for (const [, [, size]] of entries) bytes += size;
  const ideal = bucketCountFor(bytes);
  const rewrite = !buckets || ideal > 2 * buckets || ideal * 4 < buckets;
  const count = rewrite ? ideal : buckets;
  const putsIn = groupBy(Array.from({ length: puts.length }, (_, k) => k), (k) => bucketOf(puts.id(k), count));
  const deletesIn = groupBy(deletes, (id) => bucketOf(id, count));
  let kept: Map<number, [string, Uint8Array][]> | null = null;
  if (rewrite) {
    const stored = await allBytes(layer);
    for (const id of deletes) stored.delete(id);
    kept = groupBy(stored, ([id]) => bucketOf(id, count));
    await layer.buckets.clear();
  }
  const touched = [...new Set([...(kept?.keys() ?? []), ...deletesIn.keys(), ...putsIn.keys()])];
  for (let at = 0; at < touched.length; at += BUCKETS_PER_BATCH) {
    const batch = touched.slice(at, at + BUCKETS_PER_BATCH);
    const rows = kept ? [] : await layer.buckets.bulkGet(batch);
    const write: BucketRow[] = [];
    const empty: number[] = [];
    batch.forEach((bucket, j) => {
      const row = rows[j];
      const docs = new Map<string, Uint8Array>(kept ? kept.get(bucket) ?? [] : row ? row.ids.map((id, k) => [id, bytesAt(row, k)]) : []);
      for (const id of deletesIn.get(bucket) ?? []) docs.delete(id);
      for (const k of putsIn.get(bucket) ?? []) {
        const id = puts.id(k);
        const bytes = puts.bytes(k);
        docs.set(id, bytes);
        entries.get(id)![1] = bytes.length;
      }
      if (docs.size === 0) empty.push(bucket);
      else write.push(packBucket(bucket, [...docs.keys()], [...docs.values()]));
    });
    // Never an empty bulk call: it makes no request, and the transaction may commit under it.
    if (empty.length) await layer.buckets.bulkDelete(empty);
    if (write.length) await layer.buckets.bulkPut(write);
  }
  const next: CatalogRow = { ...emptyCatalog(layer.name), procedures: [] };
  for (const [id, [events, size, procedure]] of entries) {
    next.ids.push(id);
    next.events.push(events);
    next.sizes.push(size);
    next.procedures!.push(procedure);
  }
  await layer.catalogs.put(next);
  return count;
}

function isStoredList(docs: readonly StoredDocument[] | DocumentList): docs is readonly StoredDocument[] {
  return Array.isArray(docs);
}
