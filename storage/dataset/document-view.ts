import type { DatasetDocument, Report } from './schema';
import type { DocumentView } from '../../messaging/to-background';
import { deriveStatus } from './status';

/** Joins a stored document with its reports and derived status into what the popover shows. */
export function toDocumentView(doc: DatasetDocument, reportsById: ReadonlyMap<string, Report>): DocumentView {
  const reports = [...reportsById.values()];
  const status = deriveStatus(doc, reports);
  const timeline = [...doc.events]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((event) => {
      const report = reportsById.get(event.source.report);
      return {
        date: event.date,
        stage: event.stage,
        institution: event.institution,
        label: event.label,
        source: {
          report: event.source.report,
          section: event.source.section,
          ...(event.source.quote ? { quote: event.source.quote } : {}),
          ...(event.source.footnote ? { footnote: event.source.footnote } : {}),
          ...(report ? { reportTitle: report.title, reportDate: report.date } : {}),
        },
      };
    });
  return {
    id: doc.id,
    type: doc.type,
    kind: doc.kind,
    title: doc.title,
    aliases: doc.aliases,
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.celex ? { celex: doc.celex } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.procedure ? { procedure: doc.procedure } : {}),
    ...(doc.becameAct ? { becameAct: doc.becameAct } : {}),
    ...(doc.fromProposal ? { fromProposal: doc.fromProposal } : {}),
    status: status.stage
      ? {
          stage: status.stage,
          ...(status.since ? { since: status.since } : {}),
          ...(status.asOf
            ? { asOfReport: status.asOf.id, asOfReportTitle: status.asOf.title, asOfDate: status.asOf.date }
            : {}),
        }
      : null,
    timeline,
    ...(doc.outside ? { outside: doc.outside } : {}),
  };
}
