import { browser, type PublicPath } from 'wxt/browser';
import { ReportFileSchema, reportFilePath, type ReportFile } from '../../evidence/report-file';

/**
 * The text of one report, as it ships with the extension (public/reports/, written by the
 * builder): fetched from the extension itself, so it is there offline, and parsed, since a file
 * is input like any other. Null where the extension has no text of that report.
 */
export async function loadReport(id: string, fetchFile: (url: string) => Promise<Response> = (url) => fetch(url)): Promise<ReportFile | null> {
  // Written by the builder into public/reports/, so WXT's list of public paths knows them only once built.
  const response = await fetchFile(browser.runtime.getURL(reportFilePath(id) as PublicPath));
  if (!response.ok) return null;
  const parsed = ReportFileSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`The text of ${id} is not a report file: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  return parsed.data;
}
