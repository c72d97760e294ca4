/**
 * Which report each dropped file is, before drafting, so that the section can show it and ask
 * for what the text does not print: the report's own cover first, then what the other files
 * dropped with it cite, then the report of the same ordinal already in the dataset.
 */
import { citedReports, readReport, reportIdentity } from '../../../drafter/read-report';
import type { Report } from '../../../storage/dataset/schema';
import type { ReportFileIdentity } from '../../../messaging/draft-worker';

export function identifyFiles(files: readonly { name: string; raw: string }[], known: readonly Report[]): ReportFileIdentity[] {
  const read = files.map((file) => ({ name: file.name, ...readReport(file.raw) }));
  const cited = new Map<number, { id: string; date?: string }>();
  for (const r of read) for (const [n, c] of citedReports(r.text)) if (!cited.has(n)) cited.set(n, c);
  return read.map((r) => {
    const own = reportIdentity(r.text);
    const shown: ReportFileIdentity = { name: r.name, format: r.format, blocks: r.text.blocks.length, ordinal: own.ordinal, from: 'nowhere' };
    if (own.ordinal === null) return shown;
    const sources = [
      { from: 'text' as const, id: own.id, date: own.date },
      { from: 'other-report' as const, ...cited.get(own.ordinal) },
      { from: 'dataset' as const, ...known.find((k) => k.ordinal === own.ordinal) },
    ];
    // The id and the date may each come from a different place: the weakest one used is named.
    for (const source of sources) {
      if (!shown.id && source.id) {
        shown.id = source.id;
        shown.from = source.from;
      }
      if (!shown.date && source.date) {
        shown.date = source.date;
        shown.from = source.from;
      }
    }
    return shown;
  });
}
