/**
 * The page-facing side of the popover: which mark is open, hover intent, focus, Escape, scroll.
 * Components stay declarative; everything imperative about the page lives here (the Hypothesis
 * client keeps the same line between its annotator and its components). It acts on the reader's
 * own events only (`isTrusted`): a page's script can dispatch any event it likes on a mark.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { Popover } from './Popover';
import { formatCitation } from '../../components/citation';
import { quoteOf } from '../marks/quote';
import { referenceLabel } from '../../components/labels';
import { parseReference, type Reference } from '../../references';
import type { DocumentView } from '../../messaging/to-background';
import { MARK_ATTRIBUTE } from '../marks/text-blocks';
import { NOTES_FRAME_SELECTOR, NotesFrame, notesFrameMessage, notesFrameOrigin } from './notes-frame';
import type { ReportPassage } from './evidence';
import { I18nContext } from '../../components/i18n-context';
import type { Translator } from '../../i18n/translate';

/** Long enough that sweeping the pointer across a paragraph opens nothing. */
const OPEN_DELAY_MS = 300;
const FOCUSABLE = 'a[href], summary, button:not([disabled]), input, textarea, select';
const CLOSE_DELAY_MS = 250;

export interface PopoverSurface {
  host: HTMLElement;
  container: HTMLElement;
}

export interface PopoverData {
  referenceOf(mark: HTMLElement): Reference | undefined;
  /** undefined while unknown, null when the dataset does not track the id */
  documentOf(id: string): DocumentView | null | undefined;
  /** asks for documents not seen on the page yet (a proposal's act); resolves once known */
  resolve(ids: string[]): Promise<unknown>;
  /** false for references the reader chose not to see (untracked, with the setting on) */
  isShown(reference: Reference): boolean;
  /** true once the lookup of `id` got no answer, however often it was tried */
  unreachable(id: string): boolean;
  /** opens the report page at the words an event's source quotes, in a new tab */
  openReport(passage: ReportPassage): void;
  /** the popover's words in the reader's language, as they are now */
  words(): Translator;
}

function relatedUrl(id: string): string {
  return parseReference(id)?.url ?? `https://eur-lex.europa.eu/search.html?text=${encodeURIComponent(id)}`;
}

function relatedLabel(id: string): string {
  const parsed = parseReference(id);
  return parsed ? referenceLabel(parsed) : id;
}

