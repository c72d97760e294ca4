/**
 * Which notes and history rows an export takes: scope (all, or a set of pages) and filters by
 * document type, status, tag and date. Pure functions of the records.
 */
import {
  pageKey,
  type ExportFilters,
  type ExportScope,
  type Note,
  type StatusFilterValue,
  type Visit,
  type VisitReference,
} from './schema';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters turned into predicates once, not per record. */
export interface CompiledFilters {
  scopeUrls: Set<string> | null;
  types: Set<string> | null;
  statuses: Set<StatusFilterValue> | null;
  tags: Set<string> | null;
  from: number;
  to: number;
  /** true when a filter narrows the documents (a page with none of them left is left out) */
  narrowsDocuments: boolean;
}

function bound(value: string | undefined, end: boolean): number {
  if (!value) return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  // A day bound takes in the whole day (UTC).
  const instant = DAY.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return time;
}

const setOrNull = <T>(values: readonly T[]): Set<T> | null => (values.length > 0 ? new Set(values) : null);

export function compileFilters(scope: ExportScope, filters: ExportFilters): CompiledFilters {
  const types = setOrNull(filters.types);
  const statuses = setOrNull(filters.statuses);
  const tags = setOrNull(filters.tags.map((t) => t.toLowerCase()));
  return {
    scopeUrls: scope.kind === 'pages' ? new Set(scope.urls.map(pageKey)) : null,
    types,
    statuses,
    tags,
    from: bound(filters.from, false),
    to: bound(filters.to, true),
    narrowsDocuments: Boolean(types || statuses || tags),
  };
}

function inRange(f: CompiledFilters, iso: string): boolean {
  const time = Date.parse(iso);
  return time >= f.from && time <= f.to;
}

export function noteMatches(f: CompiledFilters, note: Note): boolean {
  if (f.scopeUrls && !f.scopeUrls.has(pageKey(note.page.url))) return false;
  if (!inRange(f, note.createdAt)) return false;
  if (f.types && !(note.type && f.types.has(note.type))) return false;
  if (f.statuses && !f.statuses.has(note.stage ?? 'untracked')) return false;
  if (f.tags && !note.tags.some((t) => f.tags!.has(t.toLowerCase()))) return false;
  return true;
}

/**
 * A visit narrowed to the references that pass the filters, or null when the visit is out.
 * `taggedDocuments`: the documents that carry a note with one of the filter's tags.
 */
export function filterVisit(f: CompiledFilters, visit: Visit, taggedDocuments: ReadonlySet<string>): Visit | null {
  if (f.scopeUrls && !f.scopeUrls.has(pageKey(visit.url))) return null;
  if (!inRange(f, visit.visitedAt)) return null;
  if (!f.narrowsDocuments) return visit;
  const references = visit.references.filter((r) => referenceMatches(f, r, taggedDocuments));
  if (references.length === 0) return null;
  return references.length === visit.references.length ? visit : { ...visit, references };
}

function referenceMatches(f: CompiledFilters, r: VisitReference, taggedDocuments: ReadonlySet<string>): boolean {
  if (f.types && !f.types.has(r.type)) return false;
  if (f.statuses && !f.statuses.has(r.stage ?? 'untracked')) return false;
  if (f.tags && !taggedDocuments.has(r.id)) return false;
  return true;
}

/** Does a note carry one of the filter's tags (for the tagged-documents set)? */
export function noteHasFilterTag(f: CompiledFilters, note: Note): boolean {
  return f.tags !== null && note.tags.some((t) => f.tags!.has(t.toLowerCase()));
}
