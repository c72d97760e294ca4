/**
 * A document's current status, derived from its dated events (docs/ARCHITECTURE.md, "Status").
 * Pure: no DOM, no browser API, no clock. The dataset is "as of" its reports, so events dated
 * after the latest report (scheduled deadlines, planned application dates) are not yet current.
 */
import type { DatasetDocument, DatasetEvent, Report, Stage } from './schema';
import { STAGES } from './stages';

export interface DerivedStatus {
  /** the current stage, or null when the document has no (current) event */
  stage: Stage | null;
  /** date of the event that gives the stage */
  since?: string;
  /**
   * the report that confirms the status: set when the event giving the stage comes from the
   * latest report that mentions the document (so the status was current at that report's date)
   */
  asOf?: Report;
  /** the event that gives the stage */
  event?: DatasetEvent;
}

const TERMINAL: ReadonlySet<Stage> = new Set<Stage>(['withdrawn', 'rejected']);

const STAGE_ORDER = new Map<Stage, number>(STAGES.map((stage, index) => [stage, index]));

/** `YYYY-MM` sorts before every day of that month; `YYYY-MM-DD` as is. */
export function dateKey(date: string): string {
  return date.length === 7 ? `${date}-00` : date;
}

function compareEvents(a: DatasetEvent, b: DatasetEvent): number {
  const byDate = dateKey(a.date).localeCompare(dateKey(b.date));
  if (byDate !== 0) return byDate;
  return (STAGE_ORDER.get(a.stage) ?? 0) - (STAGE_ORDER.get(b.stage) ?? 0);
}

function latestReportDate(reports: readonly Report[]): string | undefined {
  let latest: string | undefined;
  for (const report of reports) {
    if (latest === undefined || dateKey(report.date) > dateKey(latest)) latest = report.date;
  }
  return latest;
}

/** The latest report (by date, then ordinal) that mentions the document or is the source of one of its events. */
export function latestMentioningReport(doc: DatasetDocument, reports: readonly Report[]): Report | undefined {
  const ids = new Set<string>([...doc.mentions.map((m) => m.report), ...doc.events.map((e) => e.source.report)]);
  let latest: Report | undefined;
  for (const report of reports) {
    if (!ids.has(report.id)) continue;
    if (
      latest === undefined ||
      dateKey(report.date) > dateKey(latest.date) ||
      (report.date === latest.date && report.ordinal > latest.ordinal)
    ) {
      latest = report;
    }
  }
  return latest;
}

export function deriveStatus(
  doc: DatasetDocument,
  reports: Report[],
): { stage: Stage | null; since?: string; asOf?: Report; event?: DatasetEvent } {
  const cutoff = latestReportDate(reports);
  const current = doc.events
    .filter((event) => cutoff === undefined || dateKey(event.date) <= dateKey(cutoff))
    .slice()
    .sort(compareEvents);
  if (current.length === 0) return { stage: null };

  // withdrawn and rejected are terminal: the first of them wins over anything dated later
  const terminal = current.find((event) => TERMINAL.has(event.stage));
  const event = terminal ?? current[current.length - 1]!;

  // A stage a later report confirms ("still in negotiation") began with the first event of the run
  // of events at that stage, not with the latest one.
  let first = current.indexOf(event);
  if (!terminal) while (first > 0 && current[first - 1]!.stage === event.stage) first -= 1;
  const result: { stage: Stage | null; since?: string; asOf?: Report; event?: DatasetEvent } = {
    stage: event.stage,
    since: current[first]!.date,
    event,
  };
  const latest = latestMentioningReport(doc, reports);
  if (latest && event.source.report === latest.id) result.asOf = latest;
  return result;
}

const LABELS: Record<Stage, string> = {
  announced: 'announced',
  proposed: 'proposed',
  'in-negotiation': 'in negotiation',
  'provisional-agreement': 'provisional agreement',
  adopted: 'adopted',
  published: 'published',
  'in-force': 'in force',
  applicable: 'applicable',
  implementation: 'in implementation',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
};

/** Words for a stage, for the popover and lists; null gives "no tracked status". */
export function stageLabel(stage: Stage | null): string {
  return stage === null ? 'no tracked status' : LABELS[stage];
}
