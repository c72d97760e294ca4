import { postToBackground } from '../../messaging/post-to-background';
import { pageToBackground } from '../../messaging/page-to-background';
import type { ReportPassage } from './evidence';

/**
 * Asks the background to open the report page at `passage` (a web page cannot open an extension
 * page itself). Resolves false where the background did not open it (a report the dataset does
 * not have, or no answer).
 */
export async function openReport(passage: ReportPassage, send: (message: { type: 'open-report' } & ReportPassage) => Promise<unknown> = postToBackground): Promise<boolean> {
  try {
    return pageToBackground()['open-report'].answer.parse(await send({ type: 'open-report', ...passage })).opened;
  } catch (error) {
    console.warn('Eurefs: could not open the report', error);
    return false;
  }
}
