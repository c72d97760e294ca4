/**
 * The annotation service: notes, reading history and its per-site switch, and the small exports
 * that go by message. The background answers messages with it (`handleAnnotationMessage` takes a
 * message already parsed with its type's schema, messaging/annotations.ts); the options page calls
 * its functions directly (storage/annotations/db.ts says why). Runs wherever the annotations
 * database can be opened (the background, the options page, Node with fake-indexeddb), never in a
 * content script.
 */
import type { AnnotationsDb } from './db';
import { dexieSource } from './dexie-source';
import { buildExport, uuid, type ExportOptions } from './export';
import type { AnnotationMessage, Annotations, AnnotationType, AnswerOf, HistorySettingsResponse } from '../../messaging/annotations';
import type { AnswerInput, Request } from '../../messaging/exchange';
import {
  hostOf,
  NoteInputSchema,
  NoteSchema,
  type HistorySettings,
  type Note,
  type NoteInput,
  type Visit,
  type VisitReference,
} from './schema';
import { parseReference } from '../../references';
import { historySwitchedSites, normaliseHost, recordsHistory, updateSettings, withSite, type Settings } from '../settings';
import { settingsWithHistoryMoved } from '../settings-migration';

/** A reload or a return to a page within this long updates its last visit instead of adding one. */
export const REVISIT_WINDOW_MS = 10 * 60 * 1000;

export interface ServiceOptions {
  now?: () => Date;
  /** what the dataset knows of documents (the reference-manager exports) */
  documents?: ExportOptions['documents'];
}

export async function saveNote(db: AnnotationsDb, input: NoteInput, now = new Date()): Promise<Note> {
  const parsed = NoteInputSchema.parse(input);
  const stamp = now.toISOString();
  const existing = parsed.id ? await db.notes.get(parsed.id) : undefined;
  const tags = [...new Set(parsed.tags.map((t) => t.trim()).filter(Boolean))];
  const { createdAt: _c, updatedAt: _u, ...fields } = parsed;
  const note = NoteSchema.parse({
    ...fields,
    tags,
    type: fields.type ?? parseReference(parsed.documentId)?.type ?? null,
    id: parsed.id ?? uuid(),
    createdAt: existing?.createdAt ?? stamp,
    // Edits keep the order of time even if the clock went back.
    updatedAt: existing && existing.updatedAt >= stamp ? new Date(Date.parse(existing.updatedAt) + 1).toISOString() : stamp,
  });
  await db.notes.put(note);
  return note;
}

/** How many notes were deleted: 0 when there was none with that id. */
export async function deleteNote(db: AnnotationsDb, id: string): Promise<number> {
  const existed = (await db.notes.get(id)) !== undefined;
  await db.notes.delete(id);
  return existed ? 1 : 0;
}

