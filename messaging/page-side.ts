/**
 * The messages the content script itself parses: what the popup asks of a page, and the
 * background's answers to the page's batched lookup and to its request for the popover.
 * Written with `zod/mini` (a few kilobytes) rather than full zod: the content script runs on every
 * page, and must cost a page with no references almost nothing (issue #8). The popover, loaded on
 * first use, parses the full documents with the full schemas of messaging/to-background.ts.
 */
import * as z from 'zod/mini';
import { lazily } from './lazily';
import { STAGES } from '../storage/dataset/stages';

// Each schema is built on first use: a page without references never parses a summary, a popup
// question or a popover answer.

const toContent = () =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('list-references') }),
    z.strictObject({ type: z.literal('reveal'), id: z.string() }),
  ]);
export const toContentSchema = lazily(toContent);
export type ToContent = z.infer<ReturnType<typeof toContent>>;

/** What a page needs of each id to mark it and list it: its stage and title, or null if untracked. */
const summaryResponse = () =>
  z.strictObject({
    datasetVersion: z.string(),
    /** one entry per requested id; null where the dataset does not track it */
    documents: z.record(
      z.string(),
      z.nullable(
        z.strictObject({
          stage: z.nullable(z.enum(STAGES)),
          title: z.string(),
        }),
      ),
    ),
  });
export const summaryResponseSchema = lazily(summaryResponse);
export type SummaryResponse = z.infer<ReturnType<typeof summaryResponse>>;
export type DocumentSummary = NonNullable<SummaryResponse['documents'][string]>;

/** The background's answer to `load-ui`: whether the popover's script is now in the page. */
const loadUiResponse = () => z.strictObject({ loaded: z.boolean(), error: z.optional(z.string()) });
export const loadUiResponseSchema = lazily(loadUiResponse);
export type LoadUiResponse = z.infer<ReturnType<typeof loadUiResponse>>;
