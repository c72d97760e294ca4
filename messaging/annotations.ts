/**
 * Annotation messages to the background (from the content script's note editor and from the
 * options page), parsed with these schemas on arrival, and the schemas of their answers, parsed
 * by the client. Separate from `messaging/to-background.ts` so the dataset's protocol stays as it is:
 * the background tries this union after `ToBackgroundSchema` fails.
 */
import { z } from 'zod';
import {
  ExportRequestSchema,
  HistorySettingsSchema,
  NoteInputSchema,
  NoteSchema,
  VisitReferenceSchema,
  VisitSchema,
} from '../storage/annotations/schema';

export const MAX_PAGE = 500;

export const AnnotationMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('notes:save'), note: NoteInputSchema }),
  z.strictObject({ type: z.literal('notes:delete'), id: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('notes:list-for-document'), documentId: z.string().min(1).max(200) }),
  z.strictObject({
    type: z.literal('notes:search'),
    query: z.string().max(500).default(''),
    tag: z.string().max(100).optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(MAX_PAGE).default(50),
  }),
  z.strictObject({
    type: z.literal('history:record-visit'),
    url: z.string().min(1).max(4_000),
    title: z.string().max(2_000),
    references: z.array(VisitReferenceSchema).max(10_000),
  }),
  z.strictObject({
    type: z.literal('history:list'),
    query: z.string().max(500).default(''),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(MAX_PAGE).default(50),
  }),
  /** clears the whole history, or one site's */
  z.strictObject({ type: z.literal('history:clear'), host: z.string().max(300).optional() }),
  z.strictObject({ type: z.literal('history:get-settings') }),
  z.strictObject({ type: z.literal('history:set-site'), host: z.string().min(1).max(300), enabled: z.boolean() }),
  /** small exports (the current page); large ones are built on the options page itself */
  z.strictObject({ type: z.literal('annotations:export'), request: ExportRequestSchema }),
  z.strictObject({ type: z.literal('annotations:import'), text: z.string().max(50_000_000) }),
]);
export type AnnotationMessage = z.infer<typeof AnnotationMessageSchema>;
export type AnnotationMessageInput = z.input<typeof AnnotationMessageSchema>;

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
export const ImportResponseSchema = z.strictObject({
  format: z.enum(['eurefs-annotations', 'w3c']),
  notesAdded: z.number().int(),
  notesUpdated: z.number().int(),
  notesUnchanged: z.number().int(),
  visitsAdded: z.number().int(),
  visitsUnchanged: z.number().int(),
  skipped: z.number().int(),
});

/** The answer schema of each message type. */
export const ANSWERS = {
  'notes:save': NoteSchema,
  'notes:delete': DeleteResponseSchema,
  'notes:list-for-document': NoteListResponseSchema,
  'notes:search': NoteSearchResponseSchema,
  'history:record-visit': RecordVisitResponseSchema,
  'history:list': HistoryListResponseSchema,
  'history:clear': DeleteResponseSchema,
  'history:get-settings': HistorySettingsResponseSchema,
  'history:set-site': HistorySettingsResponseSchema,
  'annotations:export': ExportResponseSchema,
  'annotations:import': ImportResponseSchema,
} as const satisfies Record<AnnotationMessage['type'], z.ZodType>;
export type AnswerOf<T extends AnnotationMessage['type']> = z.infer<(typeof ANSWERS)[T]>;
