/**
 * The lines between the three scripts Eurefs puts in a page. The lookout (the content script,
 * always there: in-page/lookout) only looks for text that could hold a reference; the page scanner
 * (in-page/scanner, injected by the background when the lookout finds some, or a content script of
 * its own on EUR-Lex document pages) finds, marks and lists references; the popover's script
 * (in-page/popover, injected on the reader's first hover or focus of a reference) shows them. All
 * three run in the extension's isolated world of the page, so they meet on its global object,
 * under a symbol the page's own scripts cannot see.
 */
import type { Reference } from '../references';

/** The custom element that hosts the popover's shadow root; the scan never enters it. */
export const POPOVER_HOST = 'eurefs-popover';

/** What the page scanner offers the popover. */
export interface PageCore {
  referenceOf(mark: HTMLElement): Reference | undefined;
  /** false for references the reader chose not to see (untracked, with the setting on) */
  isShown(reference: Reference): boolean;
  /** aborted when the extension is reloaded or switched off for the site: the popover goes too */
  readonly signal: AbortSignal;
  /** set by the popover's script once it is mounted */
  ui?: PopoverUi;
}

/** What the popover's script offers back. */
export interface PopoverUi {
  /** the pointer came to rest on `mark` at `since` (performance.now()): open after the usual pause */
  hover(mark: HTMLElement, since: number): void;
  /** `mark` has keyboard focus: open now */
  focus(mark: HTMLElement): void;
}

/**
 * What the lookout (on every page) or the document scanner's entry hands the page scanner: the
 * scanner starts from it, whichever way it came in.
 */
export interface SentinelOffer {
  /** when the first of Eurefs' scripts began to run in the page (the benchmark reads it) */
  readonly loadedAt: number;
  /** aborted when the extension is reloaded or updated */
  readonly signal: AbortSignal;
  /** set by the page scanner when it starts in this page: it is there, and comes in only once */
  scannerStarted?: boolean;
}

const SENTINEL_KEY = Symbol.for('eurefs.sentinel');

export function publishSentinel(offer: SentinelOffer): void {
  (globalThis as Record<symbol, unknown>)[SENTINEL_KEY] = offer;
}

export function publishedSentinel(): SentinelOffer | undefined {
  return (globalThis as Record<symbol, unknown>)[SENTINEL_KEY] as SentinelOffer | undefined;
}

const CORE_KEY = Symbol.for('eurefs.page-core');

export function publishCore(core: PageCore): void {
  (globalThis as Record<symbol, unknown>)[CORE_KEY] = core;
}

export function publishedCore(): PageCore | undefined {
  return (globalThis as Record<symbol, unknown>)[CORE_KEY] as PageCore | undefined;
}