/** The clipboard API where the page allows it, else the old copy command; both need a click. */
async function copyText(text: string, container: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    container.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export class PopoverController {
  /** the mark the popover points at, and the documents read from it (related ones on top) */
  private current: { mark: HTMLElement; reference: Reference; trail: Reference[] } | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private readonly layer: HTMLDivElement;

  constructor(
    private readonly surface: PopoverSurface,
    private readonly data: PopoverData,
  ) {
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.layer.hidden = true;
    surface.container.append(this.layer);
  }

  get openMark(): HTMLElement | null {
    return this.current?.mark ?? null;
  }

  attach(signal: AbortSignal): void {
    const options = { signal, capture: true } as const;
    const own = <E extends Event>(handle: (event: E) => void) => (event: E) => {
      if (event.isTrusted) handle(event);
    };
    document.addEventListener('mouseover', own((event) => this.onPointerOver(event)), options);
    document.addEventListener('mouseout', own((event) => this.onPointerOut(event)), options);
    document.addEventListener('focusin', own((event) => this.onFocusIn(event)), options);
    document.addEventListener('focusout', own((event) => this.onFocusOut(event)), options);
    document.addEventListener('keydown', own((event) => this.onKeyDown(event)), options);
    const frameOrigin = notesFrameOrigin();
    window.addEventListener('message', (event) => this.onFrameMessage(event, frameOrigin), { signal });
    signal.addEventListener('abort', () => this.close());
  }

  /** Re-renders after a lookup answered (an open "Looking it up…" fills in), or in a new language. */
  refresh(): void {
    if (this.current) this.renderCurrent();
  }

  open(mark: HTMLElement): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    const primary = this.primaryMark(mark);
    const reference = this.data.referenceOf(primary);
    if (!reference || !this.data.isShown(reference)) return;
    if (this.current?.mark === primary) return;
    this.current = { mark: primary, reference, trail: [] };
    this.layer.hidden = false;
    // Usually already asked for while the pointer rested (hover); a focused reference asks now,
    // before rendering, so that one unreachable before shows "Looking it up…" while asked again.
    const asked = this.data.resolve([reference.id]);
    this.renderCurrent();
    void asked.then(() => this.refresh());
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(primary, this.layer, () => this.position());
  }

  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    if (!this.current) return;
    this.current = null;
    render(null, this.layer);
    this.layer.hidden = true;
  }

  private primaryMark(mark: HTMLElement): HTMLElement {
    // A reference split across elements has several pieces; the first holds its identity.
    if (!mark.hasAttribute('data-euref-part')) return mark;
    let candidate: Element | null = mark;
    const id = mark.getAttribute(MARK_ATTRIBUTE);
    const all = [...document.querySelectorAll<HTMLElement>(`[${MARK_ATTRIBUTE}]`)];
    let index = all.indexOf(mark);
    while (index > 0 && all[index]?.hasAttribute('data-euref-part') && all[index - 1]?.getAttribute(MARK_ATTRIBUTE) === id) {
      index--;
      candidate = all[index] ?? candidate;
    }
    return candidate as HTMLElement;
  }

  private renderCurrent(): void {
    if (!this.current) return;
    const { trail } = this.current;
    const reference = trail.at(-1) ?? this.current.reference;
    const previous = trail.length > 1 ? trail.at(-2) : trail.length === 1 ? this.current.reference : undefined;
    const doc = this.data.documentOf(reference.id);
    // The documents this one links to, fetched now so that following a link is instant.
    const related = [doc?.becameAct, doc?.fromProposal].filter((id): id is string => Boolean(id));
    if (related.length) void this.data.resolve(related);
    const words = this.data.words();
    // Screen readers read the popover in the reader's language, whatever the page's own.
    this.layer.lang = words.language;
    render(
      <I18nContext.Provider value={words}>
        <Popover
          key={reference.id}
          reference={reference}
          document={doc}
          relatedUrl={relatedUrl}
          relatedLabel={relatedLabel}
          onOpenRelated={(id) => this.openRelated(id)}
          onBack={previous ? () => this.back() : undefined}
          backLabel={previous ? relatedLabel(previous.id) : undefined}
          onCopyCitation={() => copyText(formatCitation(reference, doc, words), this.layer)}
          onRetryLookup={doc === undefined && this.data.unreachable(reference.id) ? () => this.retryLookup(reference.id) : undefined}
          onReadReport={(passage) => this.data.openReport(passage)}
          renderNotes={() => (
            <NotesFrame
              context={{
                documentId: reference.id,
                label: referenceLabel(reference),
                type: reference.type,
                stage: doc?.status?.stage ?? null,
                page: { url: location.href, title: document.title },
                // A related document read in the popover was not quoted on this page.
                quote: trail.length === 0 ? quoteOf(this.current!.mark) : null,
              }}
            />
          )}
        />
      </I18nContext.Provider>,
      this.layer,
    );
  }

  /** The reader asks again after a lookup got no answer: "Looking it up…" until it has one. */
  private retryLookup(id: string): void {
    const asked = this.data.resolve([id]);
    this.refresh();
    void asked.then(() => this.refresh());
  }

  /**
   * Shows a related document in place. The view changes once the document is known (usually at
   * once: renderCurrent asked for it when the popover showed the link): a popover that shrank to
   * "Looking it up…" under the pointer would lose the pointer, and close.
   */
  private openRelated(id: string): void {
    const reference = parseReference(id);
    const current = this.current;
    if (!current || !reference) return;
    void this.data.resolve([id]).then(() => {
      if (this.current !== current) return;
      current.trail.push(reference);
      this.renderCurrent();
      this.focusFirst();
    });
  }

  private back(): void {
    if (!this.current) return;
    this.current.trail.pop();
    this.renderCurrent();
    this.focusFirst();
  }

  /** After the content changed under the reader's focus, keep focus inside the popover. */
  private focusFirst(): void {
    if (this.isInside(document.activeElement)) this.layer.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }

  private position(): void {
    const mark = this.current?.mark;
    if (!mark) return;
    const rect = mark.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > window.innerHeight || !mark.isConnected) {
      // The reader scrolled the reference away: a popover pointing at nothing only hides the page.
      this.close();
      return;
    }
    void computePosition(mark, this.layer, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        // Where neither side has room (a short window, 200% zoom), the popover scrolls inside
        // rather than running off the screen.
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            this.layer.style.setProperty('--eurefs-available-height', `${Math.max(120, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      this.layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  }

  private markOf(target: EventTarget | null): HTMLElement | null {
    if (!(target instanceof Element)) return null;
    return target.closest<HTMLElement>(`[${MARK_ATTRIBUTE}]`);
  }

  private isInside(target: EventTarget | null): boolean {
    return target instanceof Node && (target === this.surface.host || this.surface.host.contains(target));
  }

  private onPointerOver(event: MouseEvent): void {
    if (this.isInside(event.target)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const mark = this.markOf(event.target);
    if (mark) this.hover(mark, performance.now());
  }

  /**
   * The pointer came to rest on `mark` at `since`: open once it has stayed OPEN_DELAY_MS, and
   * meanwhile fetch the document, so the popover opens filled in.
   */
  hover(mark: HTMLElement, since: number): void {
    this.dismissed = null;
    clearTimeout(this.closeTimer);
    clearTimeout(this.openTimer);
    const primary = this.primaryMark(mark);
    if (this.current && primary === this.current.mark) return;
    const reference = this.data.referenceOf(primary);
    if (reference && this.data.isShown(reference)) void this.data.resolve([reference.id]);
    const waited = performance.now() - since;
    this.openTimer = setTimeout(() => this.open(mark), Math.max(0, OPEN_DELAY_MS - waited));
  }

  /** `mark` has keyboard focus (the content script saw it first, before this script was in). */
  focus(mark: HTMLElement): void {
    if (mark === this.dismissed) return;
    this.dismissed = null;
    this.open(mark);
  }

  private onPointerOut(event: MouseEvent): void {
    const from = this.markOf(event.target) ?? (this.isInside(event.target) ? this.surface.host : null);
    if (!from) return;
    // The reader is typing a note: the pointer wandering off must not throw the draft away.
    if (this.isInside(document.activeElement) && this.editing()) return;
    const to = event.relatedTarget;
    if (this.isInside(to) || (this.markOf(to) && this.markOf(to) === this.markOf(event.target))) return;
    clearTimeout(this.openTimer);
    if (this.current) this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.isInside(event.target)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const mark = this.markOf(event.target);
    if (mark !== this.tabbedOutOf) this.tabbedOutOf = null;
    if (mark && mark === this.dismissed) return;
    this.dismissed = null;
    if (mark) this.open(mark);
    else if (this.current) this.close();
  }

  private onFocusOut(event: FocusEvent): void {
    if (!this.current) return;
    const to = event.relatedTarget;
    if (this.isInside(to) || to === this.current.mark) return;
    // Keyboard focus left both the mark and the popover: nothing is left to read.
    if (to !== null) this.closeTimer = setTimeout(() => this.close(), 0);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.current) return;
    const { mark } = this.current;
    if (event.key === 'Escape') {
      const focusWasInside = this.isInside(document.activeElement);
      // The reader dismissed it: focus coming back to the reference must not reopen it.
      this.dismissed = mark;
      this.close();
      if (focusWasInside) mark.focus();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [...this.layer.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!event.shiftKey && document.activeElement === mark && this.tabbedOutOf !== mark && focusables[0]) {
      // From the reference, Tab goes into its popover first, so its links can be reached.
      event.preventDefault();
      focusables[0].focus();
      return;
    }
    const inner = this.surface.host.shadowRoot?.activeElement;
    // With the Notes frame open, Tab from the last control goes on into the frame, which says
    // when Tab leaves its own last field (onFrameMessage).
    const frameOpen = this.layer.querySelector(NOTES_FRAME_SELECTOR) !== null;
    const leavingForward = !event.shiftKey && !frameOpen && inner === focusables.at(-1);
    const leavingBack = event.shiftKey && inner === focusables[0];
    if (leavingForward || leavingBack) {
      // Back to the reference, not to the end of the page where the popover's host lives; the
      // next Tab then goes on through the page.
      event.preventDefault();
      this.tabbedOutOf = mark;
      mark.focus();
      if (leavingForward) this.close();
    }
  }

  /**
   * Focus is in the Notes frame: the reader may be writing a note there (what the frame holds
   * this side cannot see), so the pointer wandering off must not close the popover.
   */
  private editing(): boolean {
    return this.surface.host.shadowRoot?.activeElement instanceof HTMLIFrameElement;
  }

  /** Keys pressed in the Notes frame, which it tells this side of (frame-keys.ts). */
  private onFrameMessage(event: MessageEvent, frameOrigin: string): void {
    if (!this.current) return;
    const message = notesFrameMessage(event, this.layer.querySelector<HTMLIFrameElement>(NOTES_FRAME_SELECTOR), frameOrigin);
    if (!message) return;
    if (message.type === 'escape') {
      // Out of the note, not out of the popover with the draft in it: the next Escape closes.
      this.layer.querySelector<HTMLElement>('.notes-toggle')?.focus();
      return;
    }
    // Tab past the frame's last field: back to the reference, as from the popover's last control.
    const { mark } = this.current;
    this.tabbedOutOf = mark;
    mark.focus();
    this.close();
  }

  private tabbedOutOf: HTMLElement | null = null;
  private dismissed: HTMLElement | null = null;
}
