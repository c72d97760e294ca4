/**
 * The messages between the options page and its import engine (entrypoints/options/import/import-engine.ts,
 * in a Web Worker or on the page): the page's requests, parsed by the worker on arrival, and the
 * engine's events, parsed by the page. Every type here is inferred from its schema.
 */
import { z } from 'zod';
import { ReportSchema, StageSchema } from '../storage/dataset/schema';
import { PHASES } from '../storage/import/pipeline';
import { phraseSchemas } from '../i18n/phrase';

const ModeSchema = z.enum(['merge', 'replace']);
const PhaseSchema = z.enum(PHASES);

const SourceSchema = z.strictObject({
  kind: z.enum(['file', 'address', 'schedule']),
  name: z.string(),
  url: z.string().optional(),
});

const { said: SaidSchema, phrase: PhraseSchema } = phraseSchemas();

const ProblemSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  place: SaidSchema,
  subject: z.optional(SaidSchema),
  field: z.string().optional(),
  message: PhraseSchema,
});

const count = z.number().int().nonnegative();

const PreparedSummarySchema = z.strictObject({
  name: z.string(),
  source: SourceSchema,
  format: z.enum(['json', 'csv']).nullable(),
  hash: z.string(),
  bytes: count,
  version: z.string().nullable(),
  documents: count,
  reports: count,
  errors: z.array(ProblemSchema),
  warnings: z.array(ProblemSchema),
  errorCount: count,
  warningCount: count,
  timings: z.record(z.string(), z.number()),
});

const listed = z.strictObject({ id: z.string(), title: z.string() });

const PreviewSchema = z.strictObject({
  mode: ModeSchema,
  version: z.string(),
  counts: z.strictObject({
    added: count,
    changed: count,
    removed: count,
    unchanged: count,
    statusChanges: count,
    documentsAfter: count,
    eventsAfter: count,
    reportsAdded: count,
    reportsChanged: count,
    reportsRemoved: count,
  }),
  added: z.array(listed),
  changed: z.array(z.strictObject({ id: z.string(), title: z.string(), fields: z.array(z.string()) })),
  removed: z.array(listed),
  statusChanges: z.array(
    z.strictObject({ id: z.string(), title: z.string(), from: StageSchema.nullable(), to: StageSchema.nullable(), text: z.string(), backwards: z.boolean(), removed: z.boolean() }),
  ),
});

const EntrySchema = z.strictObject({
  seq: z.number().int().optional(),
  at: z.string(),
  source: SourceSchema,
  format: z.enum(['json', 'csv']),
  hash: z.string(),
  bytes: count,
  version: z.string(),
  mode: ModeSchema,
  counts: z.strictObject({ added: count, changed: count, removed: count, documents: count, events: count, reports: count }),
  before: z.strictObject({ version: z.string().nullable(), hidesBundled: z.boolean(), events: count, reports: z.array(ReportSchema) }),
  undone: z.strictObject({ at: z.string(), by: z.enum(['undo', 'rollback', 'reset']) }).optional(),
});

const id = z.number().int().positive();

export const EngineRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prepare'),
    id,
    bytes: z.instanceof(ArrayBuffer),
    name: z.string(),
    contentType: z.string(),
    source: SourceSchema,
    mode: ModeSchema,
  }),
  z.strictObject({ type: z.literal('fetch'), id, url: z.string(), mode: ModeSchema }),
  z.strictObject({ type: z.literal('preview'), id, mode: ModeSchema }),
  z.strictObject({ type: z.literal('apply'), id, mode: ModeSchema }),
  z.strictObject({ type: z.literal('discard'), id }),
  /** stops the request in progress, if there is one; it answers 'cancelled' (or 'applied', when too late) */
  z.strictObject({ type: z.literal('cancel'), id }),
]);

export const EngineEventSchema = z.discriminatedUnion('type', [
  /** `received`: bytes read from an address so far, while reading one */
  z.strictObject({ type: z.literal('progress'), id, phase: PhaseSchema, share: z.number().min(0).max(1), received: count.optional() }),
  z.strictObject({ type: z.literal('prepared'), id, summary: PreparedSummarySchema, preview: PreviewSchema.nullable() }),
  z.strictObject({ type: z.literal('preview'), id, preview: PreviewSchema }),
  /** `tooLateToCancel`: Cancel came while the transaction was committing; the import is in */
  z.strictObject({ type: z.literal('applied'), id, entry: EntrySchema, ms: z.number(), tooLateToCancel: z.boolean().optional() }),
  z.strictObject({ type: z.literal('cancelled'), id }),
  z.strictObject({ type: z.literal('failed'), id, message: SaidSchema, conflict: z.boolean().optional() }),
  z.strictObject({ type: z.literal('done'), id }),
]);

export type EngineRequest = z.infer<typeof EngineRequestSchema>;
export type EngineEvent = z.infer<typeof EngineEventSchema>;
export type PreparedSummary = z.infer<typeof PreparedSummarySchema>;

/** The worker's side of the channel: its global scope, as the worker sees it. */
export interface EngineScope {
  postMessage(event: EngineEvent): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

/** Sends the worker a request; `transfer` hands it buffers without a copy. */
export function postToEngine(worker: Worker, request: EngineRequest, transfer: Transferable[] = []): void {
  worker.postMessage(request, transfer);
}

/** Sends the page one of the engine's events. */
export function postToPage(scope: EngineScope, event: EngineEvent): void {
  scope.postMessage(event);
}
