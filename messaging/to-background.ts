/**
 * Messages between the content script, the extension pages and the background. Every message is
 * parsed with these schemas on arrival: a message is input that crosses a boundary, and a
 * content script can be talked to by anything that can reach `runtime.sendMessage`.
 * Named by direction, as Dark Reader does: ToBackground, ToContent.
 */
import { z } from 'zod';
import { ReferenceTypeSchema, StageSchema } from '../storage/dataset/enums';
import { MAX_IDS_PER_LOOKUP } from './limits';

export { MAX_IDS_PER_LOOKUP };

export const LookupRequestSchema = z.strictObject({
  type: z.literal('lookup'),
  ids: z.array(z.string().min(1).max(200)).max(MAX_IDS_PER_LOOKUP),
});

export const StatsRequestSchema = z.strictObject({ type: z.literal('stats') });

/** A page's batched lookup: only stage and title per id (content-protocol.ts SummaryResponse). */
export const SummaryRequestSchema = z.strictObject({
  type: z.literal('lookup-summary'),
  ids: z.array(z.string().min(1).max(200)).max(MAX_IDS_PER_LOOKUP),
});

/** A page asks for its popover's script, on the reader's first hover or focus of a reference. */
export const LoadUiRequestSchema = z.strictObject({ type: z.literal('load-ui') });

/**
 * The page scanner is wanted in a page: its content script saw text that could hold a reference,
 * or the popup (naming the tab) has a question for a page whose scanner is not there yet.
 */
export const LoadScannerRequestSchema = z.strictObject({
  type: z.literal('load-scanner'),
  tabId: z.optional(z.number().int().nonnegative()),
});

export const ToBackgroundSchema = z.discriminatedUnion('type', [
  LookupRequestSchema,
  StatsRequestSchema,
  SummaryRequestSchema,
  LoadUiRequestSchema,
  LoadScannerRequestSchema,
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

const TimelineEntrySchema = z.strictObject({
  date: z.string(),
  stage: StageSchema,
  institution: z.string(),
  label: z.string(),
  source: z.strictObject({
    report: z.string(),
    reportTitle: z.string().optional(),
    reportDate: z.string().optional(),
    section: z.string(),
  }),
});

/** What the popover needs of one tracked document: already joined and derived in the background. */
export const DocumentViewSchema = z.strictObject({
  id: z.string(),
  type: ReferenceTypeSchema,
  kind: z.string(),
  title: z.string(),
  date: z.string().optional(),
  celex: z.string().optional(),
  url: z.string().optional(),
  procedure: z.string().optional(),
  aliases: z.array(z.string()),
  status: z
    .strictObject({
      stage: StageSchema,
      since: z.string().optional(),
      asOfReport: z.string().optional(),
      asOfReportTitle: z.string().optional(),
      asOfDate: z.string().optional(),
    })
    .nullable(),
  timeline: z.array(TimelineEntrySchema),
  becameAct: z.string().optional(),
  fromProposal: z.string().optional(),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;

export const LookupResponseSchema = z.strictObject({
  datasetVersion: z.string(),
  /** one entry per requested id; null where the dataset does not track it */
  documents: z.record(z.string(), DocumentViewSchema.nullable()),
});
export type LookupResponse = z.infer<typeof LookupResponseSchema>;

export const StatsResponseSchema = z.strictObject({
  datasetVersion: z.string().nullable(),
  loadedAt: z.string().nullable(),
  documents: z.number().int(),
  events: z.number().int(),
  reports: z.array(z.strictObject({ id: z.string(), ordinal: z.number(), title: z.string(), date: z.string() })),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;

export const PageReferenceSchema = z.strictObject({
  id: z.string(),
  type: ReferenceTypeSchema,
  label: z.string(),
  count: z.number().int().positive(),
  stage: StageSchema.nullable(),
  title: z.string().nullable(),
});
export type PageReference = z.infer<typeof PageReferenceSchema>;

// What the popup asks of a page (ToContent) lives in content-protocol.ts, with zod/mini.
export type { ToContent } from './page-side';

export const PageReferencesResponseSchema = z.strictObject({
  url: z.string(),
  title: z.string(),
  references: z.array(PageReferenceSchema),
  /** parts of the page left unmarked because they kept undoing their marks (their references are listed) */
  stoppedParts: z.number().int().nonnegative().optional(),
});
export type PageReferencesResponse = z.infer<typeof PageReferencesResponseSchema>;
