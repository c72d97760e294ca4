/**
 * Researchers' own data, in a database of its own ('eurefs-annotations'): no dataset import,
 * reset or migration of the `eurefs` database can ever touch a note. Opened only in extension
 * pages (background, options), never in a content script (docs/ARCHITECTURE.md, "Where the data lives").
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
