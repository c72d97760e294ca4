/**
 * The reader's notes and history, asked of the background: from the Notes frame and the options
 * page, and a page's visit from the page scanner. Part of the direction to the background
 * (to-background.ts), apart from the dataset's messages so a page script that looks up documents
 * does not carry these schemas. Who may ask is the background's sender gate.
 */
import { z } from 'zod';
import type { Message } from './exchange';
import {
  ExportRequestSchema,
  HistorySettingsSchema,
  NoteInputSchema,
  NoteSchema,
  VisitReferenceSchema,
  VisitSchema,
} from '../storage/annotations/schema';

export const MAX_PAGE = 500;

export const NoteListResponseSchema = z.strictObject({ notes: z.array(NoteSchema) });
export const NoteSearchResponseSchema = z.strictObject({
  total: z.number().int(),
  notes: z.array(NoteSchema),
  /** every tag in use, for the filters */
  tags: z.array(z.string()),
});
export type NoteSearchResponse = z.infer<typeof NoteSearchResponseSchema>;
export const DeleteResponseSchema = z.strictObject({ deleted: z.number().int() });
export const RecordVisitResponseSchema = z.strictObject({ recorded: z.boolean(), id: z.string().nullable() });
export const HistoryListResponseSchema = z.strictObject({
  total: z.number().int(),
  visits: z.array(VisitSchema),
});
export type HistoryListResponse = z.infer<typeof HistoryListResponseSchema>;
export const HistorySettingsResponseSchema = z.strictObject({
  settings: HistorySettingsSchema,
  /** every site seen in the history or switched, with whether it is recorded */
  sites: z.array(z.strictObject({ host: z.string(), enabled: z.boolean() })),
});
export type HistorySettingsResponse = z.infer<typeof HistorySettingsResponseSchema>;
export const ExportResponseSchema = z.strictObject({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
  records: z.number().int(),
});
export type ExportResponse = z.infer<typeof ExportResponseSchema>;

/** A search's or a list's window on its results. */
const page = {
  query: z.string().max(500).default(''),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(MAX_PAGE).default(50),
};

export const annotations = {
  'notes:save': { request: z.strictObject({ type: z.literal('notes:save'), note: NoteInputSchema }), answer: NoteSchema },
  'notes:delete': { request: z.strictObject({ type: z.literal('notes:delete'), id: z.string().min(1).max(200) }), answer: DeleteResponseSchema },
  'notes:list-for-document': {
    request: z.strictObject({ type: z.literal('notes:list-for-document'), documentId: z.string().min(1).max(200) }),
    answer: NoteListResponseSchema,
  },
  'notes:search': {
    request: z.strictObject({ type: z.literal('notes:search'), ...page, tag: z.string().max(100).optional() }),
    answer: NoteSearchResponseSchema,
  },
  /** sent by the page scanner, which does not read the answer */
  'history:record-visit': {
    request: z.strictObject({
      type: z.literal('history:record-visit'),
      url: z.string().min(1).max(4_000),
      title: z.string().max(2_000),
      references: z.array(VisitReferenceSchema).max(10_000),
      /** the document the page itself is (in-page/scanner/this-page.ts) */
      documentId: z.string().min(1).max(200).optional(),
    }),
    answer: RecordVisitResponseSchema,
  },
  'history:list': { request: z.strictObject({ type: z.literal('history:list'), ...page }), answer: HistoryListResponseSchema },
  /** clears the whole history, or one site's */
  'history:clear': { request: z.strictObject({ type: z.literal('history:clear'), host: z.string().max(300).optional() }), answer: DeleteResponseSchema },
  'history:get-settings': { request: z.strictObject({ type: z.literal('history:get-settings') }), answer: HistorySettingsResponseSchema },
  'history:set-site': {
    request: z.strictObject({ type: z.literal('history:set-site'), host: z.string().min(1).max(300), enabled: z.boolean() }),
    answer: HistorySettingsResponseSchema,
  },
  /** a small export (the current page's); large ones are built on the options page itself */
  'annotations:export': { request: z.strictObject({ type: z.literal('annotations:export'), request: ExportRequestSchema }), answer: ExportResponseSchema },
};
export type Annotations = typeof annotations;
export type AnnotationMessage = Message<Annotations>;
export type AnnotationType = keyof Annotations;
export type AnswerOf<T extends AnnotationType> = z.infer<Annotations[T]['answer']>;
