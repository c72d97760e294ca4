import { readFileSync } from 'node:fs';
import { draftUpdate, type Draft } from '../../../../../drafter/draft';
import { bundledDataset } from '../../../storage/import/helpers';

/** The short report written for these tests, as staff would drop it. */
export const EXCERPT = readFileSync(new URL('../../../../data/draft/nineteenth-report-excerpt.md', import.meta.url), 'utf8');
export const EXCERPT_REPORT = { reportId: 'COM(2019) 353', date: '2019-07-24' };

/** The excerpt drafted against the bundled dataset, as the section drafts it. */
export function draftExcerpt(): Draft {
  return draftUpdate([{ name: 'excerpt.md', raw: EXCERPT, id: EXCERPT_REPORT.reportId, date: EXCERPT_REPORT.date }], bundledDataset());
}
