import { describe, expect, it } from 'vitest';
import { acceptedDataset } from '../../../../../entrypoints/options/draft/accepted-dataset';
import { validateDataset } from '../../../../../storage/import/validate';
import { draftExcerpt } from './helpers';

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
    expect(skipped).toEqual(expect.arrayContaining(['32019R1148: published 2019-07', 'COM(2018) 209 → 32019R1148']));
  });
});
