import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EurefsDb } from '../../../../storage/dataset/db';
import { checkAddress, fetchDatasetFile } from '../../../../storage/import/fetch';
import { listImports } from '../../../../storage/dataset/layers';
import { getRefreshSchedule, runScheduledRefresh, setRefreshSchedule } from '../../../../storage/import/refresh';
import { loadBundledDataset } from '../../../../storage/dataset/load-bundled';
import { lookupDocuments } from '../../../../storage/dataset/lookup';
import { bundledDataset, dataset, doc, dump, freshDb } from './helpers';
import { english } from '../../../../i18n/english';
import { say } from '../../../../i18n/phrase';
import { errorWords } from '../../../../i18n/phrased-error';
import { wordsIn } from '../../i18n/helpers';

/** What the thrown error says, in English as the options page would show it. */
function englishOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return say(english, errorWords(error));
  }
  return 'nothing thrown';
}

async function englishOfRejection(running: Promise<unknown>): Promise<string> {
  return running.then(
    () => 'nothing thrown',
    (error: unknown) => say(english, errorWords(error)),
  );
}

// The refresh schedule lives in the one settings store, browser.storage.local (storage/settings.ts).
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const answer = (body: string, init: ResponseInit & { url?: string } = {}) =>
  (async () => {
    const response = new Response(body, init);
    if (init.url) Object.defineProperty(response, 'url', { value: init.url });
    return response;
  }) as unknown as typeof fetch;

