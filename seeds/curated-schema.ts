/**
 * The shape of `seeds/curated.json`: what needs a reader's judgement (titles, kinds, aliases,
 * links between proposals and acts, dated events with their sources). The builder merges it on
 * top of what it derives mechanically from the progress reports.
 */
import { z } from 'zod';
import { DocumentSchema, ReportSchema } from '../storage/dataset/schema';

export const CuratedReportSchema = ReportSchema;

export const CuratedDocumentSchema = DocumentSchema.partial().required({
  id: true,
  type: true,
  kind: true,
  title: true,
});

export const CuratedSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.string().min(1),
  reports: z.array(CuratedReportSchema).min(1),
  documents: z.array(CuratedDocumentSchema),
});

export type Curated = z.infer<typeof CuratedSchema>;
export type CuratedDocument = z.infer<typeof CuratedDocumentSchema>;
