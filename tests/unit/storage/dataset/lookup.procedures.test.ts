import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EurefsDb } from '../../../../storage/dataset/db';
import { applyImport, resetToBundled, undoLastImport } from '../../../../storage/dataset/layers';
import { loadBundledDataset } from '../../../../storage/dataset/load-bundled';
import { fileDocument, lookupDocuments } from '../../../../storage/dataset/lookup';
import { bundledDataset, dataset, doc, freshDb } from '../import/helpers';
import type { Dataset } from '../../../../storage/dataset/schema';

let db: EurefsDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const importing = (data: Dataset, mode: 'merge' | 'replace' = 'merge') =>
  applyImport(db, data, { mode, source: { kind: 'file', name: 'staff.json' }, format: 'json', hash: 'h', bytes: 1 });

const lookup = async (...ids: string[]) => (await lookupDocuments(db, ids)).documents;

describe('a procedure number that no document has as its id', () => {
  it('resolves in the bundled dataset to the proposal whose file it is, not to the amended proposal on the same file', async () => {
    await loadBundledDataset(db, bundledDataset());
    const documents = await lookup('2017/0351(COD)', 'COM(2017) 793', '2017/0352(COD)', '2099/0001(COD)');
    // COM(2018) 478 amends COM(2017) 793; both name 2017/0351(COD).
    expect(documents['2017/0351(COD)']?.id).toBe('COM(2017) 793');
    expect(documents['2017/0351(COD)']?.title).toBe(documents['COM(2017) 793']?.title);
    expect(documents['2017/0351(COD)']?.status).toEqual(documents['COM(2017) 793']?.status);
    expect(documents['2017/0352(COD)']?.id).toBe('COM(2017) 794');
    expect(documents['2099/0001(COD)']).toBeNull();
  });

  it('follows the import layer: a changed procedure moves, a replace hides the bundled files, undo brings them back', async () => {
    await loadBundledDataset(db, dataset('b1', [doc('COM(2016) 1', 'proposed', { procedure: '2016/0001(COD)' }), doc('COM(2016) 2', 'proposed', { procedure: '2016/0002(COD)' })]));
    expect((await lookup('2016/0001(COD)'))['2016/0001(COD)']?.id).toBe('COM(2016) 1');

    // Staff say COM(2016) 1 is on another file: the bundled row no longer counts for it.
    await importing(dataset('i1', [doc('COM(2016) 1', 'adopted', { procedure: '2016/0009(COD)' }), doc('COM(2016) 3', 'proposed', { procedure: '2016/0003(COD)' })]));
    let documents = await lookup('2016/0001(COD)', '2016/0009(COD)', '2016/0002(COD)', '2016/0003(COD)');
    expect(documents['2016/0001(COD)']).toBeNull();
    expect(documents['2016/0009(COD)']).toMatchObject({ id: 'COM(2016) 1', status: { stage: 'adopted' } });
    expect(documents['2016/0002(COD)']?.id).toBe('COM(2016) 2');
    expect(documents['2016/0003(COD)']?.id).toBe('COM(2016) 3');

    // Undo restores the layer from its undo rows, which do not say the procedure: it is read from the document.
    await undoLastImport(db);
    documents = await lookup('2016/0001(COD)', '2016/0009(COD)', '2016/0003(COD)');
    expect(documents['2016/0001(COD)']?.id).toBe('COM(2016) 1');
    expect(documents['2016/0009(COD)']).toBeNull();
    expect(documents['2016/0003(COD)']).toBeNull();

    await importing(dataset('i2', [doc('COM(2016) 3', 'proposed', { procedure: '2016/0003(COD)' })]), 'replace');
    documents = await lookup('2016/0001(COD)', '2016/0003(COD)');
    expect(documents['2016/0001(COD)']).toBeNull();
    expect(documents['2016/0003(COD)']?.id).toBe('COM(2016) 3');

    await resetToBundled(db);
    documents = await lookup('2016/0001(COD)', '2016/0003(COD)');
    expect(documents['2016/0001(COD)']?.id).toBe('COM(2016) 1');
    expect(documents['2016/0003(COD)']).toBeNull();
  });

  it('answers a procedure that is a document of its own with that document', async () => {
    await loadBundledDataset(db, dataset('b1', [doc('COM(2016) 1', 'proposed', { procedure: '2016/0001(COD)' }), { ...doc('2016/0001(COD)', 'adopted'), type: 'procedure', title: 'The file itself' }]));
    expect((await lookup('2016/0001(COD)'))['2016/0001(COD)']).toMatchObject({ id: '2016/0001(COD)', title: 'The file itself' });
  });

  it('resolves a whole batch of procedures at once', async () => {
    const docs = Array.from({ length: 300 }, (_, i) => doc(`COM(2015) ${i + 1}`, 'proposed', { procedure: `2015/${String(i + 1).padStart(4, '0')}(COD)` }));
    await loadBundledDataset(db, dataset('b1', docs));
    const ids = docs.map((d) => d.procedure!);
    const documents = await lookup(...ids);
    expect(ids.map((id) => documents[id]?.id)).toEqual(docs.map((d) => d.id));
  });
});

describe('the document that stands for a file', () => {
  it('is the proposal, not the act that came from it nor an amended proposal, whatever their order', () => {
    const proposal = doc('COM(2016) 731', 'proposed', { procedure: '2016/0357(COD)', date: '2016-11-16' });
    const amended = doc('COM(2017) 1', 'proposed', { procedure: '2016/0357(COD)', date: '2015-01-01', amends: ['COM(2016) 731'] });
    const act = { ...doc('32018R1240', 'adopted', { procedure: '2016/0357(COD)', date: '2014-01-01', fromProposal: 'COM(2016) 731' }), type: 'regulation' as const };
    expect(fileDocument([act, amended, proposal])?.id).toBe('COM(2016) 731');
    expect(fileDocument([amended, act])?.id).toBe('32018R1240');
    expect(fileDocument([])).toBeUndefined();
  });
});
