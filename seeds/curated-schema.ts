/**
 * The shape of `seeds/curated.json`: what needs a reader's judgement (titles, kinds, aliases,
 * links between proposals and acts, dated events with their sources). The builder merges it on
 * top of what it derives mechanically from the progress reports.
 */
import { z } from 'zod';
import { DocumentSchema, ReportSchema } from '../storage/dataset/schema';

export const CuratedReportSchema = ReportSchema;

/**
 * A curator's answer to "a later report mentions this document, but its latest event is older":
 * they read what that report says and it gives no new stage. The build asks for one (or a new
 * event) whenever a document's events lag behind the reports that mention it.
 */
export const StatusCheckedSchema = z.strictObject({
  report: z.string().min(1).describe('the report whose mentions the curator read'),
  note: z.string().min(1).max(500).describe('why it gives no new stage, in a sentence'),
});

export const CuratedDocumentSchema = DocumentSchema.partial()
  .required({
    id: true,
    type: true,
    kind: true,
    title: true,
  })
  .extend({ statusChecked: z.array(StatusCheckedSchema).optional() });

export const CuratedSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.string().min(1),
  reports: z.array(CuratedReportSchema).min(1),
  documents: z.array(CuratedDocumentSchema),
});

export type Curated = z.infer<typeof CuratedSchema>;
export type CuratedDocument = z.infer<typeof CuratedDocumentSchema>;
