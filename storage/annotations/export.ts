/**
 * Exports built in slices: records are read a slice at a time and the builder awaits
 * `yieldToPage` between slices, so a history of ten thousand pages never blocks the page that
 * builds it. The output is a list of string chunks (a Blob takes them as they are). Pure: the
 * records come from an `AnnotationSource` (the Dexie one is in `dexie-source.ts`).
 */
import { stageLabel } from '../dataset/status';
import { csvRow, UTF8_BOM } from './csv';
import { cslItem, risRecord, type CitedDocument } from './citations';
import { compileFilters, filterVisit, noteHasFilterTag, noteMatches, type CompiledFilters } from './filters';
import {
  ANNOTATIONS_FORMAT,
  ANNOTATIONS_FORMAT_VERSION,
  ExportRequestSchema,
  type DocumentInfo,
  type ExportFormat,
  type ExportRequestInput,
  type ExportScope,
  type Note,
  type Visit,
} from './schema';
import { collectionHead, COLLECTION_TAIL, noteToAnnotation } from './w3c';

/** Where the records come from, a slice at a time, in a stable order (oldest first). */
export interface AnnotationSource {
  visitSlices(scope: ExportScope, size: number): AsyncIterable<Visit[]>;
  noteSlices(scope: ExportScope, size: number): AsyncIterable<Note[]>;
}

export interface ExportOptions {
  /** records per slice; the builder yields to the page after each (default 200) */
  sliceSize?: number;
  /** awaited between slices (default: a macrotask, so input and painting get their turn) */
  yieldToPage?: () => Promise<void>;
  /** what the dataset knows of documents, for the reference-manager formats (batched ids) */
  documents?: (ids: string[]) => Promise<Record<string, DocumentInfo | null>>;
  now?: () => Date;
}

export interface BuiltExport {
  filename: string;
  mimeType: string;
  chunks: string[];
  /** how many records (notes, visit rows, documents) the file holds */
  records: number;
}

export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  w3c: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
  'csl-json': 'application/vnd.citationstyles.csl+json',
  ris: 'application/x-research-info-systems',
};

const EXTENSIONS: Record<ExportFormat, string> = {
  csv: 'csv',
  json: 'json',
  w3c: 'jsonld',
  'csl-json': 'csl.json',
  ris: 'ris',
};

export const CSV_HEADER = [
  'record',
  'date',
  'page_url',
  'page_title',
  'document_id',
  'label',
  'type',
  'status',
  'count',
  'title',
  'note',
  'tags',
  'quote',
  'quote_start',
  'quote_end',
  'note_id',
] as const;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Filtered notes and visits, a slice at a time, with a yield after each slice. */
class Reader {
  constructor(
    private readonly source: AnnotationSource,
    private readonly scope: ExportScope,
    private readonly filters: CompiledFilters,
    private readonly size: number,
    private readonly pause: () => Promise<void>,
  ) {}

  taggedDocuments = new Set<string>();

  /** The documents a tag filter keeps: those that carry a note with one of its tags. */
  async collectTaggedDocuments(): Promise<void> {
    if (!this.filters.tags) return;
    for await (const slice of this.source.noteSlices({ kind: 'all' }, this.size)) {
      for (const note of slice) if (noteHasFilterTag(this.filters, note)) this.taggedDocuments.add(note.documentId);
      await this.pause();
    }
  }

  async *notes(): AsyncGenerator<Note[]> {
    for await (const slice of this.source.noteSlices(this.scope, this.size)) {
      const kept = slice.filter((note) => noteMatches(this.filters, note));
      if (kept.length > 0) yield kept;
      await this.pause();
    }
  }

  async *visits(): AsyncGenerator<Visit[]> {
    for await (const slice of this.source.visitSlices(this.scope, this.size)) {
      const kept: Visit[] = [];
      for (const visit of slice) {
        const v = filterVisit(this.filters, visit, this.taggedDocuments);
        if (v) kept.push(v);
      }
      if (kept.length > 0) yield kept;
      await this.pause();
    }
  }
}

function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(':', '').replace('T', '-');
}

