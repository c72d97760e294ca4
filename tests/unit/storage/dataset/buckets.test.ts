import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EurefsDb } from '../../../../storage/dataset/db';
import { allDocuments, applyChanges, bucketCountFor, bucketOf, getDocuments, idsByProcedure, readCatalog, textAt, toStored, writeAll, BUCKET_BYTES, PROCEDURE_BUCKETS, type TextBucketRow } from '../../../../storage/dataset/buckets';
import { manyDocuments } from '../import/helpers';

let db: EurefsDb;
let n = 0;
beforeEach(() => {
  db = new EurefsDb(`buckets-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const inTx = <T>(fn: () => Promise<T>) => db.transaction('rw', [db.layerBuckets, db.catalogs, db.procedures], fn);

describe('documents in buckets', () => {
  it('spreads documents by a stable hash of their id', () => {
    expect(bucketOf('COM(2017) 793', 1)).toBe(0);
    expect(bucketOf('COM(2017) 793', 1000)).toBe(bucketOf('COM(2017) 793', 1000));
    const counts = new Array(16).fill(0);
    for (const doc of manyDocuments(16_000)) counts[bucketOf(doc.id, 16)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('writes a layer whole, in about BUCKET_BYTES a bucket, and reads any documents back', async () => {
    const layer = db.layerTables('import');
    const docs = manyDocuments(3000);
    const buckets = await inTx(() => writeAll(layer, docs));
    const bytes = docs.reduce((sum, d) => sum + JSON.stringify(d).length, 0);
    expect(buckets).toBe(bucketCountFor(bytes));
    expect(buckets).toBeGreaterThan(1);
    expect(await db.layerBuckets.count()).toBe(buckets);
    const got = await getDocuments(layer, buckets, [docs[5]!.id, 'COM(2099) 1', docs[2999]!.id]);
    expect(got).toEqual([docs[5], undefined, docs[2999]]);
    expect((await readCatalog(layer)).ids.sort()).toEqual(docs.map((d) => d.id).sort());
    expect(BUCKET_BYTES).toBeGreaterThan(64 * 1024);
  });

  it('applies changes to the buckets they touch, and re-buckets when the layer grows or shrinks a lot', async () => {
    const layer = db.layerTables('import');
    const all = manyDocuments(4000);
    const expected = new Map<string, unknown>();
    const check = async (buckets: number) => {
      const docs = await allDocuments(layer);
      expect(new Map(docs.map((d) => [d.id, d]))).toEqual(expected);
      const catalog = await readCatalog(layer);
      expect(new Set(catalog.ids)).toEqual(new Set(expected.keys()));
      const some = [...expected.keys()].slice(0, 20);
      expect(await getDocuments(layer, buckets, some)).toEqual(some.map((id) => expected.get(id)));
    };
    // From empty: one document, one bucket.
    let buckets = await inTx(() => applyChanges(layer, 0, [toStored(all[0]!)], []));
    expected.set(all[0]!.id, all[0]);
    expect(buckets).toBe(1);
    await check(buckets);
    // Grows past twice the bucket count it fits: re-bucketed.
    buckets = await inTx(() => applyChanges(layer, buckets, all.map(toStored), []));
    for (const doc of all) expected.set(doc.id, doc);
    expect(buckets).toBeGreaterThan(1);
    await check(buckets);
    // A few changes and deletes: the same buckets, only those touched rewritten.
    const changed = { ...all[7]!, title: 'Changed' };
    const before = buckets;
    buckets = await inTx(() => applyChanges(layer, buckets, [toStored(changed)], [all[8]!.id, 'COM(2099) 404']));
    expected.set(changed.id, changed);
    expected.delete(all[8]!.id);
    expect(buckets).toBe(before);
    await check(buckets);
    // Shrinks to a handful: re-bucketed into one.
    buckets = await inTx(() => applyChanges(layer, buckets, [], all.slice(10).map((d) => d.id)));
    for (const doc of all.slice(10)) expected.delete(doc.id);
    expect(buckets).toBe(1);
    await check(buckets);
    // Everything deleted: the layer is empty.
    buckets = await inTx(() => applyChanges(layer, buckets, [], [...expected.keys()]));
    expect(buckets).toBe(0);
    expect(await db.layerBuckets.count()).toBe(0);
    expect(await db.catalogs.get('import')).toBeUndefined();
  });

  it('indexes procedures in a few buckets, and moves a document whose procedure changes or goes', async () => {
    const layer = db.layerTables('import');
    const procedureOf = (i: number) => `2015/${String(i + 1).padStart(4, '0')}(COD)`;
    const docs = manyDocuments(3000).map((doc, i) => ({ ...doc, procedure: procedureOf(i) }));
    const buckets = await inTx(() => writeAll(layer, docs));
    // Thousands of procedures, a bounded number of rows to write.
    expect(await db.procedures.count()).toBeLessThanOrEqual(PROCEDURE_BUCKETS);
    const find = (procedures: string[]) => inTx(() => idsByProcedure(db.procedures, ['import'], procedures));
    expect(await find([procedureOf(0), procedureOf(2999), '2099/0001(COD)'])).toEqual(
      expect.arrayContaining([
        { layer: 'import', id: docs[0]!.id, procedure: procedureOf(0) },
        { layer: 'import', id: docs[2999]!.id, procedure: procedureOf(2999) },
      ]),
    );
    await inTx(() => applyChanges(layer, buckets, [toStored({ ...docs[0]!, procedure: '2016/0001(COD)' }), toStored({ ...docs[1]!, procedure: undefined })], [docs[2]!.id]));
    expect(await find([procedureOf(0), procedureOf(1), procedureOf(2)])).toEqual([]);
    expect(await find(['2016/0001(COD)'])).toEqual([{ layer: 'import', id: docs[0]!.id, procedure: '2016/0001(COD)' }]);
    expect(await find([procedureOf(3)])).toEqual([{ layer: 'import', id: docs[3]!.id, procedure: procedureOf(3) }]);
  });

  it('keeps a bucket as one byte array of its own, whatever the script, and reads and rewrites buckets earlier versions wrote as strings', async () => {
    const layer = db.layerTables('import');
    const docs = manyDocuments(2000).map((doc, i) => (i % 3 ? doc : { ...doc, title: `Κανονισμός \u2019${i}\u2019 \u{1F1EA}\u{1F1FA}` }));
    const buckets = await inTx(() => writeAll(layer, docs));
    const rows = await db.layerBuckets.toArray();
    expect(rows.length).toBe(buckets);
    for (const row of rows) {
      if ('docs' in row) throw new Error(`bucket ${row.bucket} was written as strings`);
      // A view into a larger buffer would be stored with all of that buffer.
      expect(row.bytes.byteOffset).toBe(0);
      expect(row.bytes.buffer.byteLength).toBe(row.bytes.length);
      expect(row.ends.length).toBe(row.ids.length);
      expect(row.ends[row.ends.length - 1]).toBe(row.bytes.length);
    }
    const ids = docs.map((d) => d.id);
    expect(await getDocuments(layer, buckets, ids)).toEqual(docs);
    expect((await readCatalog(layer)).sizes.reduce((a, b) => a + b, 0)).toBe(rows.reduce((sum, row) => sum + ('docs' in row ? 0 : row.bytes.length), 0));

    // As versions before the byte arrays wrote them.
    const old: TextBucketRow[] = rows.map((row) => ({ bucket: row.bucket, ids: row.ids, docs: row.ids.map((_, k) => textAt(row, k)) }));
    await db.layerBuckets.clear();
    await db.layerBuckets.bulkPut(old);
    expect(await getDocuments(layer, buckets, ids)).toEqual(docs);
    const changed = { ...docs[0]!, title: 'Changed \u2019' };
    expect(await inTx(() => applyChanges(layer, buckets, [toStored(changed)], [docs[1]!.id]))).toBe(buckets);
    const expected = new Map(docs.map((d) => [d.id, d]));
    expected.set(changed.id, changed);
    expected.delete(docs[1]!.id);
    expect(new Map((await allDocuments(layer)).map((d) => [d.id, d]))).toEqual(expected);
    // The buckets the change touched are bytes now; the others are left as they were.
    const touched = new Set([bucketOf(docs[0]!.id, buckets), bucketOf(docs[1]!.id, buckets)]);
    for (const row of await db.layerBuckets.toArray()) expect('docs' in row).toBe(!touched.has(row.bucket));
  });
});
