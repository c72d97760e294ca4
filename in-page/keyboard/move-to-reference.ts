/**
 * The shortcuts' work in the page (the background turns the browser's `commands` into the
 * `move-to-reference` message): from where the reader is, go to the next or previous reference,
 * focus it, open its popover and say where focus went. Marks are out of the Tab order unless the
 * reader put them in (storage/settings.ts), so this, and the toolbar list, are how a keyboard
 * reader reaches them without 349 Tab stops on the AI Act proposal.
 *
 * Only the extension sends the message (a page's script cannot reach the extension's messages),
 * so it is the reader's own intent, as a trusted key press would be.
 */
import { MARK_ATTRIBUTE } from '../marks/text-blocks';
import type { Reference } from '../../references';
import { mergeInPageOrder, pickReference, type Direction } from './next-reference';
import { readingPosition } from './reading-position';
import type { Announcer } from './announcer';
import type { DocumentSummary } from '../../messaging/page-to-background';
import type { Translator } from '../../i18n/translate';
import { stageWords } from '../../components/labels';

/** Each reference's first mark: the one that takes focus (mark.ts). */
const FOCUS_MARKS = `[${MARK_ATTRIBUTE}]:not([data-euref-part])`;

export interface NavigatorPage {
  referenceOf(mark: HTMLElement): Reference | undefined;
  /** false for references the reader chose not to see */
  isShown(reference: Reference): boolean;
  /** what the page's lookup said of it: undefined while unknown, null when the dataset does not track it */
  summaryOf(reference: Reference): DocumentSummary | null | undefined;
  /** the reference's label, as the popup's list shows it */
  labelOf(reference: Reference): string;
  /** opens the popover on `mark`, which has focus, bringing the popover's script in if need be */
  openPopover(mark: HTMLElement): void;
  isOwnHost(element: Element): boolean;
  /**
   * The references found and not marked yet (marked only near the window), in page order: where
   * each starts, and how to mark it now.
   */
  waiting?(): readonly { anchor: Node; reference: Reference; markNow(): HTMLElement | undefined }[];
}

export interface Moved {
  moved: boolean;
  id?: string;
}

/** What the popover's header shows, in the reader's words: the status, then the title (the dataset's own text). */
export function describeSummary(words: Translator, summary: DocumentSummary | null | undefined): string {
  if (summary === undefined) return '';
  if (summary === null) return `${words.t('popoverUntrackedTitle')}.`;
  const stage = summary.stage === null ? words.t('popoverNoDatedEvents') : stageWords(words, summary.stage);
  return `${stage.charAt(0).toLocaleUpperCase(words.language)}${stage.slice(1)}. ${summary.title}`;
}

export class ReferenceNavigator {
  /** The reference the reader last moved to or focused: where they are while in its popover. */
  private last: HTMLElement | null = null;

  constructor(
    private readonly page: NavigatorPage,
    private readonly announcer: Announcer,
    /** the reader's words, asked for on the first move (in-page/popover/words.ts), not as the page loads */
    private readonly words: () => Promise<Translator>,
    signal: AbortSignal,
  ) {
    document.addEventListener(
      'focusin',
      (event) => {
        const mark = event.target instanceof Element ? event.target.closest<HTMLElement>(`[${MARK_ATTRIBUTE}]`) : null;
        if (mark && this.page.referenceOf(mark)) this.last = mark;
      },
      { capture: true, signal },
    );
  }

  move(direction: Direction): Moved {
    // Only the scanner's own marks: a page can put data-euref on anything.
    const marked = [...document.querySelectorAll<HTMLElement>(FOCUS_MARKS)].filter((mark) => {
      const reference = this.page.referenceOf(mark);
      return reference !== undefined && this.page.isShown(reference);
    });
    type Stop = { node: Node; markNow?: () => HTMLElement | undefined };
    const unmarked: Stop[] = [];
    for (const entry of this.page.waiting?.() ?? []) {
      if (this.page.isShown(entry.reference)) unmarked.push({ node: entry.anchor, markNow: () => entry.markNow() });
    }
    const stops = mergeInPageOrder<Stop>(
      marked.map((node) => ({ node })),
      unmarked,
      (stop) => stop.node,
    );
    const position = readingPosition(document, { isOwnHost: (element) => this.page.isOwnHost(element), lastMark: () => this.last });
    const picked = pickReference(stops, position, direction, { nodeOf: (stop) => stop.node });
    // Not marked yet: marked now, with the rest of its block.
    const mark = picked && (picked.mark.markNow ? picked.mark.markNow() : (picked.mark.node as HTMLElement));
    const reference = mark && this.page.referenceOf(mark);
    if (!picked || !mark || !reference) {
      this.announce((words) => words.t('listNoReferences'));
      return { moved: false };
    }
    const { index, wrapped } = picked;
    this.last = mark;
    const rect = mark.getBoundingClientRect();
    // At once, not smoothly: the popover closes on a reference still out of view as it opens.
    if (rect.top < 0 || rect.bottom > window.innerHeight) mark.scrollIntoView({ block: 'center', behavior: 'instant' });
    mark.focus({ preventScroll: true });
    this.page.openPopover(mark);
    const summary = this.page.summaryOf(reference);
    const label = this.page.labelOf(reference);
    this.announce((words) => {
      const round = wrapped ? `${words.t(direction === 'next' ? 'keyboardBackToFirst' : 'keyboardBackToLast')} ` : '';
      const details = describeSummary(words, summary);
      return `${round}${words.t('keyboardPosition', label, index + 1, stops.length)}${details ? `. ${details}` : ''}`;
    });
    return { moved: true, id: reference.id };
  }

  /** Says it once the reader's words are in: at the first move, a round trip to the background. */
  private announce(text: (words: Translator) => string): void {
    void this.words().then((words) => this.announcer.say(text(words)));
  }
}
