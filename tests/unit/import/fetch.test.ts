import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EurefsDb } from '../../../storage/db';
import { checkAddress, fetchDatasetFile } from '../../../storage/import/fetch';
import { listImports } from '../../../storage/import/layers';
import { getRefreshSchedule, runScheduledRefresh, setRefreshSchedule } from '../../../storage/import/refresh';
import { loadBundledDataset } from '../../../storage/load-dataset';
import { lookupDocuments } from '../../../storage/lookup';
import { bundledDataset, dataset, doc, dump, freshDb } from './helpers';

const answer = (body: string, init: ResponseInit & { url?: string } = {}) =>
  (async () => {
    const response = new Response(body, init);
    if (init.url) Object.defineProperty(response, 'url', { value: init.url });
    return response;
  }) as unknown as typeof fetch;

describe('imports from an address', () => {
  it('accepts https only', () => {
    expect(() => checkAddress('http://example.org/d.json')).toThrow(/Only https:\/\/ addresses/);
    expect(() => checkAddress('file:///etc/passwd')).toThrow(/Only https/);
    expect(() => checkAddress('javascript:alert(1)')).toThrow(/Only https/);
    expect(() => checkAddress('example.org/d.json')).toThrow(/not a web address/);
    expect(() => checkAddress('https://user:pw@example.org/d.json')).toThrow(/user name or password/);
    expect(checkAddress(' https://example.org/d.json ').href).toBe('https://example.org/d.json');
  });

  it('says what a 404 or an HTML page is', async () => {
    await expect(fetchDatasetFile('https://example.org/missing.json', answer('nope', { status: 404, statusText: 'Not Found' }))).rejects.toThrow(
      /answered 404 Not Found: there is no file there/,
    );
    await expect(fetchDatasetFile('https://example.org/page', answer('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }))).rejects.toThrow(
      /web page \(HTML\), not a dataset/,
    );
    await expect(fetchDatasetFile('https://example.org/x', (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).rejects.toThrow(/could not be reached/);
  });

  it('returns the bytes and a name for the history', async () => {
    const file = await fetchDatasetFile('https://example.org/data/eurefs%20update.json', answer('{}', { headers: { 'content-type': 'application/json' } }));
    expect(file.name).toBe('eurefs update.json');
    expect(new TextDecoder().decode(file.bytes)).toBe('{}');
  });
});

describe('the scheduled refresh', () => {
  let db: EurefsDb;
  beforeEach(async () => {
    db = freshDb();
    await loadBundledDataset(db, bundledDataset());
  });
  afterEach(() => db.delete());

  it('imports a valid file, skips an unchanged one, and changes nothing on a bad one', async () => {
    await setRefreshSchedule(db, { url: 'https://example.org/d.json', everyHours: 24, mode: 'merge' });
    const good = JSON.stringify(dataset('r1', [doc('COM(2018) 640', 'adopted')]));
    const first = await runScheduledRefresh(db, answer(good, { headers: { 'content-type': 'application/json' } }));
    expect(first).toMatchObject({ ok: true, applied: true });
    expect((await lookupDocuments(db, ['COM(2018) 640'])).documents['COM(2018) 640']?.status?.stage).toBe('adopted');
    expect((await listImports(db))[0]?.source).toMatchObject({ kind: 'schedule', url: 'https://example.org/d.json' });

    const again = await runScheduledRefresh(db, answer(good));
    expect(again).toMatchObject({ ok: true, applied: false, message: expect.stringMatching(/not changed/) });

    const before = await dump(db);
    const broken = await runScheduledRefresh(db, answer('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } }));
    expect(broken.ok).toBe(false);
    const after = await dump(db);
    // only the schedule's "last run" note differs
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    expect((await getRefreshSchedule(db))?.lastRun).toMatchObject({ ok: false, message: expect.stringMatching(/HTML/) });
  });
});
