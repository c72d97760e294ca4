/**
 * Reading an earlier export back: the JSON annotations export (everything), or W3C Web
 * Annotation JSON-LD (notes; from Eurefs or any tool whose annotations name an EU document in an
 * `identifying` body). Merging is idempotent: a note is known by its id (the newer edit wins), a
 * visit by its id or by its address and time, so importing a file twice adds nothing the second
 * time. Parsing and validation happen before the one read-write transaction opens.
 */
import { z } from 'zod';
import type { AnnotationsDb } from './db';
import { AnnotationsFileSchema, NoteSchema, VisitSchema, type Note, type Visit } from './schema';
import { annotationToNote, AnnotationCollectionInSchema, WebAnnotationInSchema } from './w3c';
import { PhrasedError } from '../../i18n/phrased-error';
import { phrase, type Phrase } from '../../i18n/phrase';

export interface ParsedImport {
  format: 'eurefs-annotations' | 'w3c';
  notes: Note[];
  visits: Visit[];
  /** annotations that name no EU document, or records that do not validate */
  skipped: number;
}

export interface ImportSummary {
  format: ParsedImport['format'];
  notesAdded: number;
  notesUpdated: number;
  notesUnchanged: number;
  visitsAdded: number;
  visitsUnchanged: number;
  skipped: number;
}

export class ImportError extends PhrasedError {
  constructor(words: Phrase) {
    super(words, 'ImportError');
  }
}

export function parseAnnotationsImport(text: string, now = new Date().toISOString()): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new ImportError(phrase('annotationsImportNotJson'));
  }
  if (data && typeof data === 'object' && (data as { format?: unknown }).format === 'eurefs-annotations') {
    const parsed = AnnotationsFileSchema.safeParse(data);
    if (!parsed.success) {
      throw new ImportError(phrase('annotationsImportInvalid', z.prettifyError(parsed.error)));
    }
    return { format: 'eurefs-annotations', notes: parsed.data.notes, visits: parsed.data.visits, skipped: 0 };
  }
  let items: unknown[] | null = null;
  const collection = AnnotationCollectionInSchema.safeParse(data);
  if (collection.success) items = collection.data.first.items;
  else if (Array.isArray(data)) items = data;
  else if (WebAnnotationInSchema.safeParse(data).success) items = [data];
  if (!items) throw new ImportError(phrase('annotationsImportUnknownFormat'));
  const notes: Note[] = [];
  let skipped = 0;
  for (const item of items) {
    const note = annotationToNote(item, now);
    if (note) notes.push(note);
    else skipped++;
  }
  return { format: 'w3c', notes, visits: [], skipped };
}

const sameNote = (a: Note, b: Note) => JSON.stringify(NoteSchema.parse(a)) === JSON.stringify(NoteSchema.parse(b));

/** Merges parsed records into the database in one transaction. */
export async function mergeImport(db: AnnotationsDb, parsed: ParsedImport): Promise<ImportSummary> {
  const summary: ImportSummary = {
    format: parsed.format,
    notesAdded: 0,
    notesUpdated: 0,
    notesUnchanged: 0,
    visitsAdded: 0,
    visitsUnchanged: 0,
    skipped: parsed.skipped,
  };
  // Validate everything first: nothing but Dexie is awaited inside the transaction.
  const notes = parsed.notes.map((n) => NoteSchema.parse(n));
  const visits = parsed.visits.map((v) => VisitSchema.parse(v));
  await db.transaction('rw', db.notes, db.visits, async () => {
    const existingNotes = await db.notes.bulkGet(notes.map((n) => n.id));
    const notePuts: Note[] = [];
    const seen = new Map<string, Note>();
    notes.forEach((note, i) => {
      const existing = seen.get(note.id) ?? existingNotes[i];
      if (!existing) summary.notesAdded++;
      else if (note.updatedAt > existing.updatedAt && !sameNote(note, existing)) summary.notesUpdated++;
      else {
        summary.notesUnchanged++;
        return;
      }
      seen.set(note.id, note);
      notePuts.push(note);
    });
    await db.notes.bulkPut(notePuts);

    // Known visits by id and by address and time (the same visit exported under another id).
    const knownIds = new Set((await db.visits.toCollection().primaryKeys()) as string[]);
    const knownVisits = new Set(
      ((await db.visits.orderBy('[url+visitedAt]').keys()) as unknown as [string, string][]).map(([url, at]) => `${url}\u0000${at}`),
    );
    const visitAdds: Visit[] = [];
    for (const visit of visits) {
      const natural = `${visit.url}\u0000${visit.visitedAt}`;
      if (knownIds.has(visit.id) || knownVisits.has(natural)) {
        summary.visitsUnchanged++;
        continue;
      }
      knownIds.add(visit.id);
      knownVisits.add(natural);
      visitAdds.push(visit);
      summary.visitsAdded++;
    }
    await db.visits.bulkAdd(visitAdds);
  });
  return summary;
}
