/**
 * The scheduled refresh from an address (alarms API, in the background): fetch, validate, and
 * apply in one transaction when the file is valid and different from the last one imported.
 * A file with errors changes nothing and the failure is kept for the options page to show; so is
 * a server that stops answering, which the fetch gives up on as the options page's does
 * (fetch.ts, FETCH_TIMEOUT_MS).
 */
import { browser } from 'wxt/browser';
import type { EurefsDb, ImportMode } from '../dataset/db';
import { fetchDatasetFile } from './fetch';
import { applyImport, layerRevision, listImports, readEffective } from '../dataset/layers';
import { joinedSaid, problemSaid } from './problems';
import { english } from '../../i18n/english';
import { errorWords } from '../../i18n/phrased-error';
import { phrase, say, type Said } from '../../i18n/phrase';
import { prepareImportLazily } from './pipeline';
import { refreshScheduleSchema, updateSettings, type RefreshSchedule } from '../settings';
import { settingsWithScheduleMoved } from '../settings-migration';

export type { RefreshSchedule };

export const REFRESH_ALARM = 'eurefs-dataset-refresh';

/** The alarm that runs the refresh every `everyHours`, the first time that long from now; null stops it. */
export async function setRefreshAlarm(everyHours: number | null): Promise<void> {
  if (everyHours === null) await browser.alarms.clear(REFRESH_ALARM);
  else await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: everyHours * 60, delayInMinutes: everyHours * 60 });
}

/** The schedule, from the one settings store; `db` holds the schedule an older version kept. */
export async function getRefreshSchedule(db: EurefsDb): Promise<RefreshSchedule | null> {
  return (await settingsWithScheduleMoved(db)).refresh ?? null;
}

export async function setRefreshSchedule(db: EurefsDb, schedule: RefreshSchedule | null): Promise<void> {
  const refresh = schedule === null ? undefined : refreshScheduleSchema().parse(schedule);
  await settingsWithScheduleMoved(db);
  await updateSettings((settings) => ({ ...settings, refresh }));
}

export interface RefreshOutcome {
  ok: boolean;
  applied: boolean;
  /** in English, for the background's log and for older versions' records */
  message: string;
  /** the same outcome, for the options page to say in the reader's language */
  words: Said;
}

function outcomeOf(ok: boolean, applied: boolean, words: Said): RefreshOutcome {
  return { ok, applied, message: say(english, words), words };
}

export interface RefreshOptions {
  fetchFn?: typeof fetch;
  now?: Date;
  /**
   * Calls an extension API. Chrome stops a background service worker after 30 s without an event
   * or an extension API call, pending fetch or not: a server that never answers would outlast it,
   * and the refresh would never get to write down that it timed out.
   */
  keepAwake?: () => Promise<unknown>;
}

/** Well within the 30 s after which Chrome stops an idle service worker. */
const KEEP_AWAKE_MS = 10_000;

export async function runScheduledRefresh(db: EurefsDb, { fetchFn = fetch, now = new Date(), keepAwake }: RefreshOptions = {}): Promise<RefreshOutcome> {
  const awake = keepAwake ? setInterval(() => void keepAwake().catch(() => undefined), KEEP_AWAKE_MS) : undefined;
  try {
    return await refreshAndRecord(db, fetchFn, now);
  } finally {
    clearInterval(awake);
  }
}

async function refreshAndRecord(db: EurefsDb, fetchFn: typeof fetch, now: Date): Promise<RefreshOutcome> {
  const schedule = await getRefreshSchedule(db);
  if (!schedule) return outcomeOf(true, false, phrase('importRefreshNotScheduled'));
  let outcome: RefreshOutcome;
  try {
    outcome = await refreshOnce(db, schedule.url, schedule.mode, fetchFn, now);
  } catch (error) {
    outcome = outcomeOf(false, false, errorWords(error));
  }
  const latest = await getRefreshSchedule(db);
  if (latest && latest.url === schedule.url) {
    await setRefreshSchedule(db, { ...latest, lastRun: { at: now.toISOString(), ok: outcome.ok, message: outcome.message, words: outcome.words } });
  }
  return outcome;
}

async function refreshOnce(db: EurefsDb, url: string, mode: ImportMode, fetchFn: typeof fetch, now: Date): Promise<RefreshOutcome> {
  const file = await fetchDatasetFile(url, fetchFn);
  const revision = await layerRevision(db);
  const current = await readEffective(db);
  const prepared = await prepareImportLazily(file.bytes, { name: file.name, contentType: file.contentType, knownReports: new Set(current.reports.keys()) });
  if (!prepared.dataset) {
    const first = joinedSaid('importRefreshProblemsJoined', prepared.errors.slice(0, 3).map(problemSaid));
    return outcomeOf(false, false, phrase('importRefreshFileErrors', prepared.errorCount, first));
  }
  const last = (await listImports(db)).find((entry) => !entry.undone);
  if (last && last.hash === prepared.hash && last.mode === mode) {
    return outcomeOf(true, false, phrase('importRefreshUnchanged'));
  }
  const entry = await applyImport(db, prepared.dataset, {
    mode,
    expectedRevision: revision,
    source: { kind: 'schedule', name: file.name, url: file.url },
    format: prepared.format ?? 'json',
    hash: prepared.hash,
    bytes: prepared.bytes,
    now,
  });
  return outcomeOf(true, true, phrase('importRefreshImported', entry.version, entry.counts.added, entry.counts.changed, entry.counts.removed));
}
