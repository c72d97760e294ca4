/**
 * One page's Eurefs: finds every reference, marks those near the window (and the rest as the
 * reader comes near them: near-view.ts), looks the ids up in one batch, keeps marking as the page
 * changes, and answers the popup's questions about what it found.
 */
import { referenceLabel } from '../../components/labels';
import type { Reference } from '../../references';
import type { PageReference, PageReferencesResponse } from '../../messaging/to-page';
import { DEFAULT_SETTINGS, type Settings } from '../../storage/settings';
import { SummaryClient } from './summary-client';
import { ChurnWatch } from './churn';
import { watchMutations, type ChangedRoot, type MutationBatch, type MutationBatches } from '../mutation-batches';
import { findUnmarked, NOT_MARKED, scan, type Found, type Occurrence, type ScanStats } from './scan';
import { NearViewMarker, type Waiting } from './near-view';
import { MARK_ATTRIBUTE } from '../marks/text-blocks';
import { foundTextAt } from '../marks/mark';
import { isLinkMark } from '../marks/links';
import { readThisPage, type ThisPage } from './this-page';
import { announceScanned } from '../scanned-hook';
import { yieldToPage } from '../yield';

const MARK_SELECTOR = `[${MARK_ATTRIBUTE}]`;

/** True when an element the page removed was, or held, one of our marks. */
const holdsMark = (element: Element): boolean => element.matches(MARK_SELECTOR) || element.querySelector(MARK_SELECTOR) !== null;

/** A slice of flagging marks tracked or not, once their lookup answered. */
const TRACKING_SLICE_MS = 20;

/**
 * A reference found on the page: marked (`marks`), or waiting to be, until the reader comes near
 * it (`waiting`, near-view.ts).
 */
interface Mention extends Occurrence {
  waiting: Waiting | null;
}

/** A mention not marked yet, where it starts (for the keyboard's order and the history). */
export interface WaitingMention {
  reference: Reference;
  /** the text node the reference starts in, or the link that is it */
  anchor: Node;
  /** the reference's offset in `anchor` (0 for a link) */
  offset: number;
  mention: Mention;
}

