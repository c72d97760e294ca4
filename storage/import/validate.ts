/**
 * Validates an import before anything is written: the one schema (DatasetSchema, applied to the
 * envelope and then document by document so that progress can be reported and a caller on the
 * main thread can pause between slices), then what a schema cannot say: ids that parse with the
 * reference grammar and are canonical, duplicates, links, and warnings for data that is legal but
 * suspicious (events dated after the report citing them, a status going backwards, markup in
 * titles). Pure: no DOM, no browser API.
 */
import { parseReference } from '../../references/index';
import {
  DATASET_SCHEMA_VERSION,
  READABLE_SCHEMA_VERSIONS,
  DatasetSchema,
  STAGES,
  type Dataset,
  type DatasetDocument,
  type Report,
  type Stage,
} from '../dataset/schema';
import { dateKey } from '../dataset/status';
import { createDocumentCheck } from '../dataset/fast-document';
import { FileDocumentsBuilder, type FileDataset } from '../dataset/dataset-file';
import { compactLayout, exactLayout, type DatasetLayout } from './json-layout';
import { phrase, type Phrase } from '../../i18n/phrase';
import { describeIssue, documentSubject, eventSubject, locateJson, ProblemList, reportSubject, show, WHOLE_FILE, type ImportProblem, type Locate, type Path } from './problems';

export interface ValidateOptions {
  /** where a path is (CSV: line and column); JSON paths by default */
  locate?: Locate;
  /** ids of reports already in the database (merge imports may cite them without listing them) */
  knownReports?: ReadonlySet<string>;
  onProgress?: (done: number, total: number) => void;
  /** awaited between slices: lets a main-thread caller keep the page responsive */
  pause?: () => Promise<void>;
  sliceSize?: number;
  /** how many problems of each severity to keep (all are counted) */
  limit?: number;
}

export interface ValidationResult {
  dataset: Dataset | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  errorCount: number;
  warningCount: number;
}

const DocumentSchema = DatasetSchema.shape.documents.element;
const LINEAR = new Map<Stage, number>(STAGES.filter((s) => s !== 'withdrawn' && s !== 'rejected').map((s, i) => [s, i]));
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function result(problems: ProblemList, dataset: Dataset | null): ValidationResult {
  return {
    dataset: problems.errorCount === 0 ? dataset : null,
    errors: problems.errors,
    warnings: problems.warnings,
    errorCount: problems.errorCount,
    warningCount: problems.warningCount,
  };
}

/** Checks that `id` is a canonical id the reference grammar reads back as itself. */
export function checkId(id: string): { ok: true; type: string } | { ok: false; message: Phrase } {
  const parsed = parseReference(id);
  if (!parsed) return { ok: false, message: phrase('problemNotReference', show(id)) };
  if (parsed.id !== id) return { ok: false, message: phrase('problemNotCanonical', show(id), show(parsed.id)) };
  return { ok: true, type: parsed.type };
}

/** Where the documents come from: a list in memory, or a file read a document at a time. */
interface DocumentSource {
  count: number;
  /** the document as parsed; may throw a SyntaxError (a file's document that is not JSON) */
  raw(i: number): unknown;
  /** a document that passed the schema: `fast`, the schema would return `raw(i)` as it is */
  accept(i: number, doc: DatasetDocument, fast: boolean): void;
}