export async function notesForDocument(db: AnnotationsDb, documentId: string): Promise<Note[]> {
  const notes = await db.notes.where('documentId').equals(documentId).toArray();
  return notes.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

function matchesQuery(note: Note, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = [note.text, note.label, note.documentId, note.page.title, note.page.url, note.quote?.exact ?? '', ...note.tags]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((w) => hay.includes(w));
}

export async function searchNotes(
  db: AnnotationsDb,
  { query = '', tag, offset = 0, limit = 50 }: { query?: string; tag?: string | undefined; offset?: number; limit?: number },
): Promise<AnswerOf<'notes:search'>> {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const all = await db.notes.orderBy('updatedAt').reverse().toArray();
  const tags = new Set<string>();
  for (const note of all) for (const t of note.tags) tags.add(t);
  const wanted = tag?.toLocaleLowerCase();
  const hits = all.filter((n) => matchesQuery(n, words) && (!wanted || n.tags.some((t) => t.toLocaleLowerCase() === wanted)));
  return { total: hits.length, notes: hits.slice(offset, offset + limit), tags: [...tags].sort((a, b) => a.localeCompare(b)) };
}

/** The history switches as the options page is told them. */
function historySwitches(settings: Settings): HistorySettings {
  return { sites: Object.fromEntries(historySwitchedSites(settings).map((host) => [host, recordsHistory(settings, host)])) };
}

/** The history switches, from the one settings store; `db` holds the switches an older version kept. */
export async function historySettings(db: AnnotationsDb): Promise<HistorySettings> {
  return historySwitches(await settingsWithHistoryMoved(db));
}

/** The history switches and every site seen in the history, as the options page shows them. */
export async function historySettingsResponse(db: AnnotationsDb): Promise<HistorySettingsResponse> {
  const settings = await settingsWithHistoryMoved(db);
  const hosts = new Set<string>(historySwitchedSites(settings));
  for (const host of (await db.visits.orderBy('host').uniqueKeys()) as string[]) if (host) hosts.add(normaliseHost(host));
  return {
    settings: historySwitches(settings),
    sites: [...hosts].sort().map((host) => ({ host, enabled: recordsHistory(settings, host) })),
  };
}

export async function setSiteRecording(db: AnnotationsDb, host: string, enabled: boolean): Promise<HistorySettings> {
  await settingsWithHistoryMoved(db);
  return historySwitches(await updateSettings((settings) => withSite(settings, host, { history: enabled })));
}

export async function recordVisit(
  db: AnnotationsDb,
  visit: { url: string; title: string; references: VisitReference[]; documentId?: string | undefined },
  now = new Date(),
): Promise<AnswerOf<'history:record-visit'>> {
  const host = hostOf(visit.url);
  if (!host || !recordsHistory(await settingsWithHistoryMoved(db), host)) return { recorded: false, id: null };
  const visitedAt = now.toISOString();
  return db.transaction('rw', db.visits, async () => {
    const since = new Date(now.getTime() - REVISIT_WINDOW_MS).toISOString();
    const recent = await db.visits.where('[url+visitedAt]').between([visit.url, since], [visit.url, visitedAt], true, true).last();
    const row: Visit = {
      id: recent?.id ?? uuid(),
      url: visit.url,
      title: visit.title,
      host,
      visitedAt: recent && recent.visitedAt > visitedAt ? recent.visitedAt : visitedAt,
      references: visit.references,
      ...(visit.documentId ? { documentId: visit.documentId } : {}),
    };
    await db.visits.put(row);
    return { recorded: true, id: row.id };
  });
}

export async function listVisits(
  db: AnnotationsDb,
  { query = '', offset = 0, limit = 50 }: { query?: string; offset?: number; limit?: number },
): Promise<AnswerOf<'history:list'>> {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  let collection = db.visits.orderBy('[visitedAt+id]').reverse();
  if (words.length > 0) {
    collection = collection.filter((v) => {
      const hay = `${v.url}\n${v.title}\n${v.references.map((r) => `${r.id} ${r.label}`).join('\n')}`.toLocaleLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }
  const total = await collection.clone().count();
  const visits = await collection.offset(offset).limit(limit).toArray();
  return { total, visits };
}

export async function clearHistory(db: AnnotationsDb, host?: string): Promise<number> {
  if (host) return db.visits.where('host').equals(host).delete();
  const count = await db.visits.count();
  await db.visits.clear();
  return count;
}

type AnnotationHandlers = { [T in AnnotationType]: (message: Request<Annotations, T>) => Promise<AnswerInput<Annotations, T>> };

function handlersFor(db: AnnotationsDb, options: ServiceOptions): AnnotationHandlers {
  const now = () => (options.now ? options.now() : new Date());
  return {
    'notes:save': (message) => saveNote(db, message.note, now()),
    'notes:delete': async (message) => ({ deleted: await deleteNote(db, message.id) }),
    'notes:list-for-document': async (message) => ({ notes: await notesForDocument(db, message.documentId) }),
    'notes:search': (message) => searchNotes(db, message),
    'history:record-visit': (message) => recordVisit(db, message, now()),
    'history:list': (message) => listVisits(db, message),
    'history:clear': async (message) => ({ deleted: await clearHistory(db, message.host) }),
    'history:get-settings': () => historySettingsResponse(db),
    'history:set-site': async (message) => {
      await setSiteRecording(db, message.host, message.enabled);
      return historySettingsResponse(db);
    },
    'annotations:export': async (message) => {
      const built = await buildExport(dexieSource(db), message.request, {
        // In the background nothing is painted: no need to give way between slices.
        yieldToPage: () => Promise.resolve(),
        now,
        ...(options.documents ? { documents: options.documents } : {}),
      });
      return { filename: built.filename, mimeType: built.mimeType, content: built.chunks.join(''), records: built.records };
    },
  };
}

export function handleAnnotationMessage<M extends AnnotationMessage>(
  db: AnnotationsDb,
  message: M,
  options: ServiceOptions = {},
): Promise<AnswerInput<Annotations, M['type']>> {
  // The handler of the message's own type: the map's type pairs them, the lookup by key cannot.
  const handle = handlersFor(db, options)[message.type] as (message: M) => Promise<AnswerInput<Annotations, M['type']>>;
  return handle(message);
}
