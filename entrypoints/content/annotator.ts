/**
 * One page's Eurefs: scans and marks, looks the ids up in one batch, keeps marking as the page
 * changes, and answers the popup's questions about what it found.
 */
import { referenceLabel } from '../../components/labels';
import type { Reference } from '../../references';
import type { PageReference, PageReferencesResponse } from '../../storage/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../storage/settings';
import { SummaryClient } from './summary-client';
import { scan, type Occurrence, type ScanStats } from './scanner';
import { MARK_ATTRIBUTE } from './text-blocks';
import { announceScanned } from './scanned-hook';
import { yieldToPage } from './yield';

/** Changes arrive in bursts (a search result list rendering); one scan per burst. */
const MUTATION_DEBOUNCE_MS = 120;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** A slice of flagging marks tracked or not, once their lookup answered. */
const TRACKING_SLICE_MS = 20;

export class Annotator {
  readonly lookups = new SummaryClient();
  private readonly referenceByMark = new WeakMap<HTMLElement, Reference>();
  private readonly occurrences: Occurrence[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  /** Time spent waiting for lookups, all round trips together (the benchmark reads it). */
  private lookupMs = 0;
  private observer: MutationObserver | null = null;
  private observedRoot: Node | null = null;
  private pendingRoots = new Set<Node>();
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.ready = this.scanRoot(root, stats, mayMark).then((count) =>
      announceScanned(count, this.loadedAt, startedAt, stats, this.lookups.roundTrips, this.lookupMs),
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observedRoot = root;
    this.observer.observe(root, OBSERVED);
    this.signal.addEventListener('abort', () => this.observer?.disconnect());
    return this.ready;
  }

  private async scanRoot(root: Node, stats?: ScanStats, mayMark?: Promise<boolean>): Promise<number> {
    const found = await scan(root, this.ownHost, this.signal, (slice) => this.remember(slice), stats, mayMark, (work) => this.unobserved(work));
    if (this.signal.aborted) return 0;
    const lookupStart = performance.now();
    await this.lookups.resolve(found.map((o) => o.reference.id));
    this.lookupMs += performance.now() - lookupStart;
    await this.markTracking(found);
    return found.length;
  }


  applySettings(settings: Settings): void {
    this.settings = settings;
    document.documentElement.toggleAttribute('data-eurefs-hide-untracked', settings.hideUntracked);
    void this.markTracking(this.occurrences);
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
      const { reference, marks } = occurrences[i]!;
      const untracked = this.lookups.get(reference.id) === null;
      const primary = marks[0];
      for (const mark of marks) mark.toggleAttribute('data-euref-untracked', untracked);
      if (primary) primary.tabIndex = this.isShown(reference) ? 0 : -1;
      if (i % 256 === 255 && performance.now() >= deadline) {
        await yieldToPage();
        if (this.signal.aborted) return;
        deadline = performance.now() + TRACKING_SLICE_MS;
      }
    }
  }

  private remember(slice: Occurrence[]): void {
    for (const occurrence of slice) {
      this.occurrences.push(occurrence);
      for (const mark of occurrence.marks) this.referenceByMark.set(mark, occurrence.reference);
    }
  }

  /**
   * Runs `work` (a marking slice) with the mutation observer off. Taking our own records back
   * afterwards made the browser build a record, and its node lists, for every split text node
   * and every mark: 230 ms over a page of 27,000 marks, and 10-30 ms in each slice.
   */
  private unobserved(work: () => void): void {
    const observer = this.observer;
    const root = this.observedRoot;
    if (!observer || !root) return work();
    // The page's own changes since the last delivery are kept, not dropped with the observer.
    this.onMutations(observer.takeRecords());
    observer.disconnect();
    try {
      work();
    } finally {
      if (!this.signal.aborted) observer.observe(root, OBSERVED);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.parentElement?.closest(`[${MARK_ATTRIBUTE}]`)) continue;
        this.pendingRoots.add(record.target.parentNode ?? record.target);
        continue;
      }
      record.addedNodes.forEach((node) => this.pendingRoots.add(node));
    }
    if (this.pendingRoots.size === 0) return;
    clearTimeout(this.mutationTimer);
    this.mutationTimer = setTimeout(() => void this.scanPending(), MUTATION_DEBOUNCE_MS);
  }

  private async scanPending(): Promise<void> {
    const roots = [...this.pendingRoots].filter((node) => node.isConnected);
    this.pendingRoots.clear();
    // A root inside another pending root would be scanned twice.
    const outermost = roots.filter((node) => !roots.some((other) => other !== node && other.contains(node)));
    for (const root of outermost) {
      if (this.signal.aborted) return;
      await this.scanRoot(root);
    }
  }

  /** The page's references, one row per document, in order of first appearance. */
  listReferences(): PageReferencesResponse {
    const rows = new Map<string, PageReference>();
    for (const { reference, marks } of this.occurrences) {
      if (!marks.some((mark) => mark.isConnected)) continue;
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
    return { url: location.href, title: document.title, references: [...rows.values()] };
  }

  /** Each mention still on the page, in the order found: its document, first mark and text. */
  mentions(): { id: string; firstMark: HTMLElement; text: string }[] {
    return this.occurrences
      .filter(({ marks }) => marks[0]?.isConnected)
      .map(({ reference, marks }) => ({ id: reference.id, firstMark: marks[0]!, text: reference.text }));
  }

  /** Scrolls to the first occurrence of a document and makes it blink once, for the list. */
  reveal(id: string): boolean {
    const mark = this.occurrences.find((o) => o.reference.id === id && o.marks[0]?.isConnected)?.marks[0];
    if (!mark) return false;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    mark.classList.add('eurefs-flash');
    setTimeout(() => mark.classList.remove('eurefs-flash'), 1600);
    mark.focus({ preventScroll: true });
    return true;
  }
}
