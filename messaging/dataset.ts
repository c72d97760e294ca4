/**
 * The dataset's messages to the background: whole documents for the popover and the options
 * page, and the dataset's figures. Part of the direction to the background (to-background.ts);
 * a module of their own so the popover, which looks documents up, carries no other schemas.
 */
import { z } from 'zod';
import { ReferenceTypeSchema, StageSchema } from '../storage/dataset/enums';
import { DocumentOutsideSchema } from '../storage/dataset/schema';
import { MAX_IDS_PER_LOOKUP } from './limits';

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
    /** the report's own words that state the fact, and the footnote that holds its date */
    quote: z.string().optional(),
    footnote: z.number().int().positive().optional(),
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
  /** the facts above that rest on something other than the reports, and on what */
  outside: DocumentOutsideSchema.optional(),
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

export const dataset = {
  lookup: {
    request: z.strictObject({ type: z.literal('lookup'), ids: z.array(z.string().min(1).max(200)).max(MAX_IDS_PER_LOOKUP) }),
    answer: LookupResponseSchema,
  },
  stats: { request: z.strictObject({ type: z.literal('stats') }), answer: StatsResponseSchema },
};
export type Dataset = typeof dataset;