/** The file's top level, checked before any document: null when nothing more can be read. */
function checkHead(input: unknown, problems: ProblemList, locate: Locate, hasDocuments: (current: Record<string, unknown>) => boolean): { current: Record<string, unknown>; envelope: ReturnType<typeof DatasetSchema.safeParse> } | null {
  const fail = (path: Path, message: Phrase, field?: string) => {
    const where = locate(path);
    const f = field ?? where.field;
    problems.error(where.place, message, f ? { field: f } : {});
  };
  if (!isPlainObject(input)) {
    problems.error(WHOLE_FILE, phrase('problemNotDataset'));
    return null;
  }

  // The format version first: a file from a newer Eurefs should say so, not list a hundred errors.
  const schemaVersion = Object.prototype.hasOwnProperty.call(input, 'schemaVersion') ? input.schemaVersion : undefined;
  if (schemaVersion === undefined) {
    fail(['schemaVersion'], phrase('problemNoSchemaVersion', DATASET_SCHEMA_VERSION));
    return null;
  }
  if (typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion > DATASET_SCHEMA_VERSION) {
    fail(['schemaVersion'], phrase('problemNewerFormat', schemaVersion, DATASET_SCHEMA_VERSION));
    return null;
  }
  if (typeof schemaVersion !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(schemaVersion)) {
    fail(['schemaVersion'], phrase('problemUnknownFormat', show(schemaVersion), { list: READABLE_SCHEMA_VERSIONS }));
    return null;
  }
  // An earlier format is a subset of this one (its new fields are optional): read it as this one.
  const current = schemaVersion === DATASET_SCHEMA_VERSION ? input : { ...input, schemaVersion: DATASET_SCHEMA_VERSION };

  // The envelope (version, reports, unknown top-level fields) with the one schema...
  const envelope = DatasetSchema.safeParse({ ...current, documents: [] });
  if (!envelope.success) for (const issue of envelope.error.issues) problems.add(describeIssue(issue, input, locate));
  if (!hasDocuments(current)) {
    const rawDocuments = Object.prototype.hasOwnProperty.call(input, 'documents') ? current.documents : undefined;
    fail(['documents'], rawDocuments === undefined ? phrase('problemNoDocuments') : phrase('problemDocumentsNotList', show(rawDocuments)), 'documents');
    return null;
  }
  return { current, envelope };
}

/**
 * ...then each document with the same schema's document part (the fast check first), in slices:
 * duplicates among all documents, valid or not (a second copy is often the broken one), and the
 * cross-record checks on the documents that passed, a slice at a time.
 */
async function checkEachDocument(source: DocumentSource, root: unknown, reports: readonly Report[], problems: ProblemList, locate: Locate, options: ValidateOptions): Promise<void> {
  const total = source.count;
  const slice = options.sliceSize ?? 2000;
  const check = createDocumentCheck();
  const ids = new Map<string, number>();
  const reportsById = new Map(reports.map((r) => [r.id, r]));
  for (let start = 0; start < total; start += slice) {
    const end = Math.min(total, start + slice);
    const passed: DatasetDocument[] = [];
    const indexOf = new Map<DatasetDocument, number>();
    for (let i = start; i < end; i++) {
      const raw = source.raw(i);
      const id = isPlainObject(raw) && Object.prototype.hasOwnProperty.call(raw, 'id') ? raw.id : undefined;
      if (typeof id === 'string' && id) {
        const first = ids.get(id);
        if (first === undefined) ids.set(id, i);
        else {
          const where = locate(['documents', i, 'id']);
          problems.error(where.place, phrase('problemDuplicateId', locate(['documents', first]).place), { subject: documentSubject(id), field: where.field ?? 'id' });
        }
      }
      let doc: DatasetDocument | undefined;
      if (check(raw)) {
        doc = raw;
        source.accept(i, doc, true);
      } else {
        const parsed = DocumentSchema.safeParse(raw);
        if (parsed.success) {
          doc = parsed.data;
          source.accept(i, doc, false);
        } else for (const issue of parsed.error.issues) problems.add(describeIssue({ ...issue, path: ['documents', i, ...issue.path] }, root ?? { documents: { [i]: raw } }, locate));
      }
      if (doc) {
        passed.push(doc);
        indexOf.set(doc, i);
      }
    }
    checkDocuments(passed, indexOf, reportsById, options.knownReports, problems, locate);
    options.onProgress?.(end, total);
    if (options.pause && end < total) await options.pause();
  }
  if (total === 0) options.onProgress?.(0, 0);
}

