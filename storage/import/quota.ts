/** Will an import fit in the browser's storage? Pure: the caller passes navigator.storage.estimate()'s answer. */
import { byteSize, phrase, type Phrase } from '../../i18n/phrase';

/**
 * Room an import needs: the documents in the import layer, the previous versions kept for undo,
 * and IndexedDB's own overhead; a generous multiple of the file's size.
 */
export function bytesNeeded(fileBytes: number): number {
  return fileBytes * 3;
}

export function quotaProblem(estimate: { usage?: number; quota?: number } | null | undefined, fileBytes: number): Phrase | null {
  if (!estimate || typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number') return null;
  const free = estimate.quota - estimate.usage;
  const needed = bytesNeeded(fileBytes);
  if (needed <= free) return null;
  return phrase('importNoRoom', byteSize(needed), byteSize(Math.max(0, free)));
}