export class PageScanner {
  readonly lookups = new SummaryClient();
  private readonly referenceByMark = new WeakMap<HTMLElement, Reference>();
  /**
   * Every mention marked, in the order found, while its marks are in the page: those whose
   * marks the page removed are dropped with the next batch of changes (forgetDetached), or a page
   * that replaces its content (a single-page app, a live feed) would keep every old copy alive.
   */
  private readonly occurrences: Mention[] = [];
  /** the mentions each waiting block or link holds, to take their marks once it is marked */
  private readonly mentionsOf = new WeakMap<Waiting, Mention[]>();
  private nearView: NearViewMarker | null = null;
  /** the reader put references in the Tab order (applySettings), perhaps before the scan began */
  private markEverything = false;
  private settings: Settings = DEFAULT_SETTINGS;
  /** Time spent waiting for lookups, all round trips together (the benchmark reads it). */
  private lookupMs = 0;
  private mutations: MutationBatches | null = null;
  /** Batches of changes are scanned one after the other, never two at once. */
  private batches: Promise<void> = Promise.resolve();
  private readonly churn = new ChurnWatch();
  /** Resolves when the first full scan and its lookup are done (tests and the popup wait on it). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly ownHost: string,
    private readonly signal: AbortSignal,
    /** when the content script began to run (the benchmark reads it) */
    private readonly loadedAt = performance.now(),
  ) {}

  referenceOf(mark: HTMLElement): Reference | undefined {
    return this.referenceByMark.get(mark);
  }

  /**
   * Scans `root` and keeps watching it. `mayMark` settles once the reader's settings are read:
   * finding starts at once, marking only once it says yes (false: the site is switched off).
   */
  start(root: HTMLElement, mayMark: Promise<boolean> = Promise.resolve(true)): Promise<void> {
    const startedAt = performance.now();
    const stats: ScanStats = { busyMs: 0, longestSliceMs: 0, slices: 0 };
    const nearView = new NearViewMarker({
      signal: this.signal,
      ownHost: this.ownHost,
      whileMarking: (work) => this.unobserved(work),
      onMarked: (waiting, marked) => this.tookMarks(waiting, marked),
    });
    this.nearView = nearView;
    if (this.markEverything) nearView.markAll();
    void mayMark.then(
      (yes) => yes && nearView.allow(),
      () => undefined,
    );
    this.ready = this.findAll(root, stats, nearView).then(async (count) => {
      const foundAt = performance.now();
      let nearMarkedAt = foundAt;
      await Promise.all([
        this.lookUp(this.occurrences.map((o) => o.reference.id)).then(() => this.markTracking(this.occurrences.filter((o) => o.marks.length))),
        nearView.settled().then(() => (nearMarkedAt = performance.now())),
      ]);
      stats.markedAt = nearMarkedAt;
      announceScanned(count, this.loadedAt, startedAt, stats, this.lookups.roundTrips, this.lookupMs, foundAt);
    });
    this.mutations = watchMutations(root, (batch) => this.onBatch(batch), {
      signal: this.signal,
      // Our marks' own text is never news.
      ignoreText: (text) => text.parentElement?.closest(MARK_SELECTOR) != null,
    });
    return this.ready;
  }

  /**
   * Finds every reference under `root` and hands it to `nearView`, which marks what is near the
   * window; resolves with how many were found.
   */
  private async findAll(root: Node, stats: ScanStats, nearView: NearViewMarker): Promise<number> {
    let count = 0;
    await scan(root, {
      ownHost: this.ownHost,
      pageDocument: readThisPage()?.id ?? null,
      signal: this.signal,
      stats,
      pace: (walkedTo) => nearView.pace(walkedTo),
      defer: (found: Found[]) =>
        nearView.add(found, (waiting) => {
          const references = 'link' in waiting.found ? [waiting.found.reference] : waiting.found.references;
          const mentions = references.map((reference): Mention => ({ reference, marks: NOT_MARKED, waiting }));
          this.mentionsOf.set(waiting, mentions);
          for (const mention of mentions) this.occurrences.push(mention);
          count += mentions.length;
        }),
    });
    nearView.finishFinding();
    return this.signal.aborted ? 0 : count;
  }

  /** A waiting block or link was marked: its mentions take their marks. */
  private tookMarks(waiting: Waiting, marked: Occurrence[]): void {
    const mentions = this.mentionsOf.get(waiting);
    if (!mentions) return;
    this.mentionsOf.delete(waiting);
    marked.forEach(({ marks }, i) => {
      const mention = mentions[i];
      if (!mention) return;
      mention.marks = marks;
      for (const mark of marks) this.referenceByMark.set(mark, mention.reference);
      if (this.lookups.get(mention.reference.id) !== undefined) this.flag(mention);
    });
  }

  private async scanRoot(root: Node, stats?: ScanStats, mayMark?: Promise<boolean>): Promise<Occurrence[]> {
    const found = await scan(root, {
      ownHost: this.ownHost,
      pageDocument: readThisPage()?.id ?? null,
      signal: this.signal,
      onSlice: (slice) => this.remember(slice),
      stats,
      mayMark,
      whileMarking: (work) => this.unobserved(work),
    });
    if (this.signal.aborted) return [];
    await this.lookUp(found.map((o) => o.reference.id));
    await this.markTracking(found);
    return found;
  }

  private async lookUp(ids: string[]): Promise<void> {
    const lookupStart = performance.now();
    await this.lookups.resolve(ids);
    this.lookupMs += performance.now() - lookupStart;
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    document.documentElement.toggleAttribute('data-eurefs-hide-untracked', settings.hideUntracked);
    // Every reference a Tab stop: each must be marked, near the window or not.
    if (settings.marksInTabOrder) {
      this.markEverything = true;
      this.nearView?.markAll();
    }
    // A copy: the list may lose mentions (forgetDetached) while the flags are set in slices.
    void this.markTracking(this.occurrences.filter((o) => o.marks.length));
  }

  /** False for references the reader chose not to see: untracked ones, with the setting on. */
  isShown(reference: Reference): boolean {
    return !(this.settings.hideUntracked && this.lookups.get(reference.id) === null);
  }

  /**
   * Flags marks of untracked documents once their lookup answered, so the setting that hides
   * them is a style switch, and takes them out of the keyboard's way while hidden.
   */
  private async markTracking(occurrences: readonly Occurrence[]): Promise<void> {
    // In slices, as the marking: 27,000 marks' flags in one go were a task of 60-70 ms.
    let deadline = performance.now() + TRACKING_SLICE_MS;
    for (let i = 0; i < occurrences.length; i++) {
      this.flag(occurrences[i]!);
      if (i % 256 === 255 && performance.now() >= deadline) {
        await yieldToPage();
        if (this.signal.aborted) return;
        deadline = performance.now() + TRACKING_SLICE_MS;
      }
    }
  }

  /** Flags a mention's marks tracked or not, and puts it in the Tab order where the reader asked. */
  private flag({ reference, marks }: Occurrence): void {
    const untracked = this.lookups.get(reference.id) === null;
    const primary = marks[0];
    for (const mark of marks) mark.toggleAttribute('data-euref-untracked', untracked);
    // A link marked as a whole keeps the focus the page gave it; other marks stop Tab only when the reader asked.
    if (primary && !isLinkMark(primary)) primary.tabIndex = this.settings.marksInTabOrder && this.isShown(reference) ? 0 : -1;
  }

  /**
   * Whether a mention is on the page (its marks, or what it waits to mark), for one pass over the
   * mentions: the mentions of one block (2.7 a paragraph on a dense page) share its check, which
   * reads the block's text nodes and looks for a mark around them.
   */
  private liveness(): (mention: Mention) => boolean {
    const byWaiting = new Map<Waiting, boolean>();
    return (mention) => {
      if (mention.marks.length) return mention.marks.some((mark) => mark.isConnected);
      const { waiting } = mention;
      if (waiting === null || this.nearView === null) return false;
      let live = byWaiting.get(waiting);
      if (live === undefined) byWaiting.set(waiting, (live = this.nearView.isLive(waiting)));
      return live;
    };
  }

  private remember(slice: Occurrence[]): void {
    for (const occurrence of slice) {
      this.occurrences.push({ ...occurrence, waiting: null });
      for (const mark of occurrence.marks) this.referenceByMark.set(mark, occurrence.reference);
    }
  }

  /**
   * Runs `work` (a marking slice) with the mutation observer off. Taking our own records back
   * afterwards made the browser build a record, and its node lists, for every split text node
   * and every mark: 230 ms over a page of 27,000 marks, and 10-30 ms in each slice.
   */
  private unobserved(work: () => void): void {
    if (!this.mutations) return work();
    this.mutations.unobserved(work);
  }

  private onBatch({ roots, removed }: MutationBatch): void {
    // At once, not after the batches before it: what the page removed is let go now.
    // A block waiting for its marks may have gone with what was removed, marks or not.
    if (removed.length && (removed.some(holdsMark) || this.hasWaiting())) this.forgetDetached();
    if (roots.length === 0) return;
    this.batches = this.batches
      .then(() => this.scanBatch(roots))
      .catch((error: unknown) => console.warn('Eurefs: changed content was not scanned', error));
  }

  /** Drops the mentions whose marks all left the page. */
  private forgetDetached(): void {
    let kept = 0;
    const isLive = this.liveness();
    for (const occurrence of this.occurrences) {
      if (isLive(occurrence)) this.occurrences[kept++] = occurrence;
    }
    this.occurrences.length = kept;
    this.nearView?.forgetDetached();
  }

  /** True while some mention found at the start still waits for its marks. */
  private hasWaiting(): boolean {
    return this.nearView !== null && this.occurrences.some((o) => o.waiting !== null && o.marks.length === 0);
  }

  private async scanBatch(roots: ChangedRoot[]): Promise<void> {
    const markedByPart = new Map<Node, Occurrence[]>();
    for (const { node, part } of roots) {
      if (this.signal.aborted) return;
      // Left the page while the batches before this one were scanned.
      if (!node.isConnected) continue;
      const stopped = this.churn.stoppedPartOf(node);
      if (stopped) {
        await this.countUnmarked(stopped, node);
        continue;
      }
      const found = await this.scanRoot(node);
      const marked = markedByPart.get(part);
      if (!marked) markedByPart.set(part, found);
      else for (const occurrence of found) marked.push(occurrence);
    }
    for (const [part, marked] of markedByPart) this.churn.noteMarked(part, marked);
  }

  /** Reads the references under `node`, in a part left alone, for the list. */
  private async countUnmarked(part: Node, node: Node): Promise<void> {
    const root = this.churn.rootToRead(part, node);
    const found = await findUnmarked(root, this.ownHost, this.signal);
    if (this.signal.aborted) return;
    this.churn.noteUnmarked(part, root, found);
    await this.lookUp(found.map((reference) => reference.id));
  }

  /**
   * The page's own document as the page says it is now (a single-page app may have moved), with
   * what the dataset says of it once looked up (lookUpThisPage).
   */
  thisPage(): (ThisPage & { stage: PageReference['stage']; title: string | null; tracked: boolean | null }) | null {
    const page = readThisPage();
    if (!page) return null;
    const doc = this.lookups.get(page.id);
    return { ...page, stage: doc?.stage ?? null, title: doc?.title ?? null, tracked: doc === undefined ? null : doc !== null };
  }

  /** Looks the page's own document up, for the list's first line. */
  async lookUpThisPage(): Promise<void> {
    const page = readThisPage();
    if (page) await this.lookUp([page.id]);
  }

  /** The page's references, one row per document, in order of first appearance. */
  listReferences(): PageReferencesResponse {
    const rows = new Map<string, PageReference>();
    const marked = this.occurrences.filter(this.liveness()).map(({ reference }) => reference);
    for (const reference of [...marked, ...this.churn.unmarked().map((u) => u.reference)]) {
      const row = rows.get(reference.id);
      if (row) {
        row.count++;
        continue;
      }
      const doc = this.lookups.get(reference.id);
      rows.set(reference.id, {
        id: reference.id,
        type: reference.type,
        label: referenceLabel(reference),
        count: 1,
        stage: doc?.stage ?? null,
        title: doc?.title ?? null,
      });
    }
    const thisPage = this.thisPage();
    return {
      url: location.href,
      title: document.title,
      references: [...rows.values()],
      stoppedParts: this.churn.stoppedParts().length,
      ...(thisPage ? { thisPage } : {}),
    };
  }

  /**
   * Each mention still on the page, in the order found: its document, first mark (or, not marked
   * yet, the text node it starts in and its offset there) and text.
   */
  mentions(): { id: string; firstMark: Node; offset?: number; text: string }[] {
    const out: { id: string; firstMark: Node; offset?: number; text: string }[] = [];
    const isLive = this.liveness();
    for (const mention of this.occurrences) {
      const { reference, marks } = mention;
      if (marks[0]?.isConnected) out.push({ id: reference.id, firstMark: marks[0], text: reference.text });
      else {
        const waiting = this.waitingOf(mention, isLive);
        if (waiting) out.push({ id: reference.id, firstMark: waiting.anchor, offset: waiting.offset, text: reference.text });
      }
    }
    return out;
  }

  /** Where a mention not marked yet starts, or null (marked, or the page changed it). */
  private waitingOf(mention: Mention, isLive: (mention: Mention) => boolean): WaitingMention | null {
    const { waiting, reference } = mention;
    if (!waiting || mention.marks.length || !isLive(mention)) return null;
    const found = waiting.found;
    if ('link' in found) return { reference, anchor: found.link, offset: 0, mention };
    const at = foundTextAt(found.block, reference.start, this.ownHost);
    return at && { reference, anchor: at.node, offset: at.offset, mention };
  }

  /** The mentions not marked yet, in the order found (the keyboard goes to them too). */
  waitingMentions(): WaitingMention[] {
    const out: WaitingMention[] = [];
    const isLive = this.liveness();
    for (const mention of this.occurrences) {
      const waiting = this.waitingOf(mention, isLive);
      if (waiting) out.push(waiting);
    }
    return out;
  }

  /** Marks a waiting mention now (with the rest of its block); its first mark, if it could be. */
  markNow({ mention }: WaitingMention): HTMLElement | undefined {
    if (mention.waiting) this.nearView?.markNow(mention.waiting);
    return mention.marks[0];
  }

  /** Scrolls to the first occurrence of a document and makes it blink once, for the list. */
  reveal(id: string): boolean {
    const isLive = this.liveness();
    const first = this.occurrences.find((o) => o.reference.id === id && isLive(o));
    if (first && first.marks.length === 0) {
      const waiting = this.waitingOf(first, isLive);
      if (waiting) this.markNow(waiting);
    }
    const mark = first?.marks[0]?.isConnected ? first.marks[0] : undefined;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!mark) {
      // Only in a part left alone: no mark to flash or focus there, but the reader is shown where.
      const root = this.churn.unmarked().find(({ reference }) => reference.id === id)?.root;
      const where = root && (root instanceof Element ? root : root.parentElement);
      where?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      return where != null;
    }
    mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    mark.classList.add('eurefs-flash');
    setTimeout(() => mark.classList.remove('eurefs-flash'), 1600);
    mark.focus({ preventScroll: true });
    return true;
  }
}
