/**
 * Checks that every fact in the dataset carries the progress report's own words (seeds/README.md,
 * "Evidence"). Pure: the built dataset, the normalised reports and the curators' answers in;
 * one line per problem out, naming the document, the fact and what to do.
 */
import { findQuote } from '../evidence/find-quote';
import type { ReportText } from '../evidence/report-file';
import { footnoteBlock } from '../evidence/report-text';
import type { Dataset, DatasetEvent, Report, SourceRef } from '../storage/dataset/schema';
import type { CuratedDocument } from './curated-schema';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * Whether `text` writes `date` (YYYY-MM-DD or YYYY-MM) as the reports do: "12 December 2017",
 * "12.12.2017", "December 2017", a day of a range ("22-23 March 2018", "21 and 22 March 2019").
 * Without a year ("on 6 December", "In March") it counts when the date's year is the report's
 * year, or the year before for a month later than the report's own (a January report's "in
 * December" is last December; a report does not state past events a year or more old by day and
 * month alone). A date written with another year does not count.
 */
export function writesDate(text: string, date: string, reportDate?: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
  const month = MONTH_NAMES[m - 1]!;
  const noYear = reportDate !== undefined && yearlessFits(y, m, reportDate);
  const year = `(?:,?\\s*${y})`;
  const notYear = '(?!\\s*,?\\s*\\d{4})';
  const yearOrNone = noYear ? `(?:${year}|${notYear})` : year;
  const before = '(?<![\\d.])';
  if (d === undefined) {
    return new RegExp(`\\b${month}${yearOrNone}(?![\\w])`).test(text);
  }
  const day = `0?${d}`;
  const sameMonth = `(?:\\d{1,2}\\s*(?:[-–]|and|to)\\s*)?${day}(?:\\s*(?:[-–]|and|to)\\s*\\d{1,2})?`;
  const written = new RegExp(`${before}${sameMonth}\\s+${month}${yearOrNone}(?![\\w])`);
  const numeric = new RegExp(`${before}${day}\\s*\\.\\s*0?${m}\\s*\\.\\s*${y}(?!\\d)`);
  return written.test(text) || numeric.test(text);
}

function yearlessFits(year: number, month: number, reportDate: string): boolean {
  const [ry, rm] = reportDate.split('-').map(Number) as [number, number];
  return year === ry || (year === ry - 1 && month > rm);
}

function bodyText(report: ReportText): string {
  return report.blocks.map((b) => b.text).join('\n');
}

function describeSource(source: SourceRef): string {
  return `${source.report}, ${source.section}${source.footnote !== undefined ? `, footnote ${source.footnote}` : ''}`;
}

export interface EvidenceInput {
  dataset: Dataset;
  /** each report's normalised text, by report id */
  texts: ReadonlyMap<string, ReportText>;
  /** the curated documents, for their statusChecked answers */
  curated: readonly CuratedDocument[];
}

/** Problems with a source's quote: missing, not in the report, or a footnote the report lacks. */
function quoteProblems(where: string, source: SourceRef, texts: ReadonlyMap<string, ReportText>): string[] {
  const text = texts.get(source.report);
  if (!text) return [`${where}: cites ${source.report}, whose text is not among the reports read`];
  const problems: string[] = [];
  if (source.footnote !== undefined && !footnoteBlock(text, source.footnote)) {
    problems.push(`${where}: ${source.report} has no footnote ${source.footnote}; give the number of the footnote that holds the words`);
  }
  if (source.quote === undefined) {
    problems.push(`${where}: no quote; give the sentence or footnote of ${source.report} that states it`);
  } else if (!findQuote(text, source.quote, { footnote: source.footnote })) {
    problems.push(`${where}: the quote is not in ${source.report} word for word: "${source.quote.slice(0, 80)}${source.quote.length > 80 ? '…' : ''}"`);
  }
  return problems;
}

