import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EurefsDb } from '../../../../storage/dataset/db';
import { loadBundledDataset } from '../../../../storage/dataset/load-bundled';
import { lookupDocuments } from '../../../../storage/dataset/lookup';
import { applyManagedPolicy } from '../../../../storage/import/managed-refresh';
import { getRefreshSchedule, setRefreshSchedule } from '../../../../storage/import/refresh';
import { readPolicy } from '../../../../storage/managed-policy';
import { bundledDataset, dataset, doc, freshDb } from './helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const ADDRESS = 'https://data.example.eu/eurefs.json';

describe('following the managed policy', () => {
  let db: EurefsDb;
  let fetched: string[];
  let alarms: (number | null)[];
  const server = (body: string) =>
    (async (url: string | URL | Request) => {
      fetched.push(String(url));
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  const deps = (body = JSON.stringify(dataset('team-1', [doc('COM(2099) 1', 'proposed')]))) => ({
    fetchFn: server(body),
    scheduleAlarm: async (hours: number | null) => void alarms.push(hours),
  });

  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb();
    fetched = [];
    alarms = [];
    await loadBundledDataset(db, bundledDataset());
  });
  afterEach(() => db.delete());

  it("fetches the policy's address at once on first start, and schedules it", async () => {
    const outcome = await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS, refreshEveryHours: 12 }), deps());
    expect(outcome).toMatchObject({ kind: 'scheduled', refresh: { ok: true, applied: true } });
    expect(fetched).toEqual([ADDRESS]);
    expect(alarms).toEqual([12]);
    expect(await getRefreshSchedule(db)).toMatchObject({ url: ADDRESS, everyHours: 12, mode: 'merge', setBy: 'policy', lastRun: { ok: true } });
    const found = await lookupDocuments(db, ['COM(2099) 1']);
    expect(found.datasetVersion).toBe('team-1');
    expect(found.documents['COM(2099) 1']?.status?.stage).toBe('proposed');
  });

  it('does not fetch again on the next start, but does when the address changes', async () => {
    await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS }), deps());
    expect(await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS }), deps())).toEqual({ kind: 'unchanged' });
    expect(fetched).toHaveLength(1);
    await applyManagedPolicy(db, readPolicy({ datasetUrl: 'https://data.example.eu/v2.json' }), deps());
    expect(fetched).toEqual([ADDRESS, 'https://data.example.eu/v2.json']);
  });

  it("keeps a reader's own schedule unless the policy locks it", async () => {
    await setRefreshSchedule(db, { url: 'https://mine.example.org/d.json', everyHours: 24, mode: 'merge' });
    expect(await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS }), deps())).toEqual({ kind: 'readers-own' });
    expect((await getRefreshSchedule(db))?.url).toBe('https://mine.example.org/d.json');
    await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS, lockDatasetSettings: true }), deps());
    expect(await getRefreshSchedule(db)).toMatchObject({ url: ADDRESS, setBy: 'policy' });
  });

  it('takes back its schedule when the policy no longer sets an address, keeping the data', async () => {
    await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS }), deps());
    expect(await applyManagedPolicy(db, readPolicy({}), deps())).toEqual({ kind: 'withdrawn' });
    expect(await getRefreshSchedule(db)).toBeNull();
    expect(alarms).toEqual([24, null]);
    expect((await lookupDocuments(db, ['COM(2099) 1'])).documents['COM(2099) 1']).not.toBeNull();
  });

  it('a file with errors at the address changes nothing, and the schedule says why', async () => {
    const outcome = await applyManagedPolicy(db, readPolicy({ datasetUrl: ADDRESS }), deps('{"schemaVersion": 2, "version": "x"}'));
    expect(outcome).toMatchObject({ kind: 'scheduled', refresh: { ok: false, applied: false } });
    expect((await getRefreshSchedule(db))?.lastRun?.ok).toBe(false);
    expect((await lookupDocuments(db, ['COM(2099) 1'])).documents['COM(2099) 1']).toBeNull();
  });
});
