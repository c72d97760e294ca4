/**
 * The report page's address: `report.html?report=COM(2018) 470&quote=…&footnote=12`. The
 * background builds it (from a request it parsed), the page parses it: an address is input that
 * anyone who can open a tab may write, so what it holds is parsed like any other.
 */
import { z } from 'zod';

/** A report's canonical id, "COM(2018) 470": also what names its file (evidence/report-file.ts). */
export const REPORT_ID = /^[A-Z]{1,5}\(\d{4}\) \d{1,5}$/;

export const ReportAddressSchema = z.strictObject({
  report: z.string().regex(REPORT_ID),
  quote: z.string().min(1).max(2000).optional(),
  footnote: z.coerce.number().int().positive().max(9999).optional(),
});
export type ReportAddress = z.infer<typeof ReportAddressSchema>;

export const REPORT_PAGE = '/report.html';

/** The address of the report page at `passage`, under the extension's `pageUrl` (runtime.getURL(REPORT_PAGE)). */
export function reportPageUrl(pageUrl: string, passage: ReportAddress): string {
  const url = new URL(pageUrl);
  url.searchParams.set('report', passage.report);
  if (passage.quote !== undefined) url.searchParams.set('quote', passage.quote);
  if (passage.footnote !== undefined) url.searchParams.set('footnote', String(passage.footnote));
  return url.href;
}

/** What the page's query string asks for; null where it names no report or is not one of ours. */
export function parseReportAddress(search: string): ReportAddress | null {
  const params = new URLSearchParams(search);
  const known = ['report', 'quote', 'footnote'] as const;
  const raw: Record<string, string> = {};
  for (const key of known) {
    const values = params.getAll(key);
    // Two values of one parameter: which the reader meant is not ours to guess.
    if (values.length > 1) return null;
    if (values.length === 1 && values[0] !== '') raw[key] = values[0]!;
  }
  const parsed = ReportAddressSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
