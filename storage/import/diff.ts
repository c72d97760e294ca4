/**
 * What an import would change, before it changes anything: documents added, changed, removed,
 * and the status changes that follow (derived with deriveStatus, in stageLabel's words).
 * Pure: no DOM, no browser API.
 */
import { STAGES, type Dataset, type DatasetDocument, type Report, type Stage } from '../dataset/schema';
import { deriveStatus, stageLabel } from '../dataset/status';
import type { ImportMode } from '../dataset/db';
import { asList, type LoadableDataset } from '../dataset/dataset-file';

export interface EffectiveData {
  documents: ReadonlyMap<string, DatasetDocument>;
  reports: ReadonlyMap<string, Report>;
}

export interface StatusChange {
  id: string;
  title: string;
  from: Stage | null;
  to: Stage | null;
  /** "in negotiation → provisional agreement" */
  text: string;
  /** the new status comes earlier on the legislative path than the old one */
  backwards: boolean;
  /** the import removes the document: it has no status after it, not "no tracked status" */
  removed: boolean;
}

export interface ImportPreview {
  mode: ImportMode;
  version: string;
  counts: {
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
    statusChanges: number;
    documentsAfter: number;
    eventsAfter: number;
    reportsAdded: number;
    reportsChanged: number;
    reportsRemoved: number;
  };
  /** the first `limit` of each list */
  added: { id: string; title: string }[];
  changed: { id: string; title: string; fields: string[] }[];
  removed: { id: string; title: string }[];
  statusChanges: StatusChange[];
}

const LINEAR = new Map<Stage, number>(STAGES.filter((s) => s !== 'withdrawn' && s !== 'rejected').map((s, i) => [s, i]));

/** Key order does not matter; everything else does. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameDocument(a: DatasetDocument, b: DatasetDocument): boolean {
  return stableStringify(a) === stableStringify(b);
}

export function changedFields(a: DatasetDocument, b: DatasetDocument): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter(
    (key) => stableStringify((a as Record<string, unknown>)[key]) !== stableStringify((b as Record<string, unknown>)[key]),
  );
}

/** The effective data after the import: merged over what is there, or instead of it. */
export function afterImport(current: EffectiveData, dataset: Dataset | LoadableDataset, mode: ImportMode): EffectiveData {
  const list = asList(dataset.documents);
  if (mode === 'replace') {
    const documents = new Map<string, DatasetDocument>();
    for (let i = 0; i < list.length; i++) documents.set(list.id(i), list.document(i));
    return { documents, reports: new Map(dataset.reports.map((r) => [r.id, r])) };
  }
  const documents = new Map(current.documents);
  for (let i = 0; i < list.length; i++) documents.set(list.id(i), list.document(i));
  const reports = new Map(current.reports);
  for (const report of dataset.reports) reports.set(report.id, report);
  return { documents, reports };
}

export function isBackwards(from: Stage | null, to: Stage | null): boolean {
  if (from === null || to === null) return false;
  const a = LINEAR.get(from);
  const b = LINEAR.get(to);
  if (a === undefined) return b !== undefined; // withdrawn/rejected back to a live stage
  return b !== undefined && b < a;
}

export interface PreviewOptions {
  limit?: number;
  pause?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  sliceSize?: number;
}

export async function previewImport(
  current: EffectiveData,
  dataset: Dataset | LoadableDataset,
  mode: ImportMode,
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const limit = options.limit ?? 200;
  const slice = options.sliceSize ?? 5000;
  const after = afterImport(current, dataset, mode);
  const preview: ImportPreview = {
    mode,
    version: dataset.version,
    counts: {
      added: 0,
      changed: 0,
      removed: 0,
      unchanged: 0,
      statusChanges: 0,
      documentsAfter: after.documents.size,
      eventsAfter: 0,
      reportsAdded: 0,
      reportsChanged: 0,
      reportsRemoved: 0,
    },
    added: [],
    changed: [],
    removed: [],
    statusChanges: [],
  };
  const { counts } = preview;

  for (const [id, report] of after.reports) {
    const before = current.reports.get(id);
    if (!before) counts.reportsAdded++;
    else if (stableStringify(before) !== stableStringify(report)) counts.reportsChanged++;
  }
  for (const id of current.reports.keys()) if (!after.reports.has(id)) counts.reportsRemoved++;

  const reportsBefore = [...current.reports.values()];
  const reportsAfter = [...after.reports.values()];
  const ids = [...new Set([...current.documents.keys(), ...after.documents.keys()])].sort();
  for (let start = 0; start < ids.length; start += slice) {
    const end = Math.min(ids.length, start + slice);
    for (let i = start; i < end; i++) {
      const id = ids[i]!;
      const before = current.documents.get(id);
      const next = after.documents.get(id);
      if (next) counts.eventsAfter += next.events.length;
      if (!before && next) {
        counts.added++;
        if (preview.added.length < limit) preview.added.push({ id, title: next.title });
      } else if (before && !next) {
        counts.removed++;
        if (preview.removed.length < limit) preview.removed.push({ id, title: before.title });
      } else if (before && next) {
        if (before === next || sameDocument(before, next)) counts.unchanged++;
        else {
          counts.changed++;
          if (preview.changed.length < limit) preview.changed.push({ id, title: next.title, fields: changedFields(before, next) });
        }
      }
      // The status can change even for an unchanged document: a new report moves the cut-off date.
      const from = before ? deriveStatus(before, reportsBefore).stage : null;
      const to = next ? deriveStatus(next, reportsAfter).stage : null;
      if (from !== to && (before || to !== null)) {
        counts.statusChanges++;
        if (preview.statusChanges.length < limit) {
          preview.statusChanges.push({
            id,
            title: (next ?? before)!.title,
            from,
            to,
            text: `${stageLabel(from)} → ${next ? stageLabel(to) : 'removed'}`,
            backwards: isBackwards(from, to),
            removed: !next,
          });
        }
      }
    }
    options.onProgress?.(end, ids.length);
    if (options.pause && end < ids.length) await options.pause();
  }
  // Backwards moves first: those are the ones to look at.
  preview.statusChanges.sort((a, b) => Number(b.backwards) - Number(a.backwards) || (a.id < b.id ? -1 : 1));
  return preview;
}
