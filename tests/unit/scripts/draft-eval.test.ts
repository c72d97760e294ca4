import { describe, expect, it } from 'vitest';
import { draftUpdate, emptyDataset } from '../../../drafter/draft';
import { compare } from '../../../scripts/draft-eval';
import type { Dataset } from '../../../storage/dataset/schema';

describe('compare', () => {
  it('counts the curated events a draft proposes, those it adds, and the statuses that agree', () => {
    const raw = 'This is the eighteenth report.\nOn 12 June 2018, the Council adopted its general approach on COM(2017) 489 final. On 5 February 2019 a provisional agreement was reached on COM(2017) 489.';
    const draft = draftUpdate([{ name: 't', raw }], null, { given: new Map([[18, { id: 'COM(2019) 145', date: '2019-03-20' }]]) });
    const truth: Dataset = { ...emptyDataset(), reports: draft.dataset.reports };
    const source = { report: 'COM(2019) 145', section: 'Introduction' };
    truth.documents.push({
      id: 'COM(2017) 489', type: 'com', kind: 'legislative-proposal', title: 't', aliases: [], topics: [], amends: [], amendedBy: [], mentions: [],
      events: [
        { date: '2018-06-12', stage: 'in-negotiation', institution: 'Council', label: 'x', source },
        { date: '2019-03-01', stage: 'adopted', institution: 'Council', label: 'x', source },
      ],
    });
    const f = compare(draft, truth, new Set(['COM(2019) 145']));
    expect([f.curatedEvents, f.proposedEvents, f.matched, f.extra, f.statusesAgree, f.quotesFound]).toEqual([2, 2, 1, 1, 0, 2]);
  });
});
