/**
 * The messages between the options page's "Draft from a report" section and its drafting engine
 * (entrypoints/options/draft/draft-engine.ts, in a Web Worker or on the page): the page's
 * requests, parsed by the worker on arrival, and the engine's answers, parsed by the page.
 * The proposals cross in both directions (drafted one way, reviewed and edited the other), so
 * their schema lives here, beside the drafter's types it must keep matching (checked below).
 */
import { z } from 'zod';
import type { Proposal } from '../drafter/draft';
import { DocumentSchema, EventSchema, ReportSchema, StageSchema } from '../storage/dataset/schema';
import type { SkippedProposal } from '../entrypoints/options/draft/accepted-dataset';

const EvidenceSchema = z.strictObject({
  report: z.string(),
  section: z.string(),
  quote: z.string(),
  context: z.string(),
  footnote: z.number().int().positive().optional(),
});

const confidence = z.number().min(0).max(1);

export const ProposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('event'),
    document: z.string().min(1),
    event: EventSchema,
    confidence,
    tie: z.enum(['reference', 'footnote', 'alias', 'title', 'date-after']),
    evidence: EvidenceSchema,
  }),
  z.strictObject({ kind: z.literal('document'), document: DocumentSchema, confidence, evidence: EvidenceSchema }),
  z.strictObject({ kind: z.literal('link'), proposal: z.string().min(1), act: z.string().min(1), confidence, evidence: EvidenceSchema }),
]);

/** What the page knows of a report file before drafting: what its text says of itself, or the base. */
const ReportFileIdentitySchema = z.strictObject({
  name: z.string(),
  format: z.enum(['pdf', 'word', 'markdown', 'html']),
  blocks: z.number().int().nonnegative(),
  ordinal: z.number().int().positive().nullable(),
  id: z.string().optional(),
  date: z.string().optional(),
  /** where the id and date shown come from: the report's own text, another report's, the dataset in the browser */
  from: z.enum(['text', 'other-report', 'dataset', 'nowhere']),
});

const id = z.number().int().positive();
const FileSchema = z.strictObject({ name: z.string(), raw: z.string() });

export const DraftRequestSchema = z.discriminatedUnion('type', [
  /** read the files: their shape and what they say of themselves */
  z.strictObject({ type: z.literal('read'), id, files: z.array(FileSchema) }),
  /** draft them against the dataset in the browser; `id`/`date` per file where its text does not print them */
  z.strictObject({
    type: z.literal('draft'),
    id,
    files: z.array(z.strictObject({ name: z.string(), raw: z.string(), reportId: z.string().optional(), date: z.string().optional() })),
  }),
  /** the import file: the base plus these (accepted, maybe edited) proposals of the last draft */
  z.strictObject({ type: z.literal('build'), id, accepted: z.array(ProposalSchema) }),
]);

/** An accepted proposal the import file leaves out, as facts: the page words them in the reader's language. */
const SkippedSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), document: z.string(), stage: StageSchema, date: z.string() }),
  z.strictObject({ kind: z.literal('link'), proposal: z.string(), act: z.string() }),
]);

export const DraftAnswerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('read'), id, files: z.array(ReportFileIdentitySchema) }),
  z.strictObject({
    type: z.literal('drafted'),
    id,
    reports: z.array(ReportSchema),
    proposals: z.array(ProposalSchema),
    /** documents the base holds: the ids an edit may name */
    known: z.array(z.strictObject({ id: z.string(), title: z.string() })),
    /** how long draftUpdate took, where it ran */
    ms: z.number().nonnegative(),
  }),
  z.strictObject({ type: z.literal('built'), id, json: z.string(), name: z.string(), skipped: z.array(SkippedSchema) }),
  z.strictObject({ type: z.literal('failed'), id, message: z.string() }),
  /** a request that cannot be answered for a reason the page words in the reader's language */
  z.strictObject({ type: z.literal('unavailable'), id, reason: z.enum(['no-draft', 'worker-stopped']) }),
]);

export type DraftRequest = z.infer<typeof DraftRequestSchema>;
export type DraftAnswer = z.infer<typeof DraftAnswerSchema>;
export type ReportFileIdentity = z.infer<typeof ReportFileIdentitySchema>;
export type WireProposal = z.infer<typeof ProposalSchema>;

// The schema and the drafter's types must stay one shape: each is assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proposalsMatch: Same<WireProposal, Proposal> = true;
void proposalsMatch;
const skippedMatch: Same<z.infer<typeof SkippedSchema>, SkippedProposal> = true;
void skippedMatch;

/** The worker's side of the channel: its global scope, as the worker sees it. */
export interface DraftScope {
  postMessage(answer: DraftAnswer): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

export function postToDrafter(worker: Worker, request: DraftRequest): void {
  worker.postMessage(request);
}

export function postDraftAnswer(scope: DraftScope, answer: DraftAnswer): void {
  scope.postMessage(answer);
}
