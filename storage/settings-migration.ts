/**
 * Moves what versions before the one settings store kept in the extension's databases into it
 * (storage/settings.ts): the staff's refresh schedule from the dataset database, the reader's
 * per-site history switches from the annotations database. The background runs both on the
 * update; every reader of either setting runs its own first, so a profile the update has not
 * reached yet is never read as if it had no schedule or no switches. Each move runs once: the
 * store records it, and the old row is deleted after the store has it.
 *
 * Only extension pages can run these: a content script's IndexedDB is the page's.
 */
import type { AnnotationsDb } from './annotations/db';
import { HistorySettingsSchema } from './annotations/schema';
import type { EurefsDb } from './dataset/db';
import { readSettings, refreshScheduleSchema, siteSettings, updateSettings, withSite, type Settings } from './settings';

/** The keys the older versions wrote their rows under. */
const REFRESH_ROW = 'dataset-refresh';
const HISTORY_ROW = 'history';

/** The settings, with the dataset database's refresh schedule moved in if it was still there. */
export async function settingsWithScheduleMoved(db: EurefsDb): Promise<Settings> {
  const current = await readSettings();
  if (current.migrated.datasetDb) return current;
  const row = await db.settings.get(REFRESH_ROW);
  const schedule = refreshScheduleSchema().safeParse(row?.value);
  const next = await updateSettings((settings) =>
    settings.migrated.datasetDb
      ? settings
      : {
          ...settings,
          // A schedule set in the new store is newer than the one left behind.
          refresh: settings.refresh ?? (schedule.success ? schedule.data : undefined),
          migrated: { ...settings.migrated, datasetDb: true },
        },
  );
  await db.settings.delete(REFRESH_ROW);
  return next;
}

/** The settings, with the annotations database's history switches moved in if they were still there. */
export async function settingsWithHistoryMoved(db: AnnotationsDb): Promise<Settings> {
  const current = await readSettings();
  if (current.migrated.annotationsDb) return current;
  const row = await db.settings.get(HISTORY_ROW);
  const old = HistorySettingsSchema.safeParse(row?.value);
  const next = await updateSettings((settings) => {
    if (settings.migrated.annotationsDb) return settings;
    let moved = settings;
    for (const [host, history] of Object.entries(old.success ? old.data.sites : {})) {
      // A switch set in the new store is newer than the one left behind.
      if (siteSettings(settings, host)?.history === undefined) moved = withSite(moved, host, { history });
    }
    return { ...moved, migrated: { ...moved.migrated, annotationsDb: true } };
  });
  await db.settings.delete(HISTORY_ROW);
  return next;
}

/** Both moves, for the background's first start after the update. */
export async function migrateSettings(dbs: { dataset: EurefsDb; annotations: AnnotationsDb }): Promise<Settings> {
  await settingsWithScheduleMoved(dbs.dataset);
  return settingsWithHistoryMoved(dbs.annotations);
}
