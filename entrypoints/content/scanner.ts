/**
 * Finds and marks references under a root, in slices of a few milliseconds so that a long
 * document never blocks the page: the reader can scroll while the scan goes on.
 */
import { findReferences, type Reference } from '../../references';
import { markBlock } from './mark';
import { collectTextBlocks, type TextBlock } from './text-blocks';

export interface Occurrence {
  reference: Reference;
  marks: HTMLElement[];
}

/** Long enough to do real work, short enough to stay far below the 50 ms of a long task. */
const SLICE_MS = 8;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function scanBlock(block: TextBlock): Occurrence[] {
  const references = findReferences(block.text);
  if (references.length === 0) return [];
  const marks = markBlock(block, references);
  return references.map((reference, i) => ({ reference, marks: marks[i] ?? [] }));
}

export async function scan(
  root: Node,
  ownHost: string,
  signal: AbortSignal,
  onSlice?: (found: Occurrence[]) => void,
): Promise<Occurrence[]> {
  const blocks = collectTextBlocks(root, ownHost);
  const found: Occurrence[] = [];
  let sliceStart = performance.now();
  let sliceFound: Occurrence[] = [];
  for (const block of blocks) {
    if (signal.aborted) break;
    // A block may have left the page while we yielded (a single-page app re-rendered it).
    if (!block.nodes[0]?.isConnected) continue;
    const occurrences = scanBlock(block);
    found.push(...occurrences);
    sliceFound.push(...occurrences);
    if (performance.now() - sliceStart > SLICE_MS) {
      onSlice?.(sliceFound);
      sliceFound = [];
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  if (sliceFound.length) onSlice?.(sliceFound);
  return found;
}
