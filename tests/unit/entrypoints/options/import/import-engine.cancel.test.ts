/**
 * Cancel leaves an import without a trace: during the read from an address, the checking, and
 * the apply, whose transaction is aborted so that nothing is written. A Cancel that comes once
 * the transaction has committed is reported as too late, with the import in the history.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportEngine, type EngineEvent, type EngineRequest } from '../../../../../entrypoints/options/import/import-engine';
import type { EurefsDb } from '../../../../../storage/dataset/db';
import { ImportCancelledError } from '../../../../../storage/import/abort';
import { applyImport, listImports, undoLastImport } from '../../../../../storage/dataset/layers';
import { loadBundledDataset } from '../../../../../storage/dataset/load-bundled';
import { lookupDocuments } from '../../../../../storage/dataset/lookup';
import { bundledDataset, dataset, doc, dump, freshDb, jsonBytes, manyDocuments } from '../../../storage/import/helpers';
import { english } from '../../../../../i18n/english';
import { say } from '../../../../../i18n/phrase';

let db: EurefsDb;
beforeEach(async () => {
  db = freshDb();
  await loadBundledDataset(db, bundledDataset());
  // An import already in the history, so that undo has something to undo before and after.
  await applyImport(db, dataset('earlier', [doc('COM(2018) 640', 'adopted')]), { mode: 'merge', source: { kind: 'file', name: 'earlier.json' }, format: 'json', hash: 'h0', bytes: 1 });
});
afterEach(async () => {
  await db.delete();
});

const statusOf = async (id: string) => (await lookupDocuments(db, [id])).documents[id]?.status?.stage ?? null;

type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The engine as the options page drives it, with every event it emits kept. */
function engineFor(env: ConstructorParameters<typeof ImportEngine>[2] = {}) {
  const events: EngineEvent[] = [];
  const waiters: { test: (event: EngineEvent) => boolean; resolve: (event: EngineEvent) => void }[] = [];
  const listeners: ((event: EngineEvent) => void)[] = [];
  const engine = new ImportEngine(
    db,
    (event) => {
      events.push(event);
      for (const listener of listeners) listener(event);
      for (const waiter of [...waiters]) {
        if (waiter.test(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    },
    env,
  );
  let next = 1;
  const send = (request: Request) => {
    const id = next++;
    void engine.handle({ ...request, id } as EngineRequest);
    return id;
  };
  /** The answer (anything but progress) to request `id`, a task later, as a worker's message arrives. */
  const answer = (id: number) =>
    new Promise<EngineEvent>((resolve) => {
      const later = (event: EngineEvent) => setTimeout(() => resolve(event), 0);
      const done = events.find((event) => event.id === id && event.type !== 'progress');
      if (done) later(done);
      else waiters.push({ test: (event) => event.id === id && event.type !== 'progress', resolve: later });
    });
  return { engine, events, send, answer, onEvent: (listener: (event: EngineEvent) => void) => listeners.push(listener) };
}

const file = (documents = [doc('COM(2018) 640', 'provisional-agreement'), doc('COM(2099) 1')]) => jsonBytes(dataset('new', documents)).buffer as ArrayBuffer;
const prepare = (bytes: ArrayBuffer) => ({ type: 'prepare' as const, bytes, name: 'new.json', contentType: 'application/json', source: { kind: 'file' as const, name: 'new.json' }, mode: 'merge' as const });

describe('cancelling the apply', () => {
  it('aborts the transaction after it has written: the database is as it was, undo undoes the earlier import', async () => {
    const before = await dump(db);
    const cancel = new AbortController();
    await expect(
      applyImport(db, dataset('new', manyDocuments(3_000)), {
        mode: 'replace',
        source: { kind: 'file', name: 'new.json' },
        format: 'json',
        hash: 'h1',
        bytes: 1,
        signal: cancel.signal,
        // The reader's Cancel arrives while the transaction is open, its documents written.
        afterWrites: () => cancel.abort(),
      }),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await dump(db)).toEqual(before);
    expect((await listImports(db)).map((entry) => entry.source.name)).toEqual(['earlier.json']);
    expect((await undoLastImport(db)).source.name).toBe('earlier.json');
    expect(await statusOf('COM(2018) 640')).toBe('in-negotiation');
  });

  it('refuses to start once cancelled', async () => {
    const before = await dump(db);
    const cancel = new AbortController();
    cancel.abort();
    await expect(
      applyImport(db, dataset('new', [doc('COM(2099) 1')]), { mode: 'merge', source: { kind: 'file', name: 'new.json' }, format: 'json', hash: 'h1', bytes: 1, signal: cancel.signal }),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await dump(db)).toEqual(before);
  });
});

describe('Cancel in the import engine', () => {
  it('during the read from an address that never answers: cancelled at once, and the next import runs', async () => {
    const before = await dump(db);
    let asked = 0;
    const { send, answer } = engineFor({ fetchFn: (() => (asked++, new Promise<Response>(() => undefined))) as typeof fetch });
    const fetching = send({ type: 'fetch', url: 'https://data.example.org/d.json', mode: 'merge' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toBe(1);
    send({ type: 'cancel' });
    expect(await answer(fetching)).toEqual({ type: 'cancelled', id: fetching });
    expect(await dump(db)).toEqual(before);
    // Not "an import is already running": the engine is free again.
    expect((await answer(send(prepare(file())))).type).toBe('prepared');
  });

  it('gives up on a silent address after the time it was given, naming it, and is free again', async () => {
    const { send, answer } = engineFor({ fetchFn: (() => new Promise<Response>(() => undefined)) as typeof fetch, fetchTimeoutMs: 200 });
    const outcome = await answer(send({ type: 'fetch', url: 'https://data.example.org/d.json', mode: 'merge' }));
    expect(outcome).toMatchObject({ type: 'failed' });
    expect(outcome?.type === 'failed' && say(english, outcome.message)).toContain('https://data.example.org/d.json did not answer: the import timed out after 0.2 s');
    expect((await answer(send(prepare(file())))).type).toBe('prepared');
  });

  it('while checking on the page: stops at the next pause, keeps nothing to apply', async () => {
    const before = await dump(db);
    const { send, answer, onEvent } = engineFor({ pause: () => new Promise((resolve) => setTimeout(resolve, 0)) });
    const checking = send(prepare(file(manyDocuments(5_000))));
    let cancelled = false;
    onEvent((event) => {
      if (event.id === checking && event.type === 'progress' && event.phase === 'validating' && event.share > 0 && !cancelled) {
        cancelled = true;
        send({ type: 'cancel' });
      }
    });
    const outcome = await answer(checking);
    expect(cancelled).toBe(true);
    expect(outcome.type).toBe('cancelled');
    const applying = await answer(send({ type: 'apply', mode: 'merge' }));
    expect(applying).toMatchObject({ type: 'failed' });
    expect(applying?.type === 'failed' && say(english, applying.message)).toMatch(/Nothing to apply/);
    expect(await dump(db)).toEqual(before);
  });

  it('during the apply: the transaction is aborted, the dataset, history and undo are as before', async () => {
    const { send, answer } = engineFor();
    expect((await answer(send(prepare(file())))).type).toBe('prepared');
    const before = await dump(db);
    // Cancel arrives as the transaction writes its last row, the history entry.
    db.imports.hook('creating', () => {
      send({ type: 'cancel' });
    });
    const outcome = await answer(send({ type: 'apply', mode: 'merge' }));
    expect(outcome.type).toBe('cancelled');
    expect(await dump(db)).toEqual(before);
    expect(await statusOf('COM(2018) 640')).toBe('adopted');
    expect(await statusOf('COM(2099) 1')).toBeNull();
    expect((await undoLastImport(db)).source.name).toBe('earlier.json');
  });

  it('once the transaction has committed: says the import was applied, and it is in the history', async () => {
    const { send, answer } = engineFor();
    expect((await answer(send(prepare(file())))).type).toBe('prepared');
    const applying = send({ type: 'apply', mode: 'merge' });
    // Fired as IndexedDB reports the commit, before the engine hears of it.
    const lateCancel = () => {
      send({ type: 'cancel' });
    };
    Dexie.on('storagemutated', lateCancel);
    try {
      const outcome = await answer(applying);
      expect(outcome).toMatchObject({ type: 'applied', tooLateToCancel: true });
    } finally {
      Dexie.on('storagemutated').unsubscribe(lateCancel);
    }
    expect((await listImports(db)).map((entry) => entry.source.name)).toEqual(['new.json', 'earlier.json']);
    expect(await statusOf('COM(2018) 640')).toBe('provisional-agreement');
  });
});
