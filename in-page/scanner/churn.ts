/**
 * Notices the parts of a page that undo their marks: a page that puts its markup back whenever
 * it changes (a framework rendering from its own copy, an anti-tamper script) would otherwise be
 * marked again after every batch of its changes, forever. Such a part is marked a few times, then
 * left alone.
 */
import type { Reference } from '../../references';
import type { Occurrence } from './scan';

/**
 * A part whose same references are marked this many times in a row, each round less than
 * ROUND_GAP_MS after the one before and after the page took the earlier marks away, is left
 * alone. A page that undoes marks does so within a frame of each marking, so its rounds follow
 * one another as fast as batches of changes come (QUIET_MS in mutation-batches.ts, 120 ms, plus
 * the scan): three rounds take well under a second, and on a loaded machine, where each takes
 * longer, each gap still has two seconds. A reader who makes a page show the very same
 * references again, the earlier ones gone (a tab shown, another, the first again), takes longer
 * than that between rounds, or stops before the third; what a page left alone loses is its marks
 * in that part, not its place in the list (the scanner still counts its references there).
 */
export const ROUNDS_BEFORE_STOPPING = 3;
export const ROUND_GAP_MS = 2000;

interface Rounds {
  /** the references marked, in order (signatureOf) */
  signature: string;
  /** the first mark of the last round, held weakly: gone means the page took it away */
  firstMark: WeakRef<HTMLElement> | undefined;
  /** rounds in a row so far, and when the last was marked */
  count: number;
  at: number;
}

/**
 * The references marked, in order, as their count and a 32-bit FNV-1a hash of their ids and
 * texts: a part that stays (a single-page app's container) keeps its last signature, and a view
 * of thousands of references would otherwise keep a string as long as their text.
 */
function signatureOf(marked: readonly Occurrence[]): string {
  let hash = 0x811c9dc5;
  for (const { reference } of marked) {
    const key = `${reference.id}\u0000${reference.text}\u0001`;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  return `${marked.length}:${hash >>> 0}`;
}

export class ChurnWatch {
  /** per part, its last rounds; a part that leaves the page takes its entry with it */
  private readonly rounds = new WeakMap<Node, Rounds>();
  /**
   * The parts left alone, each with the references read under each root changed there since:
   * counted in the list, not marked. Those that left the page are dropped at the next look.
   */
  private readonly stopped = new Map<Node, Map<Node, Reference[]>>();

  /**
   * Notes that a scan of changed content under `part` marked `marked`; true when that makes
   * the part one to leave alone from now on.
   */
  noteMarked(part: Node, marked: readonly Occurrence[], now = performance.now()): boolean {
    if (marked.length === 0 || this.stopped.has(part)) return false;
    const signature = signatureOf(marked);
    const firstMark = marked[0]!.marks[0];
    const last = this.rounds.get(part);
    // The same references again where the earlier marks are gone: the page put them back.
    // Still there: it is new content that reads the same (a feed's repeated line).
    const again =
      last !== undefined && last.signature === signature && now - last.at < ROUND_GAP_MS && !last.firstMark?.deref()?.isConnected;
    const count = again ? last.count + 1 : 1;
    this.rounds.set(part, { signature, firstMark: firstMark && new WeakRef(firstMark), count, at: now });
    if (count < ROUNDS_BEFORE_STOPPING) return false;
    this.stopped.set(part, new Map());
    this.rounds.delete(part);
    return true;
  }

  /** The part left alone that holds `node`, if any. */
  stoppedPartOf(node: Node): Node | undefined {
    return this.stoppedParts().find((part) => part.contains(node));
  }

  /** The parts left alone that are still in the page. */
  stoppedParts(): Node[] {
    for (const part of this.stopped.keys()) if (!part.isConnected) this.stopped.delete(part);
    return [...this.stopped.keys()];
  }

  /**
   * What to read for a change at `node` in a part left alone: a root read before that holds
   * it (its references were counted as they stood), or the node itself.
   */
  rootToRead(part: Node, node: Node): Node {
    for (const earlier of this.stopped.get(part)?.keys() ?? []) {
      if (earlier.isConnected && earlier.contains(node)) return earlier;
    }
    return node;
  }

  /** Counts `references`, read under `root` in a part left alone, in place of what was read at or in it before. */
  noteUnmarked(part: Node, root: Node, references: Reference[]): void {
    const byRoot = this.stopped.get(part);
    if (!byRoot) return;
    for (const earlier of [...byRoot.keys()]) {
      if (!earlier.isConnected || root.contains(earlier)) byRoot.delete(earlier);
    }
    byRoot.set(root, references);
  }

  /** The references read in the parts left alone, with where each was read, still in the page. */
  unmarked(): { root: Node; reference: Reference }[] {
    const found: { root: Node; reference: Reference }[] = [];
    for (const part of this.stoppedParts()) {
      for (const [root, references] of this.stopped.get(part)!) {
        if (!root.isConnected) continue;
        for (const reference of references) found.push({ root, reference });
      }
    }
    return found;
  }
}
