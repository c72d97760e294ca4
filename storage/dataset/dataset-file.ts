/**
 * A dataset read from its file's bytes, a document at a time, so that neither the file's
 * whole text nor all of its parsed documents are ever in memory at once (json-layout.ts says how
 * large they are). Reading checks every document with the one schema (fast-document.ts first) and
 * keeps, per document, only what the catalog needs: its id, its number of events, its procedure.
 * Its JSON text to store is read again from the bytes when its bucket is written
 * (buckets.ts, writeBuckets): a well-formed, compact document is stored as the very text the file
 * holds, with no parse and no JSON.stringify in between.
 */
import { compactLayout, exactLayout, LOOSE, type DatasetLayout } from '../import/json-layout';
import { createDocumentCheck } from './fast-document';
import { DatasetSchema, DocumentSchema, type Dataset, type DatasetDocument, type Report } from './schema';

/** The documents to write, by index: what buckets.ts needs of each, made when it needs it. */
export interface DocumentList {
  readonly length: number;
  id(i: number): string;
  events(i: number): number;
  procedure(i: number): string | null;
  /** the document's JSON text */
  text(i: number): string;
  /** the UTF-8 of text(i), as stored; may be a view into a larger buffer */
  bytes(i: number): Uint8Array;
  /** about bytes(i).length, without making them */
  size(i: number): number;
  /** the document itself, made when asked for */
  document(i: number): DatasetDocument;
}

/** What a layer is loaded from: a dataset's version and reports, and its documents one by one. */
export interface LoadableDataset {
  version: string;
  reports: Report[];
  documents: DocumentList;
}

const encoder = new TextEncoder();

/** The documents of a parsed dataset, as a DocumentList. */
export function listOf(docs: readonly DatasetDocument[]): DocumentList {
  return {
    length: docs.length,
    id: (i) => docs[i]!.id,
    events: (i) => docs[i]!.events.length,
    procedure: (i) => docs[i]!.procedure ?? null,
    text: (i) => JSON.stringify(docs[i]),
    bytes: (i) => encoder.encode(JSON.stringify(docs[i])),
    size: (i) => JSON.stringify(docs[i]).length,
    document: (i) => docs[i]!,
  };
}

/** The documents of `list` at `indexes`, in that order. */
export function subList(list: DocumentList, indexes: readonly number[]): DocumentList {
  return {
    length: indexes.length,
    id: (k) => list.id(indexes[k]!),
    events: (k) => list.events(indexes[k]!),
    procedure: (k) => list.procedure(indexes[k]!),
    text: (k) => list.text(indexes[k]!),
    bytes: (k) => list.bytes(indexes[k]!),
    size: (k) => list.size(indexes[k]!),
    document: (k) => list.document(indexes[k]!),
  };
}

export const asList = (docs: DocumentList | readonly DatasetDocument[]): DocumentList => (isArray(docs) ? listOf(docs) : docs);

function isArray(docs: DocumentList | readonly DatasetDocument[]): docs is readonly DatasetDocument[] {
  return Array.isArray(docs);
}

/** One problem the schema found, at its path in the file. */
export interface FileIssue {
  path: PropertyKey[];
  message: string;
}

/** The validated documents of a file, read back from its bytes. */
export class FileDocuments implements DocumentList {
  private readonly decoder = new TextDecoder();
  private readonly check = createDocumentCheck();

  constructor(
    private readonly fileBytes: Uint8Array,
    private readonly layout: DatasetLayout,
    private readonly ids: readonly string[],
    private readonly eventCounts: Uint32Array,
    private readonly procedures: readonly (string | null)[],
    /** 1 where the file's text of the document is the document as the schema returns it, with no white space */
    private readonly verbatim: Uint8Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  id(i: number): string {
    return this.ids[i]!;
  }

  events(i: number): number {
    return this.eventCounts[i]!;
  }

  procedure(i: number): string | null {
    return this.procedures[i]!;
  }

  size(i: number): number {
    return this.layout.ends[i]! - this.layout.starts[i]!;
  }

  private rawBytes(i: number): Uint8Array {
    return this.fileBytes.subarray(this.layout.starts[i], this.layout.ends[i]);
  }

  private raw(i: number): string {
    return this.decoder.decode(this.rawBytes(i));
  }

  text(i: number): string {
    return this.verbatim[i] ? this.raw(i) : JSON.stringify(this.document(i));
  }

  /** A verbatim document's bytes are the file's own: a view, neither decoded nor copied. */
  bytes(i: number): Uint8Array {
    return this.verbatim[i] ? this.rawBytes(i) : encoder.encode(JSON.stringify(this.document(i)));
  }

  /** The document as the schema returns it: checked when the file was read, so parse cannot throw here. */
  document(i: number): DatasetDocument {
    const value: unknown = JSON.parse(this.raw(i));
    return this.check(value) ? value : DocumentSchema.parse(value);
  }
}

/** Collects, document by document, what FileDocuments keeps of a file being read. */
export class FileDocumentsBuilder {
  private readonly ids: string[];
  private readonly events: Uint32Array;
  private readonly procedures: (string | null)[];
  private readonly verbatim: Uint8Array;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly layout: DatasetLayout,
  ) {
    const count = layout.starts.length;
    this.ids = new Array<string>(count);
    this.events = new Uint32Array(count);
    this.procedures = new Array<string | null>(count);
    this.verbatim = new Uint8Array(count);
  }

