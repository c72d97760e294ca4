/**
 * Finds and marks references under a root, in slices of a few milliseconds so that a long
 * document never blocks the page: the reader can scroll while the scan goes on.
 */
import { findReferences, type Reference } from '../../references';
import { markBlock } from './mark';
import { createTextBlockCollector, type TextBlock } from './text-blocks';
import { yieldToPage } from './yield';

export interface Occurrence {
  reference: Reference;
  marks: HTMLElement[];
}

/** Long enough to do real work, short enough to stay far below the 50 ms of a long task. */
const SLICE_MS = 8;

/**
 * Whether the grammar has run in this page yet. Its first call compiles its expressions and the
 * scanner's own code, 15-45 ms in Chromium (traced on the bench's dense pages), so it gets a task
 * of its own: after a slice of walking, it made the first slice 29-46 ms, a long task on a slow
 * moment.
 */
let grammarWarm = false;

/** What a scan cost the main thread: filled in by `scan` when given (the benchmark reads it). */
export interface ScanStats {
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  /** of busyMs: walking and the grammar; marking is the rest */
  findMs?: number;
  /** performance.now() when the last reference was marked */
  markedAt?: number;
}

/**
 * Marking slices are longer than finding slices, and still under the 50 ms of a long task. Every
 * slice that changes the DOM costs the page one style, layout and paint pass when it next renders,
 * and on a long document that pass is proportional to the document, not to the change (Chromium
 * walks the 10,000 paragraphs of their container each time): fewer, fuller marking slices is
 * what keeps a long page fast. Finding does not touch the DOM, so its slices cost no rendering.
 */
const MARK_SLICE_MS = 30;
/** References found and not yet marked, past which marking starts (so marks appear early). */
const MARK_BATCH = 3000;

interface Found {
  block: TextBlock;
  references: Reference[];
}

/** True when a block's text nodes are still in the page and still hold the text we read. */
function intact(block: TextBlock): boolean {
  const last = block.nodes.length - 1;
  const first = block.nodes[0]!;
  const lastNode = block.nodes[last]!;
  return (
    first.isConnected &&
    lastNode.isConnected &&
    first.data.length === (last > 0 ? block.starts[1]! : block.text.length) &&
    block.starts[last]! + lastNode.data.length === block.text.length
  );
}

/**
 * Finds the references under a root, then marks them, in slices: finding (the walk and the
 * grammar) in SLICE_MS slices that leave the DOM alone, marking in MARK_SLICE_MS slices, batch by
 * batch. The walk itself is sliced too, so a page of 100,000 paragraphs never blocks the reader.
 */
export async function scan(
  root: Node,
  ownHost: string,
  signal: AbortSignal,
  onSlice?: (found: Occurrence[]) => void,
  stats?: ScanStats,
  mayMark: Promise<boolean> = Promise.resolve(true),
  /** runs each marking slice (the annotator's, with its mutation observer off: ours are not news) */
  whileMarking: (work: () => void) => void = (work) => work(),
): Promise<Occurrence[]> {
  let allowed: boolean | undefined;
  void mayMark.then(
    (yes) => (allowed = yes),
    () => (allowed = false),
  );
  const collector = createTextBlockCollector(root, ownHost);
  const occurrences: Occurrence[] = [];
  let pending: TextBlock[] = [];
  let next = 0;
  const toMark: Found[] = [];
  let unmarkedReferences = 0;
  let marked = 0;
  let finding = true;
  let marking = false;
  while (!signal.aborted) {
    // Once a batch is being marked, it is marked to the end before finding goes on.
    marking = marking || !finding || unmarkedReferences >= MARK_BATCH;
    if (marking && allowed === undefined) allowed = await mayMark.catch(() => false);
    if (allowed === false || signal.aborted) return [];
    const sliceStart = performance.now();
    const markingSlice = marking;
    if (!marking) {
      const deadline = sliceStart + SLICE_MS;
      for (;;) {
        if (next === pending.length) {
          if (collector.done) {
            finding = false;
            break;
          }
          pending = collector.next(deadline);
          next = 0;
          if (pending.length === 0 && !collector.done) break;
          continue;
        }
        const cold = !grammarWarm;
        // not after other work in the same slice: see grammarWarm
        if (cold && performance.now() - sliceStart >= 1) break;
        const block = pending[next++]!;
        const references = findReferences(block.text);
        grammarWarm = true;
        if (references.length) {
          toMark.push({ block, references });
          unmarkedReferences += references.length;
          if (unmarkedReferences >= MARK_BATCH) break;
        }
        if (cold || performance.now() >= deadline) break;
      }
    } else {
      const deadline = sliceStart + MARK_SLICE_MS;
      const sliceFound: Occurrence[] = [];
      whileMarking(() => {
        while (marked < toMark.length) {
          const { block, references } = toMark[marked]!;
          toMark[marked++] = undefined as unknown as Found;
          unmarkedReferences -= references.length;
          // A block may have left the page or changed while we yielded (a single-page app
          // re-rendered it); the mutation observer scans its replacement.
          if (intact(block)) {
            const marks = markBlock(block, references);
            references.forEach((reference, i) => sliceFound.push({ reference, marks: marks[i] ?? [] }));
          }
          if (performance.now() >= deadline) break;
        }
      });
      if (marked === toMark.length) {
        toMark.length = 0;
        marked = 0;
        marking = false;
      }
      for (const occurrence of sliceFound) occurrences.push(occurrence);
      if (sliceFound.length) onSlice?.(sliceFound);
    }
    if (stats) {
      const ms = performance.now() - sliceStart;
      if (!markingSlice) stats.findMs = (stats.findMs ?? 0) + ms;
      stats.busyMs += ms;
      stats.slices++;
      if (ms > stats.longestSliceMs) stats.longestSliceMs = ms;
    }
    if (!finding && toMark.length === 0) break;
    await yieldToPage();
  }
  if (stats) stats.markedAt = performance.now();
  return occurrences;
}
