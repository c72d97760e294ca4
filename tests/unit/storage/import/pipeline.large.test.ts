/**
 * Large imports: 100,000 documents and a 50 MB file. Prints the time of each phase (a bench, run
 * with the unit tests so the numbers stay honest).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../../storage/import/diff';
import { applyImport, effectiveStats, readEffective, undoLastImport } from '../../../../storage/dataset/layers';
import { prepareImport } from '../../../../storage/import/pipeline';
import { loadBundledDataset } from '../../../../storage/dataset/load-bundled';
import { lookupDocuments } from '../../../../storage/dataset/lookup';
import { bundledDataset, dataset, dump, freshDb, manyDocuments, REPORT } from './helpers';
import { english } from '../../../../i18n/english';
import { formatProblem } from '../../../../storage/import/problems';

const ms = (t: number) => Math.round(performance.now() - t);

describe('large imports', () => {
  it('validates and previews 100,000 documents with progress', { timeout: 120_000 }, async () => {
    const db = freshDb();
    await loadBundledDataset(db, bundledDataset());
    const text = JSON.stringify(dataset('big', manyDocuments(100_000), [REPORT]));
    const data = new TextEncoder().encode(text);
    let progressCalls = 0;
    let t = performance.now();
    const prepared = await prepareImport(data, { name: 'big.json', onProgress: () => progressCalls++ });
    const prepareMs = ms(t);
    expect(prepared.errors).toEqual([]);
    expect(prepared.dataset?.documents.length).toBe(100_000);
    expect(progressCalls).toBeGreaterThan(10);

    t = performance.now();
    const current = await readEffective(db);
    const preview = await previewImport(current, prepared.dataset!, 'merge');
    const previewMs = ms(t);
    expect(preview.counts.added + preview.counts.changed).toBe(100_000);
    console.info(
      `100k documents, ${(data.byteLength / 1e6).toFixed(1)} MB JSON: prepare ${prepareMs} ms ` +
        `(${JSON.stringify(Object.fromEntries(Object.entries(prepared.timings).map(([k, v]) => [k, Math.round(v)])))}), preview ${previewMs} ms`,
    );
    await db.delete();
  });

  // fake-indexeddb writes about 1,000 documents a second: the apply of 100k is measured in real
  // Chromium (tests/e2e/staff-import.spec.ts); here 10k, for atomicity and undo at size.
  it('applies and undoes 10,000 documents in one transaction', { timeout: 120_000 }, async () => {
    const db = freshDb();
    await loadBundledDataset(db, bundledDataset());
    const big = dataset('big', manyDocuments(10_000), [REPORT]);
    const revision = (await readEffective(db)).revision;
    let t = performance.now();
    const entry = await applyImport(db, big, { mode: 'merge', expectedRevision: revision, source: { kind: 'file', name: 'big.json' }, format: 'json', hash: 'h', bytes: 1 });
    const applyMs = ms(t);
    expect(entry.counts.documents).toBeGreaterThanOrEqual(10_000);
    t = performance.now();
    const answer = await lookupDocuments(db, ['COM(1990) 1', 'COM(2024) 285', 'COM(2016) 731']);
    const lookupMs = ms(t);
    expect(answer.documents['COM(2024) 285']?.title).toBe('Synthetic proposal number 9974');
    t = performance.now();
    await effectiveStats(db);
    const statsMs = ms(t);
    t = performance.now();
    await undoLastImport(db);
    const undoMs = ms(t);
    expect(await db.layerBuckets.count()).toBe(0);
    console.info(`10k documents in fake-indexeddb: apply ${applyMs} ms, lookup ${lookupMs} ms, stats ${statsMs} ms, undo ${undoMs} ms`);
    await db.delete();
  });

  it('a 50 MB file with one broken document: the error is found and nothing changes', { timeout: 240_000 }, async () => {
    const db = freshDb();
    await loadBundledDataset(db, bundledDataset());
    const padding = ' — '.padEnd(190, 'x');
    const docs = manyDocuments(100_000, 'proposed', padding);
    docs[77_777] = { ...docs[77_777]!, events: [{ ...docs[77_777]!.events[0]!, date: '2019-02-29' }] };
    const data = new TextEncoder().encode(JSON.stringify(dataset('fifty', docs, [REPORT])));
    expect(data.byteLength).toBeGreaterThan(50e6);
    const before = await dump(db);
    const t = performance.now();
    const prepared = await prepareImport(data, { name: 'fifty.json' });
    const prepareMs = ms(t);
    expect(prepared.dataset).toBeNull();
    expect(prepared.errorCount).toBe(1);
    expect(formatProblem(prepared.errors[0]!, english)).toContain(`documents[77777].events[0].date, document "${docs[77_777]!.id}", event 1, field date: `);
    expect(await dump(db)).toEqual(before);
    console.info(`${(data.byteLength / 1e6).toFixed(1)} MB JSON with one error: checked in ${prepareMs} ms`);
    await db.delete();
  });
});
