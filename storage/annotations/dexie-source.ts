/** The export's records read from the annotations database, a slice per read (keyset paging). */
import type { Table } from 'dexie';
import type { AnnotationsDb } from './db';
import type { AnnotationSource } from './export';
import type { Note, Visit } from './schema';

async function* keyset<T extends { id: string }>(
  table: Table<T, string>,
  index: string,
  keyOf: (row: T) => [string, string],
  size: number,
): AsyncGenerator<T[]> {
  let last: [string, string] | null = null;
  for (;;) {
    const collection = last ? table.where(index).above(last) : table.orderBy(index);
    const rows = await collection.limit(size).toArray();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    last = keyOf(rows[rows.length - 1]!);
  }
}

/** Scope is applied by the export's filters; the database gives every row in order. */
export function dexieSource(db: AnnotationsDb): AnnotationSource {
  return {
    visitSlices: (_scope, size) =>
      keyset<Visit>(db.visits as unknown as Table<Visit, string>, '[visitedAt+id]', (v) => [v.visitedAt, v.id], size),
    noteSlices: (_scope, size) =>
      keyset<Note>(db.notes as unknown as Table<Note, string>, '[createdAt+id]', (n) => [n.createdAt, n.id], size),
  };
}
