/**
 * The worker's messages are parsed on arrival: every event the engine emits in a whole import
 * (progress, a checked file with warnings and errors, a preview, an apply, a cancel) reads as the
 * protocol says, and a request or event of another shape does not.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ImportEngine, type EngineEvent } from '../../../entrypoints/options/import/import-engine';
import type { EurefsDb } from '../../../storage/dataset/db';
import { EngineEventSchema, EngineRequestSchema } from '../../../messaging/import-worker';
import { loadBundledDataset } from '../../../storage/dataset/load-bundled';
import { bundledDataset, bytes, dataset, doc, freshDb, jsonBytes } from '../storage/import/helpers';

let db: EurefsDb;
beforeEach(async () => {
  db = freshDb();
  await loadBundledDataset(db, bundledDataset());
});
afterEach(async () => {
  await db.delete();
});

it('every event of an import reads as the protocol says', async () => {
  const events: EngineEvent[] = [];
  const engine = new ImportEngine(db, (event) => events.push(event));
  const source = { kind: 'file' as const, name: 'u.json' };
  const hostile = doc('COM(2018) 640', 'adopted', { title: 'Title <script>x</script>' });
  const good = jsonBytes(dataset('v1', [hostile, doc('COM(2099) 1')]));
  const request = { type: 'prepare' as const, id: 1, bytes: good.buffer as ArrayBuffer, name: 'u.json', contentType: 'application/json', source, mode: 'merge' as const };
  expect(EngineRequestSchema.parse(request)).toEqual(request);
  await engine.handle(request);
  await engine.handle({ type: 'preview', id: 2, mode: 'replace' });
  await engine.handle({ type: 'apply', id: 3, mode: 'merge' });
  await engine.handle({ type: 'prepare', id: 4, bytes: bytes('{"schemaVersion":1,').buffer as ArrayBuffer, name: 'broken.json', contentType: '', source, mode: 'merge' });
  await engine.handle({ type: 'apply', id: 5, mode: 'merge' });
  await engine.handle({ type: 'cancel', id: 6 });

  expect(new Set(events.map((event) => event.type))).toEqual(new Set(['progress', 'prepared', 'preview', 'applied', 'failed', 'done']));
  const prepared = events.find((event) => event.type === 'prepared' && event.id === 1);
  expect(prepared?.type === 'prepared' && prepared.summary.warningCount).toBeGreaterThan(0);
  const broken = events.find((event) => event.type === 'prepared' && event.id === 4);
  expect(broken?.type === 'prepared' && broken.summary.errorCount).toBeGreaterThan(0);
  for (const event of events) expect(EngineEventSchema.parse(event)).toEqual(event);
});

it('refuses messages of another shape', () => {
  expect(EngineRequestSchema.safeParse({ type: 'prepare', id: 1, bytes: 'not bytes', name: 'x', contentType: '', source: { kind: 'file', name: 'x' }, mode: 'merge' }).success).toBe(false);
  expect(EngineRequestSchema.safeParse({ type: 'fetch', id: 1, url: 'https://x', mode: 'everything' }).success).toBe(false);
  expect(EngineRequestSchema.safeParse({ type: 'cancel' }).success).toBe(false);
  expect(EngineEventSchema.safeParse({ type: 'progress', id: 1, phase: 'reading', share: 2 }).success).toBe(false);
  expect(EngineEventSchema.safeParse({ type: 'failed', id: 1 }).success).toBe(false);
  expect(EngineEventSchema.safeParse({ type: 'applied', id: 1, entry: { version: 'v' }, ms: 1 }).success).toBe(false);
});
