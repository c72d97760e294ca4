/**
 * The reference grammar: finds references to EU documents in plain text. Pure, no DOM.
 * One module per family: documents (COM/JOIN/SEC/SWD/C), acts, procedures, identifiers (CELEX/ELI).
 */
import type { Reference } from './types';
import { findDocuments } from './documents';
import { findActs } from './acts';
import { findProcedures } from './procedures';
import { findIdentifiers } from './identifiers';

export * from './types';
export {
  describeId,
  eurLexUrl,
  celexUrl,
  procedureUrl,
  documentUrl,
  documentId,
  actCelex,
  actLabel,
  identityFromCelex,
  type IdDescription,
  type DocumentType,
  type ActType,
  type ReferenceIdentity,
} from './ids';
export { PROCEDURE_TYPES } from './procedures';

type Finder = (text: string) => Reference[];

/** Earlier families win ties of equal start and length. */
const FINDERS: readonly Finder[] = [findIdentifiers, findProcedures, findDocuments, findActs];

/**
 * All references in `text`, sorted by start, non-overlapping (the longest wins where two
 * overlap at the same start, the earlier one otherwise). Never throws.
 */
export function findReferences(text: string): Reference[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const all: Reference[] = [];
  for (const find of FINDERS) {
    try {
      for (const r of find(text)) all.push(r);
    } catch {
      // a family that fails must not take the others down
    }
  }
  all.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const out: Reference[] = [];
  let last = -1;
  for (const r of all) {
    if (r.start >= last && r.end > r.start) {
      out.push(r);
      last = r.end;
    }
  }
  return out;
}

/**
 * The single reference that makes up the whole (trimmed) string, or null. Offsets are into `s`.
 * For every canonical id X, `parseReference(X)?.id === X`.
 */
export function parseReference(s: string): Reference | null {
  if (typeof s !== 'string') return null;
  const trimmed = s.trim();
  if (!trimmed) return null;
  const offset = s.indexOf(trimmed);
  const refs = findReferences(trimmed);
  if (refs.length !== 1) return null;
  const r = refs[0] as Reference;
  if (r.start !== 0 || r.end !== trimmed.length) return null;
  return { ...r, start: r.start + offset, end: r.end + offset };
}
