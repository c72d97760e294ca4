/**
 * The shapes of researchers' annotations: notes, reading history, the history settings and the
 * export file that is also the import file. One zod schema per stored or imported shape; every
 * type is inferred from its schema. Pure: no DOM, no browser API.
 */
import { z } from 'zod';
import { ReferenceTypeSchema, StageSchema } from '../dataset/enums';

export { ReferenceTypeSchema, StageSchema };
/** A status filter value: a stage, or `untracked` for documents the dataset does not know. */
export const StatusFilterValueSchema = z.union([StageSchema, z.literal('untracked')]);
export type StatusFilterValue = z.infer<typeof StatusFilterValueSchema>;

const IsoDateTimeSchema = z.iso.datetime({ offset: true });
const MAX_TEXT = 20_000;

/** Where a note was written: the quoted text, its context for re-anchoring, and its position. */
export const QuoteSchema = z.strictObject({
  exact: z.string().max(MAX_TEXT),
  prefix: z.string().max(2_000).default(''),
  suffix: z.string().max(2_000).default(''),
  /** offsets into the page's text (as `document.body.textContent` reads it), UTF-16 code units */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}).refine((q) => q.end >= q.start, 'a quote ends where it starts or later');
export type Quote = z.infer<typeof QuoteSchema>;

export const PageSchema = z.strictObject({
  url: z.string().min(1).max(4_000),
  title: z.string().max(2_000).default(''),
});
export type PageRef = z.infer<typeof PageSchema>;

export const TagSchema = z.string().trim().min(1).max(100);

/** A note belongs to a document; it also remembers the page and the text it was written on. */
export const NoteSchema = z.strictObject({
  id: z.string().min(1).max(200),
  documentId: z.string().min(1).max(200),
  /** a short citation of the document (`Directive (EU) 2017/541`) */
  label: z.string().max(500),
  type: ReferenceTypeSchema.nullable().default(null),
  /** the document's status when the note was written; null where untracked or unknown */
  stage: StageSchema.nullable().default(null),
  text: z.string().max(MAX_TEXT),
  tags: z.array(TagSchema).max(50).default([]),
  page: PageSchema,
  quote: QuoteSchema.nullable().default(null),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/**
 * What an editor sends: a note without its bookkeeping (an id where it edits an existing one).
 * Dates it sends back with an edited note are ignored: the service keeps them.
 */
export const NoteInputSchema = NoteSchema.extend({
  id: z.string().min(1).max(200).optional(),
  createdAt: IsoDateTimeSchema.optional(),
  updatedAt: IsoDateTimeSchema.optional(),
});
export type NoteInput = z.input<typeof NoteInputSchema>;

/**
 * Where on the page one mention stands: its text and its offsets into the text of the page's
 * body (what `document.body.textContent` reads, UTF-16 code units), as TextPositionSelector has.
 */
export const OccurrenceSchema = z
  .strictObject({
    exact: z.string().min(1).max(1_000),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((o) => o.end >= o.start, 'an occurrence ends after it starts');
export type Occurrence = z.infer<typeof OccurrenceSchema>;

/** One document a page cited, with the status it had at the moment of the visit. */
export const VisitReferenceSchema = z.strictObject({
  id: z.string().min(1).max(200),
  type: ReferenceTypeSchema,
  label: z.string().max(500),
  count: z.number().int().positive(),
  stage: StageSchema.nullable(),
  title: z.string().max(2_000).nullable(),
  /** each mention on the page, in page order (absent in exports made before it was recorded) */
  occurrences: z.array(OccurrenceSchema).max(10_000).optional(),
});
export type VisitReference = z.infer<typeof VisitReferenceSchema>;

export const VisitSchema = z.strictObject({
  id: z.string().min(1).max(200),
  url: z.string().min(1).max(4_000),
  title: z.string().max(2_000),
  /** the site (`eur-lex.europa.eu`), for the per-site switch and clearing */
  host: z.string().max(300),
  visitedAt: IsoDateTimeSchema,
  references: z.array(VisitReferenceSchema).max(10_000),
  /**
   * The document the page itself was, by its own address or metadata (a EUR-Lex document page);
   * absent on other pages, and in visits recorded before it was.
   */
  documentId: z.string().min(1).max(200).optional(),
});
export type Visit = z.infer<typeof VisitSchema>;

/**
 * The per-site history switches, site by site: how the options page is told them, and how
 * versions before the one settings store (storage/settings.ts) kept them in this database.
 */
export const HistorySettingsSchema = z.strictObject({
  sites: z.record(z.string(), z.boolean()),
});
export type HistorySettings = z.infer<typeof HistorySettingsSchema>;

/** The site of an address, or '' for one that does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Pages are the same page whatever their fragment (`#ntr1-L_2017088EN.01000601-E0001`). */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

// ---- exports ----

export const EXPORT_FORMATS = ['csv', 'json', 'w3c', 'csl-json', 'ris'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  /** the current page, or a chosen set of pages: their addresses (fragments ignored) */
  z.strictObject({ kind: z.literal('pages'), urls: z.array(z.string().min(1)).min(1).max(10_000) }),
]);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

const DateBoundSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'a date written YYYY-MM-DD');

export const ExportFiltersSchema = z.strictObject({
  types: z.array(ReferenceTypeSchema).default([]),
  statuses: z.array(StatusFilterValueSchema).default([]),
  tags: z.array(TagSchema).default([]),
  /** inclusive, by day (`2018-01-01`) or instant */
  from: DateBoundSchema.optional(),
  /** inclusive, by day (`2018-12-31` takes in the whole day) or instant */
  to: DateBoundSchema.optional(),
});
export type ExportFilters = z.infer<typeof ExportFiltersSchema>;

export const ExportRequestSchema = z.strictObject({
  scope: ExportScopeSchema,
  filters: ExportFiltersSchema.default({ types: [], statuses: [], tags: [] }),
  format: ExportFormatSchema,
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;
export type ExportRequestInput = z.input<typeof ExportRequestSchema>;

/** The JSON export, and the file an import reads back. */
export const ANNOTATIONS_FORMAT = 'eurefs-annotations';
export const ANNOTATIONS_FORMAT_VERSION = 1;

export const AnnotationsFileSchema = z.strictObject({
  format: z.literal(ANNOTATIONS_FORMAT),
  version: z.literal(ANNOTATIONS_FORMAT_VERSION),
  exportedAt: IsoDateTimeSchema,
  filters: ExportFiltersSchema.optional(),
  scope: ExportScopeSchema.optional(),
  notes: z.array(NoteSchema),
  visits: z.array(VisitSchema),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFileSchema>;

/** What the reference-manager exports know of a document beyond the history (from the dataset). */
export interface DocumentInfo {
  title?: string | null;
  date?: string | undefined;
  celex?: string | undefined;
  url?: string | undefined;
  kind?: string | undefined;
  procedure?: string | undefined;
}