export async function validateDataset(input: unknown, options: ValidateOptions = {}): Promise<ValidationResult> {
  const locate = options.locate ?? locateJson;
  const problems = new ProblemList(options.limit ?? 500);
  const head = checkHead(input, problems, locate, (current) => Array.isArray(current.documents));
  if (!head) return result(problems, null);
  const rawDocuments = head.current.documents as unknown[];
  const { envelope } = head;
  const reports: Report[] = envelope.success ? envelope.data.reports : [];
  checkReports(reports, input, problems, locate);
  const documents: DatasetDocument[] = [];
  await checkEachDocument({ count: rawDocuments.length, raw: (i) => rawDocuments[i], accept: (_i, doc) => documents.push(doc) }, input, reports, problems, locate, options);
  if (!envelope.success || problems.errorCount > 0) return result(problems, null);
  return result(problems, { ...envelope.data, documents });
}

export interface FileValidationResult extends Omit<ValidationResult, 'dataset'> {
  dataset: FileDataset | null;
  /** where the time went: finding the parts and JSON.parse, then the checks */
  timings: { parse: number; validate: number };
}

/**
 * validateDataset for a JSON file's bytes, read a document at a time (storage/dataset/dataset-file.ts):
 * the same checks and the same problems in the same words, without the whole text or all the
 * parsed documents in memory. Null where the file is not laid out as a dataset or a part of it is
 * not JSON: then the caller parses the whole text, and words that.
 */
export async function validateDatasetFile(bytes: Uint8Array, options: ValidateOptions = {}): Promise<FileValidationResult | null> {
  const clock = () => (globalThis.performance ? performance.now() : Date.now());
  for (const layoutOf of [compactLayout, exactLayout]) {
    const t = clock();
    let layout: DatasetLayout | null;
    try {
      layout = layoutOf(bytes);
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof TypeError) continue;
      throw error;
    }
    if (!layout) continue;
    const layoutMs = clock() - t;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const locate = options.locate ?? locateJson;
    const problems = new ProblemList(options.limit ?? 500);
    const head = checkHead({ ...layout.head, documents: [] }, problems, locate, () => true);
    if (!head) return { ...result(problems, null), dataset: null, timings: { parse: layoutMs, validate: clock() - t - layoutMs } };
    const { envelope } = head;
    const reports: Report[] = envelope.success ? envelope.data.reports : [];
    checkReports(reports, layout.head, problems, locate);
    const built = new FileDocumentsBuilder(bytes, layout);
    let parseMs = 0;
    const found = layout;
    try {
      await checkEachDocument(
        {
          count: found.starts.length,
          raw: (i) => {
            const started = clock();
            const value: unknown = JSON.parse(decoder.decode(bytes.subarray(found.starts[i], found.ends[i])));
            parseMs += clock() - started;
            return value;
          },
          accept: (i, doc, fast) => built.add(i, doc, fast),
        },
        null,
        reports,
        problems,
        locate,
        options,
      );
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof TypeError) continue;
      throw error;
    }
    const timings = { parse: layoutMs + parseMs, validate: clock() - t - layoutMs - parseMs };
    if (!envelope.success || problems.errorCount > 0) return { ...result(problems, null), dataset: null, timings };
    return { ...result(problems, null), dataset: { schemaVersion: envelope.data.schemaVersion, version: envelope.data.version, reports, documents: built.build() }, timings };
  }
  return null;
}

function checkReports(reports: readonly Report[], root: unknown, problems: ProblemList, locate: Locate) {
  const seen = new Map<string, number>();
  reports.forEach((report, i) => {
    const subject = reportSubject(report.id);
    const where = locate(['reports', i, 'id']);
    const id = checkId(report.id);
    if (!id.ok) problems.error(where.place, id.message, { subject, field: where.field ?? 'id' });
    const first = seen.get(report.id);
    if (first !== undefined) {
      problems.error(where.place, phrase('problemDuplicateReport', locate(['reports', first]).place), { subject, field: 'id' });
    } else seen.set(report.id, i);
  });
  void root;
}