/** Builds one export: a list of chunks, each a slice's worth of the file. */
export async function buildExport(source: AnnotationSource, input: ExportRequestInput, options: ExportOptions = {}): Promise<BuiltExport> {
  const request = ExportRequestSchema.parse(input);
  const size = Math.max(1, options.sliceSize ?? 200);
  const pause = options.yieldToPage ?? macrotask;
  const now = (options.now ?? (() => new Date()))();
  const filters = compileFilters(request.scope, request.filters);
  const reader = new Reader(source, request.scope, filters, size, pause);
  await reader.collectTaggedDocuments();
  const chunks: string[] = [];
  let records = 0;

  switch (request.format) {
    case 'csv': {
      chunks.push(UTF8_BOM + csvRow(CSV_HEADER));
      for await (const slice of reader.visits()) {
        let chunk = '';
        for (const visit of slice) {
          for (const r of visit.references) {
            const cells = [visit.visitedAt, visit.url, visit.title, r.id, r.label, r.type, stageLabel(r.stage), r.count, r.title, null, null] as const;
            // One row per mention where the page's positions were recorded; older visits have
            // only the count, and keep one row per document.
            if (r.occurrences?.length) {
              for (const o of r.occurrences) {
                chunk += csvRow(['reference', ...cells, o.exact, o.start, o.end, null]);
                records++;
              }
            } else {
              chunk += csvRow(['reference', ...cells, null, null, null, null]);
              records++;
            }
          }
        }
        chunks.push(chunk);
      }
      for await (const slice of reader.notes()) {
        let chunk = '';
        for (const n of slice) {
          chunk += csvRow(['note', n.createdAt, n.page.url, n.page.title, n.documentId, n.label, n.type, stageLabel(n.stage), null, null, n.text, n.tags.join('; '), n.quote?.exact ?? null, n.quote?.start ?? null, n.quote?.end ?? null, n.id]);
          records++;
        }
        chunks.push(chunk);
      }
      break;
    }
    case 'json': {
      const head = { format: ANNOTATIONS_FORMAT, version: ANNOTATIONS_FORMAT_VERSION, exportedAt: now.toISOString(), scope: request.scope, filters: request.filters };
      chunks.push(`${JSON.stringify(head).slice(0, -1)},\n"notes":[`);
      let first = true;
      for await (const slice of reader.notes()) {
        chunks.push(slice.map((n) => `${first ? ((first = false), '') : ','}\n${JSON.stringify(n)}`).join(''));
        records += slice.length;
      }
      chunks.push('\n],\n"visits":[');
      first = true;
      for await (const slice of reader.visits()) {
        chunks.push(slice.map((v) => `${first ? ((first = false), '') : ','}\n${JSON.stringify(v)}`).join(''));
        records += slice.length;
      }
      chunks.push('\n]}\n');
      break;
    }
    case 'w3c': {
      // The head carries the total, so it goes in front once the items are counted.
      for await (const slice of reader.notes()) {
        chunks.push(slice.map((n) => `${records++ === 0 ? '' : ','}\n${JSON.stringify(noteToAnnotation(n))}`).join(''));
      }
      chunks.unshift(collectionHead(`urn:uuid:${uuid()}`, `Eurefs notes, exported ${now.toISOString()}`, records));
      chunks.push(`\n${COLLECTION_TAIL}`);
      break;
    }
    case 'csl-json':
    case 'ris': {
      const docs = await collectDocuments(reader, options.documents, pause);
      records = docs.length;
      if (request.format === 'csl-json') {
        chunks.push('[');
        for (let i = 0; i < docs.length; i += size) {
          chunks.push(docs.slice(i, i + size).map((d, j) => `${i + j === 0 ? '' : ','}\n${JSON.stringify(cslItem(d))}`).join(''));
          await pause();
        }
        chunks.push('\n]\n');
      } else {
        for (let i = 0; i < docs.length; i += size) {
          chunks.push(docs.slice(i, i + size).map((d) => `${risRecord(d)}\r\n`).join(''));
          await pause();
        }
      }
      break;
    }
  }
  return {
    filename: `eurefs-${request.format === 'csl-json' ? 'documents' : request.format === 'ris' ? 'documents' : 'annotations'}-${stamp(now)}.${EXTENSIONS[request.format]}`,
    mimeType: MIME_TYPES[request.format],
    chunks: chunks.filter((c) => c.length > 0),
    records,
  };
}

/** One entry per document cited or noted, in order of first appearance. */
async function collectDocuments(
  reader: Reader,
  lookup: ExportOptions['documents'],
  pause: () => Promise<void>,
): Promise<CitedDocument[]> {
  const byId = new Map<string, CitedDocument>();
  for await (const slice of reader.visits()) {
    for (const visit of slice) {
      for (const r of visit.references) {
        const doc = byId.get(r.id);
        if (!doc) {
          byId.set(r.id, { id: r.id, type: r.type, label: r.label, title: r.title, stage: r.stage, lastSeen: visit.visitedAt, tags: [], notes: [] });
        } else if (!doc.lastSeen || visit.visitedAt >= doc.lastSeen) {
          doc.lastSeen = visit.visitedAt;
          doc.stage = r.stage;
          doc.title = r.title ?? doc.title;
        }
      }
    }
  }
  for await (const slice of reader.notes()) {
    for (const note of slice) {
      let doc = byId.get(note.documentId);
      if (!doc) {
        if (!note.type) continue;
        doc = { id: note.documentId, type: note.type, label: note.label || note.documentId, title: null, stage: note.stage, lastSeen: null, tags: [], notes: [] };
        byId.set(note.documentId, doc);
      }
      for (const tag of note.tags) if (!doc.tags.includes(tag)) doc.tags.push(tag);
      if (note.text) doc.notes.push(note.text);
    }
  }
  const docs = [...byId.values()];
  if (lookup) {
    const BATCH = 5000;
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const found = await lookup(batch.map((d) => d.id));
      for (const d of batch) d.info = found[d.id] ?? null;
      await pause();
    }
  }
  return docs;
}

export function uuid(): string {
  return globalThis.crypto.randomUUID();
}

/** Records held in memory (tests; small exports), in the order a Dexie source gives them. */
export function memorySource(notes: readonly Note[], visits: readonly Visit[]): AnnotationSource {
  const sorted = <T>(rows: readonly T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  async function* slices<T>(rows: T[], size: number): AsyncGenerator<T[]> {
    for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
  }
  return {
    visitSlices: (_scope, size) => slices(sorted(visits, (v) => `${v.visitedAt}\u0000${v.id}`), size),
    noteSlices: (_scope, size) => slices(sorted(notes, (n) => `${n.createdAt}\u0000${n.id}`), size),
  };
}
