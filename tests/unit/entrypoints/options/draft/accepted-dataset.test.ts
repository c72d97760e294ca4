import { describe, expect, it } from 'vitest';
import { acceptedDataset, skippedWords } from '../../../../../entrypoints/options/draft/accepted-dataset';
import { validateDataset } from '../../../../../storage/import/validate';
import { draftExcerpt } from './helpers';
import { wordsIn } from '../../../i18n/helpers';

const draft = draftExcerpt();
const basis = { base: draft.base, reports: draft.reports.map((r) => r.report), mentions: draft.mentions };
const events = (id: string, dataset = acceptedDataset(basis, draft.proposals).dataset) =>
  dataset.documents.find((d) => d.id === id)?.events.map((e) => `${e.stage} ${e.date}`) ?? null;

describe('the import file of the accepted proposals', () => {
  it('with every proposal accepted, is what the command writes', () => {
    expect(acceptedDataset(basis, draft.proposals)).toEqual({ dataset: draft.dataset, skipped: [] });
  });

  it('holds the base, the report and only the accepted events, and passes the import validator', async () => {
    const agreement = draft.proposals.find((p) => p.kind === 'event' && p.document === 'COM(2018) 640')!;
    const { dataset, skipped } = acceptedDataset(basis, [agreement]);
    expect(skipped).toEqual([]);
    expect(dataset.documents.length).toBe(draft.base.documents.length);
    expect(dataset.reports.map((r) => r.id)).toContain('COM(2019) 353');
    expect(events('COM(2018) 640', dataset)).toContain('provisional-agreement 2019-04-17');
    expect(events('COM(2018) 225', dataset)).toEqual(events('COM(2018) 225', draft.base));
    expect(events('32019R1148', dataset)).toBeNull();
    const checked = await validateDataset(JSON.parse(JSON.stringify(dataset)));
    expect(checked.errors).toEqual([]);
  });

  it('names the accepted events and links left out because their new document was rejected', () => {
    const withoutNewDocument = draft.proposals.filter((p) => p.kind !== 'document');
    const { dataset, skipped } = acceptedDataset(basis, withoutNewDocument);
    expect(events('32019R1148', dataset)).toBeNull();
    expect(skipped.map((item) => skippedWords(wordsIn('en'), item))).toEqual(expect.arrayContaining(['32019R1148: published July 2019', 'COM(2018) 209 → 32019R1148']));
  });

  it("words what it left out in the reader's language: the stage as EUR-Lex names it, the date as the language writes it", () => {
    const { skipped } = acceptedDataset(basis, draft.proposals.filter((p) => p.kind !== 'document'));
    const german = skipped.map((item) => skippedWords(wordsIn('de'), item));
    expect(german).toEqual(expect.arrayContaining(['32019R1148: veröffentlicht, Juli 2019', 'COM(2018) 209 → 32019R1148']));
    expect(german.join(' ')).not.toMatch(/published|2019-07/);
  });
});