function dateProblem(where: string, event: DatasetEvent, report: Report | undefined, texts: ReadonlyMap<string, ReportText>): string | null {
  const { source } = event;
  if (!report || source.quote === undefined) return null; // reported as a quote problem
  if (event.date === report.date) return null; // tabled together with the report
  if (writesDate(source.quote, event.date, report.date)) return null;
  const text = texts.get(source.report);
  const note = source.footnote !== undefined && text ? footnoteBlock(text, source.footnote) : null;
  if (note && writesDate(note.block.text, event.date, report.date)) return null;
  return `${where}: the date ${event.date} is not in the quote${note ? ` nor in footnote ${source.footnote}` : ''}, nor is it the report's date; quote the words that give it, or name the footnote that does`;
}

function byDate(a: { date: string }, b: { date: string }): number {
  const ka = a.date.length === 7 ? `${a.date}-00` : a.date;
  const kb = b.date.length === 7 ? `${b.date}-00` : b.date;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function checkEvidence({ dataset, texts, curated }: EvidenceInput): string[] {
  const problems: string[] = [];
  const reports = new Map(dataset.reports.map((r) => [r.id, r]));
  const curatedById = new Map(curated.map((d) => [d.id, d]));
  const allText = [...texts.values()].map(bodyText).join('\n');

  for (const report of dataset.reports) {
    const text = texts.get(report.id);
    if (!text) continue;
    const own = bodyText(text);
    const idWritten = new RegExp(`${report.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(' ', '\\s*')}(?!\\d)`).test(own);
    if (!idWritten && !report.outside?.id) {
      problems.push(`report ${report.id}: its id is not in its own text; say where it comes from in outside.id`);
    }
    if (!writesDate(own, report.date) && !report.outside?.date) {
      problems.push(`report ${report.id}: its date ${report.date} is not in its own text; say where it comes from in outside.date`);
    }
  }

  for (const doc of dataset.documents) {
    doc.events.forEach((event) => {
      const where = `${doc.id}: event ${event.date} ${event.stage} (${describeSource(event.source)})`;
      const quoteIssues = quoteProblems(where, event.source, texts);
      problems.push(...quoteIssues);
      if (quoteIssues.length === 0) {
        const issue = dateProblem(where, event, reports.get(event.source.report), texts);
        if (issue) problems.push(issue);
      }
    });
    for (const mention of doc.mentions) {
      problems.push(...quoteProblems(`${doc.id}: mention (${describeSource(mention)})`, mention, texts));
    }

    if (doc.procedure && !allText.includes(doc.procedure) && !doc.outside?.procedure) {
      problems.push(`${doc.id}: its procedure ${doc.procedure} is in no report; say where it comes from in outside.procedure`);
    }

    const checked = curatedById.get(doc.id)?.statusChecked ?? [];
    for (const answer of checked) {
      if (!reports.has(answer.report)) problems.push(`${doc.id}: statusChecked names ${answer.report}, which is not one of the reports`);
    }

    // staleness: a later report mentions a document whose curated events stop earlier
    if (doc.events.length === 0) continue;
    const latest = [...doc.events].sort(byDate)[doc.events.length - 1]!;
    const latestEventReport = reports.get(latest.source.report);
    const mentioning = doc.mentions
      .map((m) => ({ mention: m, report: reports.get(m.report) }))
      .filter((m): m is { mention: SourceRef; report: Report } => m.report !== undefined)
      .sort((a, b) => byDate(a.report, b.report));
    const last = mentioning[mentioning.length - 1];
    if (!last || !latestEventReport || byDate(last.report, latestEventReport) <= 0) continue;
    if (doc.events.some((e) => e.source.report === last.report.id)) continue;
    if (checked.some((a) => a.report === last.report.id)) continue;
    const first = mentioning.find((m) => m.report.id === last.report.id)!;
    problems.push(
      `${doc.id}: its latest event (${latest.date}, ${latest.source.report}) is older than ${last.report.id}, which mentions it in ${first.mention.section}: add the event that report states, or answer it in statusChecked`,
    );
  }
  return problems;
}