  /** `asInFile`: the document is the file's own text of it, as the schema returns it (fast-document.ts said so) */
  add(i: number, doc: DatasetDocument, asInFile: boolean): void {
    this.ids[i] = doc.id;
    this.events[i] = doc.events.length;
    this.procedures[i] = doc.procedure ?? null;
    this.verbatim[i] = asInFile && !(this.layout.flags[i]! & LOOSE) ? 1 : 0;
  }

  /** Only once every document was added. */
  build(): FileDocuments {
    return new FileDocuments(this.bytes, this.layout, this.ids, this.events, this.procedures, this.verbatim);
  }
}

/** A dataset whose documents stay in the file's bytes until they are written. */
export interface FileDataset extends LoadableDataset {
  schemaVersion: Dataset['schemaVersion'];
  documents: FileDocuments;
}

export interface FileReading {
  /** null where the file is not laid out as a dataset (json-layout.ts): parse it whole instead */
  dataset: FileDataset | null;
  issues: FileIssue[];
  /** where the time went, for the benchmark: finding the parts, JSON.parse, the schema's checks */
  timings: { layoutMs: number; parseMs: number; checkMs: number };
}

const clock = () => (globalThis.performance ? performance.now() : Date.now());

/**
 * Reads and checks a dataset file with the one schema, a document at a time. Stops collecting
 * problems past `limit`. The `dataset` is only for a file without problems.
 */
export function readDatasetFile(bytes: Uint8Array, { limit = 5 }: { limit?: number } = {}): FileReading {
  const timings = { layoutMs: 0, parseMs: 0, checkMs: 0 };
  for (const layoutOf of [compactLayout, exactLayout]) {
    const t = clock();
    try {
      const layout = layoutOf(bytes);
      timings.layoutMs += clock() - t;
      if (layout) return readDocuments(bytes, layout, Math.max(1, limit), timings);
    } catch (error) {
      // Not JSON where this layout says a part is: the next layout, or the whole text, words it.
      if (!(error instanceof SyntaxError || error instanceof TypeError)) throw error;
      timings.layoutMs += clock() - t;
    }
  }
  return { dataset: null, issues: [], timings };
}

/**
 * The `version` a dataset file's head names, read without its documents: null where the file is
 * not laid out as a dataset or names no version as a string. Nothing else of the file is checked.
 */
export function datasetVersionOf(bytes: Uint8Array): string | null {
  for (const layoutOf of [compactLayout, exactLayout]) {
    try {
      const version = layoutOf(bytes)?.head.version;
      if (version !== undefined) return typeof version === 'string' ? version : null;
    } catch (error) {
      if (!(error instanceof SyntaxError || error instanceof TypeError)) throw error;
    }
  }
  return null;
}

/** Throws a SyntaxError (or, for bytes that are not UTF-8, a TypeError) where a document is not JSON. */
function readDocuments(bytes: Uint8Array, layout: DatasetLayout, limit: number, timings: FileReading['timings']): FileReading {
  const started = clock();
  const issues: FileIssue[] = [];
  const head = DatasetSchema.safeParse({ ...layout.head, documents: [] });
  if (!head.success) for (const issue of head.error.issues) issues.push({ path: issue.path, message: issue.message });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const count = layout.starts.length;
  const built = new FileDocumentsBuilder(bytes, layout);
  const check = createDocumentCheck();
  let parseMs = 0;
  let invalid = false;
  for (let i = 0; i < count; i++) {
    const t = clock();
    const raw: unknown = JSON.parse(decoder.decode(bytes.subarray(layout.starts[i], layout.ends[i])));
    parseMs += clock() - t;
    if (check(raw)) {
      built.add(i, raw, true);
      continue;
    }
    const parsed = DocumentSchema.safeParse(raw);
    if (parsed.success) built.add(i, parsed.data, false);
    else {
      invalid = true;
      for (const issue of parsed.error.issues) if (issues.length < limit) issues.push({ path: ['documents', i, ...issue.path], message: issue.message });
    }
  }
  timings.parseMs += parseMs;
  timings.checkMs += clock() - started - parseMs;
  if (!head.success || invalid) return { dataset: null, issues, timings };
  const documents = built.build();
  return { dataset: { schemaVersion: head.data.schemaVersion, version: head.data.version, reports: head.data.reports, documents }, issues, timings };
}