describe('imports from an address', () => {
  it('accepts https only', () => {
    expect(englishOf(() => checkAddress('http://example.org/d.json'))).toMatch(/Only https:\/\/ addresses/);
    expect(englishOf(() => checkAddress('file:///etc/passwd'))).toMatch(/Only https/);
    expect(englishOf(() => checkAddress('javascript:alert(1)'))).toMatch(/Only https/);
    expect(englishOf(() => checkAddress('example.org/d.json'))).toMatch(/not a web address/);
    expect(englishOf(() => checkAddress('https://user:pw@example.org/d.json'))).toMatch(/user name or password/);
    expect(checkAddress(' https://example.org/d.json ').href).toBe('https://example.org/d.json');
    let german = '';
    try {
      checkAddress('http://example.org/d.json');
    } catch (error) {
      german = say(wordsIn('de'), errorWords(error));
    }
    expect(german).toBe('Nur https://-Adressen werden angenommen (diese beginnt mit http://), damit niemand unterwegs die Daten ändern kann.');
  });

  it('says what a 404 or an HTML page is', async () => {
    expect(await englishOfRejection(fetchDatasetFile('https://example.org/missing.json', answer('nope', { status: 404, statusText: 'Not Found' })))).toMatch(
      /answered 404 Not Found: there is no file there/,
    );
    expect(await englishOfRejection(fetchDatasetFile('https://example.org/page', answer('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } })))).toMatch(
      /web page \(HTML\), not a dataset/,
    );
    expect(await englishOfRejection(fetchDatasetFile('https://example.org/x', (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch))).toMatch(/could not be reached/);
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
    fakeBrowser.reset();
    db = freshDb();
    await loadBundledDataset(db, bundledDataset());
  });
  afterEach(() => db.delete());

  it('imports a valid file, skips an unchanged one, and changes nothing on a bad one', async () => {
    await setRefreshSchedule(db, { url: 'https://example.org/d.json', everyHours: 24, mode: 'merge' });
    const good = JSON.stringify(dataset('r1', [doc('COM(2018) 640', 'adopted')]));
    const first = await runScheduledRefresh(db, { fetchFn: answer(good, { headers: { 'content-type': 'application/json' } }) });
    expect(first).toMatchObject({ ok: true, applied: true });
    expect((await lookupDocuments(db, ['COM(2018) 640'])).documents['COM(2018) 640']?.status?.stage).toBe('adopted');
    expect((await listImports(db))[0]?.source).toMatchObject({ kind: 'schedule', url: 'https://example.org/d.json' });

    const again = await runScheduledRefresh(db, { fetchFn: answer(good) });
    expect(again).toMatchObject({ ok: true, applied: false, message: expect.stringMatching(/not changed/) });

    const before = await dump(db);
    const broken = await runScheduledRefresh(db, { fetchFn: answer('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } }) });
    expect(broken.ok).toBe(false);
    const after = await dump(db);
    // only the schedule's "last run" note differs
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    expect((await getRefreshSchedule(db))?.lastRun).toMatchObject({ ok: false, message: expect.stringMatching(/HTML/) });
  });

  it('keeps the outcome as words the options page says in English or in German', async () => {
    await setRefreshSchedule(db, { url: 'https://example.org/d.json', everyHours: 24, mode: 'merge' });
    const good = JSON.stringify(dataset('r1', [doc('COM(2018) 640', 'adopted')]));
    const imported = await runScheduledRefresh(db, { fetchFn: answer(good, { headers: { 'content-type': 'application/json' } }) });
    const version = (await listImports(db))[0]?.version;
    expect(imported.message).toBe(`Imported version ${version}: 0 added, 1 changed, 0 removed.`);
    const lastRun = (await getRefreshSchedule(db))?.lastRun;
    expect(lastRun?.message).toBe(imported.message);
    expect(say(wordsIn('de'), lastRun!.words!)).toBe(`Version ${version} importiert: 0 hinzugefügt, 1 geändert, 0 entfernt.`);

    const bad = JSON.stringify(dataset('r1', [doc('COM(2018) 640', 'nonsense' as never), doc('COM(2018) 641', 'nonsense' as never)]));
    const rejected = await runScheduledRefresh(db, { fetchFn: answer(bad, { headers: { 'content-type': 'application/json' } }) });
    const unknownStage = (code: string, words: string) => `documents[${code === '640' ? 0 : 1}].events[0].stage, ${words} "COM(2018) ${code}"`;
    expect(rejected.message).toMatch(/^The file at the address has 2 error\(s\), so nothing was changed: documents\[0\]/);
    expect(rejected.message).toContain(`${unknownStage('640', 'document')}, event 1, field stage: "nonsense" is not one of the allowed values: announced`);
    expect(rejected.message).toContain(`rejected; ${unknownStage('641', 'document')}, event 1`);
    const german = say(wordsIn('de'), (await getRefreshSchedule(db))!.lastRun!.words!);
    expect(german).toMatch(/^Die Datei unter der Adresse hat 2 Fehler, daher wurde nichts geändert: documents\[0\]/);
    expect(german).toContain(`rejected; ${unknownStage('641', 'Dokument')}, Ereignis 1, Feld stage: "nonsense" ist keiner der zulässigen Werte`);
  });
});

/** Until `check` passes, a turn of the event loop at a time (setImmediate: not faked, fake-indexeddb's own). */
async function until(check: () => boolean) {
  for (let turns = 0; !check(); turns++) {
    if (turns > 1_000) throw new Error('never happened');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the scheduled refresh from a server that never answers', () => {
  let db: EurefsDb;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb();
    await loadBundledDataset(db, bundledDataset());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await db.delete();
  });

  it('times out after 30 s, changes nothing, and says so with the address in its last run', async () => {
    const url = 'https://data.example.org/eurefs/dataset.json';
    await setRefreshSchedule(db, { url, everyHours: 24, mode: 'merge' });
    const before = await dump(db);
    let asked = 0;
    const silent = (() => {
      asked++;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    let pings = 0;
    let outcome: Awaited<ReturnType<typeof runScheduledRefresh>> | undefined;
    void runScheduledRefresh(db, { fetchFn: silent, now: new Date('2026-11-27T08:00:00Z'), keepAwake: async () => pings++ }).then((value) => (outcome = value));
    await until(() => asked === 1);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(outcome).toBeUndefined();
    // The background worker was kept from idling out while it waited.
    expect(pings).toBeGreaterThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await until(() => outcome !== undefined);
    expect(outcome).toMatchObject({ ok: false, applied: false });
    expect(outcome!.message).toContain(`${url} did not answer`);
    expect(outcome!.message).toContain('timed out after 30 s');
    expect(outcome!.message).toContain('Nothing was changed.');
    const lastRun = (await getRefreshSchedule(db))?.lastRun;
    expect(lastRun).toEqual({ at: '2026-11-27T08:00:00.000Z', ok: false, message: outcome!.message, words: outcome!.words });
    expect({ ...(await dump(db)), settings: [] }).toEqual({ ...before, settings: [] });
    const pingsAtEnd = pings;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pings).toBe(pingsAtEnd);
  });
});
