/**
 * The messages the page scripts send the background whose answers a page parses: the lookout's
 * and the popup's call for the page scanner, the scanner's call for the popover, and the
 * scanner's batched lookup. Written with `zod/mini` (a few kilobytes) rather than full zod: the
 * page scanner runs on every page with a reference, and full zod alone cost every page tens of
 * milliseconds to load (issue #8). Part of the direction to the background (to-background.ts).
 */
import * as z from 'zod/mini';
import { lazily } from './lazily';
import { MAX_IDS_PER_LOOKUP } from './limits';
import { STAGES } from '../storage/dataset/stages';

/** The background's answer to a call for a script: whether it is now in the page. */
const loadResponse = () => z.strictObject({ loaded: z.boolean(), error: z.optional(z.string()) });

const ids = () => z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(MAX_IDS_PER_LOOKUP));

// Built on first use: a page without references never parses a summary or a popover answer.
export const pageToBackground = lazily(() => ({
  /**
   * The page scanner is wanted in a page: the lookout saw text that could hold a reference, or
   * the popup (naming the tab) has a question for a page whose scanner is not there yet.
   */
  'load-scanner': {
    request: z.strictObject({ type: z.literal('load-scanner'), tabId: z.optional(z.number().check(z.int(), z.nonnegative())) }),
    answer: loadResponse(),
  },
  /** A page asks for its popover's script, on the reader's first hover or focus of a reference. */
  'load-ui': {
    request: z.strictObject({ type: z.literal('load-ui') }),
    answer: loadResponse(),
  },
  /**
   * The reader clicked "Read it in the report" in a popover: the background opens the report page
   * (an extension page, which a web page cannot open itself) at those words, in a new tab. It
   * builds the address itself from the report's id and the quote; the page names no address.
   */
  'open-report': {
    request: z.strictObject({
      type: z.literal('open-report'),
      report: z.string().check(z.minLength(1), z.maxLength(40)),
      quote: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
      footnote: z.optional(z.number().check(z.int(), z.positive())),
    }),
    answer: z.strictObject({ opened: z.boolean() }),
  },
  /** A page's batched lookup: only what marking and the page's list need of each id. */
  'lookup-summary': {
    request: z.strictObject({ type: z.literal('lookup-summary'), ids: ids() }),
    answer: z.strictObject({
      datasetVersion: z.string(),
      /** one entry per requested id; null where the dataset does not track it */
      documents: z.record(z.string(), z.nullable(z.strictObject({ stage: z.nullable(z.enum(STAGES)), title: z.string() }))),
    }),
  },
}));
export type PageToBackground = ReturnType<typeof pageToBackground>;

export type LoadResponse = z.infer<PageToBackground['load-ui']['answer']>;
export type SummaryResponse = z.infer<PageToBackground['lookup-summary']['answer']>;
export type DocumentSummary = NonNullable<SummaryResponse['documents'][string]>;
