/**
 * One page's Eurefs: scans and marks, looks the ids up in one batch, keeps marking as the page
 * changes, and answers the popup's questions about what it found.
 */
import { referenceLabel } from '../../components/labels';
import type { Reference } from '../../references';
import type { PageReference, PageReferencesResponse } from '../../storage/protocol';
import { LookupClient } from './lookup-client';
import type { PopoverController } from './popover-controller';
import { scan, type Occurrence } from './scanner';
import { MARK_ATTRIBUTE } from './text-blocks';

/** Changes arrive in bursts (a search result list rendering); one scan per burst. */
const MUTATION_DEBOUNCE_MS = 120;

export class Annotator {
  readonly lookups = new LookupClient();
  private readonly referenceByMark = new WeakMap<HTMLElement, Reference>();
  private readonly occurrences: Occurrence[] = [];
  private popover: PopoverController | null = null;
  private observer: MutationObserver | null = null;
  private pendingRoots = new Set<Node>();
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves when the first full scan and its lookup are done (tests and the popup wait on it). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly ownHost: string,
    private readonly signal: AbortSignal,
  ) {}

  setPopover(popover: PopoverController): void {
    this.popover = popover;
  }

  referenceOf(mark: HTMLElement): Reference | undefined {
    return this.referenceByMark.get(mark);
  }

  start(root: HTMLElement): Promise<void> {
    this.ready = this.scanRoot(root);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => this.observer?.disconnect());
    return this.ready;
  }

  private async scanRoot(root: Node): Promise<void> {
    const found = await scan(root, this.ownHost, this.signal, (slice) => this.remember(slice));
    // Our own wrapping produced mutation records; they are not the page changing.
    this.observer?.takeRecords();
    await this.lookups.resolve(found.map((o) => o.reference.id));
    this.popover?.refresh();
  }

  private remember(slice: Occurrence[]): void {
    for (const occurrence of slice) {
      this.occurrences.push(occurrence);
      for (const mark of occurrence.marks) this.referenceByMark.set(mark, occurrence.reference);
    }
    this.observer?.takeRecords();
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
        stage: doc?.status?.stage ?? null,
        title: doc?.title ?? null,
      });
    }
    return { url: location.href, title: document.title, references: [...rows.values()] };
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
