import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../../../storage/dataset/dataset-file';
import { ensureBundledDataset, loadBundledDataset, parseDataset, parseDatasetBytes } from '../../../../storage/dataset/load-bundled';
import { lookupDocuments } from '../../../../storage/dataset/lookup';
import { bundledDataset, dump, freshDb } from '../import/helpers';
import { textAt, type BucketRow, type CatalogRow } from '../../../../storage/dataset/buckets';
import type { MetaRow } from '../../../../storage/dataset/db';

const encode = (value: unknown, indent?: number) => new TextEncoder().encode(JSON.stringify(value, null, indent));

/**
 * What the database holds, whatever the number of buckets (estimated from the documents' sizes,
 * which the bytes of a file and JSON.stringify count a little differently): each document's
 * stored text, its catalog entry and procedure, the reports, the counts.
 */
async function stored(db: ReturnType<typeof freshDb>) {
  const all = await dump(db);
  const texts = Object.fromEntries((all.bundledBuckets as BucketRow[]).flatMap((row) => row.ids.map((id, i) => [id, textAt(row, i)])));
  const catalog = (all.catalogs as CatalogRow[])[0]!;
  const entries = catalog.ids.map((id, i) => [id, catalog.events[i], catalog.sizes[i], catalog.procedures?.[i]]);
  const procedures = (await db.procedures.toArray()).flatMap((row) => row.ids.map((id, i) => `${row.procedures[i]} ${id}`)).sort();
  const meta = (all.meta as MetaRow[]).map(({ loadedAt: _at, buckets: _buckets, ...rest }) => rest);
  return { texts, entries, procedures, meta, reports: all.reports };
}

describe('a dataset read from its file, a document at a time', () => {
  it('gives the documents the schema gives, in compact and pretty-printed files alike', () => {
    const dataset = bundledDataset();
    for (const bytes of [encode(dataset), encode(dataset, 2)]) {
      const read = readDatasetFile(bytes).dataset!;
      expect(read.version).toBe(dataset.version);
      expect(read.reports).toEqual(dataset.reports);
      expect(read.documents.length).toBe(dataset.documents.length);
      dataset.documents.forEach((doc, i) => {
        expect(read.documents.document(i)).toEqual(doc);
        // What is stored is the document as JSON.stringify writes it: no white space, schema order.
        expect(read.documents.text(i)).toBe(JSON.stringify(doc));
        expect(read.documents.events(i)).toBe(doc.events.length);
        expect(read.documents.procedure(i)).toBe(doc.procedure ?? null);
      });
    }
  });

  it('fills in what the schema fills in for a document that leaves it out', () => {
    const dataset = bundledDataset();
    const { aliases: _aliases, topics: _topics, ...bare } = dataset.documents[0]!;
    const read = readDatasetFile(encode({ ...dataset, documents: [bare] })).dataset!;
    expect(JSON.parse(read.documents.text(0))).toEqual({ ...dataset.documents[0], aliases: [], topics: [] });
  });

  it('says what is wrong, where, in the words parseDataset uses, and gives no dataset', () => {
    const dataset = bundledDataset();
    const broken = { ...dataset, documents: dataset.documents.map((doc, i) => (i === 3 ? { ...doc, type: 'nonsense' } : doc)) };
    const read = readDatasetFile(encode(broken));
    expect(read.dataset).toBeNull();
    expect(read.issues.map((issue) => issue.path)).toEqual([['documents', 3, 'type']]);
    expect(() => parseDatasetBytes(encode(broken))).toThrow(/The dataset is not valid: documents\.3\.type: /);
    expect(() => parseDataset(broken)).toThrow(/The dataset is not valid: documents\.3\.type: /);
    expect(() => parseDatasetBytes(encode({ ...dataset, version: '' }))).toThrow(/not valid: version: /);
    // Not JSON at all: JSON.parse's own error.
    expect(() => parseDatasetBytes(new TextEncoder().encode('{"version": "v", "documents": [{]}'))).toThrow(SyntaxError);
  });

  it('loads from the bytes exactly what it loads from the parsed file: the same rows, the same answers', async () => {
    const dataset = bundledDataset();
    const fromObjects = freshDb();
    await loadBundledDataset(fromObjects, dataset, new Date(0));
    for (const bytes of [encode(dataset), encode(dataset, 2)]) {
      const fromBytes = freshDb();
      await ensureBundledDataset(fromBytes, async () => bytes);
      expect(await stored(fromBytes)).toEqual(await stored(fromObjects));
      const ids = [dataset.documents[0]!.id, dataset.documents[50]!.id, 'COM(2099) 1'];
      expect(await lookupDocuments(fromBytes, ids)).toEqual(await lookupDocuments(fromObjects, ids));
      await fromBytes.delete();
    }
    await fromObjects.delete();
  });

  it('reads only the head of a file whose version is the one loaded, and all of a new one', async () => {
    const dataset = bundledDataset();
    const db = freshDb();
    const first = await ensureBundledDataset(db, async () => encode(dataset, 2));
    // The same version with a broken document: not read, so the dataset loaded stays and nothing throws.
    const broken = { ...dataset, documents: [{ ...dataset.documents[0]!, type: 'nonsense' }, ...dataset.documents.slice(1)] };
    for (const indent of [undefined, 2]) expect(await ensureBundledDataset(db, async () => encode(broken, indent))).toEqual(first);
    // Forced (an update), or a new version: read whole, and refused.
    await expect(ensureBundledDataset(db, async () => encode(broken), { force: true })).rejects.toThrow(/not valid: documents\.0\.type/);
    await expect(ensureBundledDataset(db, async () => encode({ ...broken, version: 'v-next' }))).rejects.toThrow(/not valid: documents\.0\.type/);
    expect(await db.meta.get('bundled')).toEqual(first);
    await db.delete();
  });
});
