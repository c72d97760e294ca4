/**
 * Researchers' own data, in a database of its own ('eurefs-annotations'): no dataset import,
 * reset or migration of the `eurefs` database can ever touch a note. Defined here and nowhere
 * else; who opens it:
 * - the background, which serves the popover's notes frame and the page scanner's visits by
 *   message (storage/annotations/service.ts `handleAnnotationMessage`);
 * - the options page, which calls the same service functions (and export.ts, import.ts)
 *   directly, for notes, history, exports and imports alike: an export of 10,000 pages outlives a
 *   service worker that is stopped after about 30 s without events, and one way for the whole
 *   page is easier to follow than messages for some of it and direct calls for the rest;
 * - never a page script or the notes frame (docs/ARCHITECTURE.md, "Where the data lives").
 */
import Dexie, { type EntityTable } from 'dexie';
import type { HistorySettings, Note, Visit } from './schema';

export const ANNOTATIONS_DB_NAME = 'eurefs-annotations';

/**
 * The per-site history switches as versions before the one settings store (storage/settings.ts)
 * kept them. Nothing writes the table now; storage/settings-migration.ts reads and empties it.
 */
export interface SettingsRow {
  key: 'history';
  value: HistorySettings;
}

export class AnnotationsDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  visits!: EntityTable<Visit, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;

  constructor(name = ANNOTATIONS_DB_NAME) {
    super(name);
    this.version(1).stores({
      // [createdAt+id] and [visitedAt+id] page through thousands of rows in a stable order.
      notes: 'id, documentId, page.url, createdAt, updatedAt, [createdAt+id], *tags',
      visits: 'id, url, host, visitedAt, [visitedAt+id], [url+visitedAt]',
      settings: 'key',
    });
  }
}
