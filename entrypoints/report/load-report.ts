import { browser, type PublicPath } from 'wxt/browser';
import { ReportFileSchema, reportFilePath, type ReportFile } from '../../evidence/report-file';
import { PhrasedError } from '../../i18n/phrased-error';
import { phrase } from '../../i18n/phrase';

/**
 * The text of one report, as it ships with the extension (public/reports/, written by the
 * builder): fetched from the extension itself, so it is there offline, and parsed, since a file
 * is input like any other. Null where the extension has no text of that report; a file that is
 * not one is a phrased error, said in the reader's language (schema details go to the console).
 */
export async function loadReport(id: string, fetchFile: (url: string) => Promise<Response> = (url) => fetch(url)): Promise<ReportFile | null> {
  // Written by the builder into public/reports/, so WXT's list of public paths knows them only once built.
  const response = await fetchFile(browser.runtime.getURL(reportFilePath(id) as PublicPath));
  if (!response.ok) return null;
  const parsed = ReportFileSchema.safeParse(await response.json());
  if (!parsed.success) {
    console.warn(`Eurefs: the text of ${id} is not a report file`, parsed.error.issues.slice(0, 3));
    throw new PhrasedError(phrase('reportNotAReportFile'));
  }
  return parsed.data;
}
