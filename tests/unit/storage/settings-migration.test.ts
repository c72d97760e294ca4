import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnotationsDb } from '../../../storage/annotations/db';
import { annotations as annotationMessages, type Annotations, type AnswerOf } from '../../../messaging/annotations';
import { parseAnswer, parseRequest, type MessageInput } from '../../../messaging/exchange';
import { handleAnnotationMessage } from '../../../storage/annotations/service';
import { EurefsDb } from '../../../storage/dataset/db';
import { getRefreshSchedule, setRefreshSchedule } from '../../../storage/import/refresh';
import { isSiteDisabled, readSettings, recordsHistory, SETTINGS_KEY, updateSettings, withSite } from '../../../storage/settings';
import { migrateSettings } from '../../../storage/settings-migration';
import { note, ref, visit } from './annotations/helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const SCHEDULE = {
  url: 'https://data.example.org/eurefs.json',
  everyHours: 24,
  mode: 'merge' as const,
  lastRun: { at: '2026-11-01T06:00:00.000Z', ok: true, message: 'Imported version 7: 1 added, 0 changed, 0 removed.' },
};

let n = 0;
let dataset: EurefsDb;
let annotations: AnnotationsDb;

/** A profile as the version before the one store left it: settings in all three places. */
async function olderProfile() {
  await fakeBrowser.storage.local.set({
    [SETTINGS_KEY]: { hideUntracked: true, disabledSites: ['ec.europa.eu'], extraSites: ['*://*.statewatch.org/*'] },
  });
  await dataset.meta.put({ key: 'bundled', version: 'b1', loadedAt: '2026-01-01T00:00:00.000Z', documents: 0, events: 0, buckets: 0 });
  await dataset.settings.put({ key: 'dataset-refresh', value: SCHEDULE });
  await annotations.notes.add(note(1));
  await annotations.visits.bulkAdd([visit(1), visit(2, { url: 'https://commission.europa.eu/x', host: 'commission.europa.eu' })]);
  await annotations.settings.put({ key: 'history', value: { sites: { 'eur-lex.europa.eu': false, 'commission.europa.eu': true } } });
}

/** Sends a message as the background receives it: parsed with its type's schema, answer checked. */
async function send<M extends MessageInput<Annotations>>(message: M): Promise<AnswerOf<M['type']>> {
  const parsed = parseRequest(annotationMessages, message);
  if (!parsed) throw new Error(`the background would not take ${JSON.stringify(message)}`);
  const answer = await handleAnnotationMessage(annotations, parsed);
  return parseAnswer<Annotations, M['type']>(annotationMessages, message.type, answer);
}

beforeEach(() => {
  fakeBrowser.reset();
  dataset = new EurefsDb(`migration-dataset-${++n}`);
  annotations = new AnnotationsDb(`migration-annotations-${n}`);
});
afterEach(async () => {
  await dataset.delete();
  await annotations.delete();
});

describe('moving the settings into the one store', () => {
  it('moves a profile with all three stores filled, empties the old rows and keeps everything else', async () => {
    await olderProfile();
    await migrateSettings({ dataset, annotations });

    const settings = await readSettings();
    expect(settings.hideUntracked).toBe(true);
    expect(settings.extraSites).toEqual(['*://*.statewatch.org/*']);
    expect(settings.refresh).toEqual(SCHEDULE);
    expect(settings.sites).toEqual({
      'ec.europa.eu': { read: false },
      'eur-lex.europa.eu': { history: false },
      'commission.europa.eu': { history: true },
    });
    expect(isSiteDisabled(settings, 'ec.europa.eu')).toBe(true);
    expect(recordsHistory(settings, 'eur-lex.europa.eu')).toBe(false);
    expect(recordsHistory(settings, 'commission.europa.eu')).toBe(true);

    expect(await dataset.settings.count()).toBe(0);
    expect(await annotations.settings.count()).toBe(0);
    expect(await dataset.meta.get('bundled')).toMatchObject({ version: 'b1' });
    expect(await annotations.notes.count()).toBe(1);
    expect(await annotations.visits.count()).toBe(2);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).not.toHaveProperty('disabledSites');
  });

  it('runs once: a second start changes nothing, and a schedule cleared since stays cleared', async () => {
    await olderProfile();
    await migrateSettings({ dataset, annotations });
    await setRefreshSchedule(dataset, null);
    // A row left behind by a crash between the two writes must not come back.
    await dataset.settings.put({ key: 'dataset-refresh', value: SCHEDULE });
    await migrateSettings({ dataset, annotations });
    expect(await getRefreshSchedule(dataset)).toBeNull();
    expect((await readSettings()).sites['eur-lex.europa.eu']).toEqual({ history: false });
  });

  it('is done on first read where the update has not run it: the schedule and the history switches are never misread', async () => {
    await olderProfile();
    expect(await getRefreshSchedule(dataset)).toEqual(SCHEDULE);

    const references = [ref('COM(2016) 731')];
    const eurlex = await send({ type: 'history:record-visit', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=x', title: 'x', references });
    const commission = await send({ type: 'history:record-visit', url: 'https://commission.europa.eu/y', title: 'y', references });
    expect(eurlex.recorded).toBe(false);
    expect(commission.recorded).toBe(true);

    const shown = await send({ type: 'history:get-settings' });
    expect(shown.sites).toEqual([
      { host: 'commission.europa.eu', enabled: true },
      { host: 'eur-lex.europa.eu', enabled: false },
    ]);
    expect(await dataset.settings.count()).toBe(0);
    expect(await annotations.settings.count()).toBe(0);
  });

  it('keeps what the reader set in the new store over what the old one held', async () => {
    await olderProfile();
    await updateSettings((s) => withSite(s, 'eur-lex.europa.eu', { history: true }));
    await migrateSettings({ dataset, annotations });
    const settings = await readSettings();
    expect(recordsHistory(settings, 'eur-lex.europa.eu')).toBe(true);
    expect(recordsHistory(settings, 'commission.europa.eu')).toBe(true);
  });

  it('moves nothing from a profile that never had a schedule or a switch', async () => {
    await migrateSettings({ dataset, annotations });
    const settings = await readSettings();
    expect(settings.refresh).toBeUndefined();
    expect(settings.sites).toEqual({});
    expect(settings.migrated).toEqual({ datasetDb: true, annotationsDb: true });
    expect(recordsHistory(settings, 'eur-lex.europa.eu')).toBe(true);
  });
});
