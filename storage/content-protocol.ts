/**
 * The messages the content script itself parses: what the popup asks of a page, and the
 * background's answers to the page's batched lookup and to its request for the popover.
 * Written with `zod/mini` (a few kilobytes) rather than full zod: the content script runs on every
 * page, and must cost a page with no references almost nothing (issue #8). The popover, loaded on
 * first use, parses the full documents with the full schemas of storage/protocol.ts.
 */
import * as z from 'zod/mini';
import { STAGES } from './stages';

export const ToContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('list-references') }),
  z.strictObject({ type: z.literal('reveal'), id: z.string() }),
]);
export type ToContent = z.infer<typeof ToContentSchema>;

/** What a page needs of each id to mark it and list it: its stage and title, or null if untracked. */
export const DocumentSummarySchema = z.strictObject({
  stage: z.nullable(z.enum(STAGES)),
  title: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const SummaryResponseSchema = z.strictObject({
  datasetVersion: z.string(),
  /** one entry per requested id; null where the dataset does not track it */
  documents: z.record(z.string(), z.nullable(DocumentSummarySchema)),
});
export type SummaryResponse = z.infer<typeof SummaryResponseSchema>;

/** The background's answer to `load-ui`: whether the popover's script is now in the page. */
export const LoadUiResponseSchema = z.strictObject({ loaded: z.boolean(), error: z.optional(z.string()) });
export type LoadUiResponse = z.infer<typeof LoadUiResponseSchema>;