function checkDocuments(
  documents: readonly DatasetDocument[],
  indexOf: ReadonlyMap<DatasetDocument, number>,
  reportsById: ReadonlyMap<string, Report>,
  knownReports: ReadonlySet<string> | undefined,
  problems: ProblemList,
  locate: Locate,
) {
  for (const doc of documents) {
    const i = indexOf.get(doc) ?? 0;
    const subject = documentSubject(doc.id);
    const at = (path: Path, field: string) => {
      const where = locate(['documents', i, ...path]);
      return { place: where.place, extra: { subject, field: where.field ?? field } };
    };

    const id = checkId(doc.id);
    if (!id.ok) {
      const idWhere = at(['id'], 'id');
      problems.error(idWhere.place, id.message, idWhere.extra);
    }
    else if (id.type !== doc.type) {
      const w = at(['type'], 'type');
      problems.error(w.place, phrase('problemWrongType', show(doc.type), JSON.stringify(doc.id), show(id.type)), w.extra);
    }

    for (const [field, value] of [['becameAct', doc.becameAct], ['fromProposal', doc.fromProposal]] as const) {
      if (value === undefined) continue;
      const check = checkId(value);
      if (!check.ok) {
        const w = at([field], field);
        problems.error(w.place, check.message, w.extra);
      }
    }
    for (const field of ['amends', 'amendedBy'] as const) {
      doc[field].forEach((value, k) => {
        const check = checkId(value);
        if (!check.ok) {
          const w = at([field, k], field);
          problems.error(w.place, check.message, w.extra);
        }
      });
    }
    for (const field of ['title'] as const) {
      if (MARKUP.test(doc[field])) {
        const w = at([field], field);
        problems.warn(w.place, phrase('problemMarkup'), w.extra);
      }
    }

    doc.events.forEach((event, k) => {
      const report = reportsById.get(event.source.report);
      if (!report && !knownReports?.has(event.source.report)) {
        const w = at(['events', k, 'source', 'report'], 'report');
        problems.warn(w.place, phrase('problemUnknownReport', JSON.stringify(event.source.report)), { ...w.extra, subject: eventSubject(subject, k) });
      }
      // A month-only date in the report's own month is not "after" it.
      if (report && dateKey(event.date) > dateKey(report.date) && !(event.date.length === 7 && report.date.startsWith(event.date))) {
        const w = at(['events', k, 'date'], 'date');
        problems.warn(w.place, phrase('problemForecast', event.date, report.id, report.date), { ...w.extra, subject: eventSubject(subject, k) });
      }
      if (MARKUP.test(event.label)) {
        const w = at(['events', k, 'label'], 'label');
        problems.warn(w.place, phrase('problemMarkup'), { ...w.extra, subject: eventSubject(subject, k) });
      }
    });

    // A status going backwards along the legislative path (withdrawn/rejected aside).
    if (doc.events.length < 2) continue;
    const ordered = doc.events
      .map((event, k) => ({ event, k }))
      .sort((a, b) => dateKey(a.event.date).localeCompare(dateKey(b.event.date)));
    let highest: { stage: Stage; date: string } | null = null;
    for (const { event, k } of ordered) {
      const rank = LINEAR.get(event.stage);
      if (rank === undefined) continue;
      if (highest && rank < LINEAR.get(highest.stage)! && dateKey(event.date) > dateKey(highest.date)) {
        const w = at(['events', k, 'stage'], 'stage');
        problems.warn(w.place, phrase('problemBackwards', event.stage, event.date, highest.stage, highest.date), { ...w.extra, subject: eventSubject(subject, k) });
      }
      if (!highest || rank >= LINEAR.get(highest.stage)!) highest = { stage: event.stage, date: event.date };
    }
  }
}
