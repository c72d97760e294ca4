import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../../../drafter/draft';
import { proposalDate, proposalSubject, reviewOrder } from '../../../../../entrypoints/options/draft/review-order';

const evidence = { report: 'COM(2019) 145', section: 'II', quote: 'q', context: 'q' };
const event = (document: string, date: string, confidence: number): Proposal => ({
  kind: 'event',
  document,
  confidence,
  tie: 'reference',
  evidence,
  event: { date, stage: 'adopted', institution: 'Council', label: 'Adopted', source: { report: evidence.report, section: 'II' } },
});
const newDoc = (id: string, confidence: number): Proposal => ({
  kind: 'document',
  confidence,
  evidence,
  document: { id, type: 'regulation', kind: 'regulation', title: 'T', aliases: [], topics: [], amends: [], amendedBy: [], mentions: [], events: [] },
});
const link = (proposal: string, confidence: number): Proposal => ({ kind: 'link', proposal, act: '32019R1148', confidence, evidence });

describe('the review order', () => {
  it('puts the least confident first, then groups by document, new documents before their events, by date', () => {
    const items = [
      event('COM(2018) 640', '2019-04-17', 0.9),
      event('COM(2018) 209', '2019-07', 0.4),
      link('COM(2018) 209', 0.85),
      event('32019R1148', '2019-07', 0.4),
      newDoc('32019R1148', 0.4),
      event('COM(2018) 225', '2019-06-06', 0.9),
      event('COM(2018) 225', '2019-01-02', 0.9),
    ].map((proposal, i) => ({ proposal, key: `p${i}` }));
    expect(reviewOrder(items).map((i) => `${i.proposal.confidence} ${proposalSubject(i.proposal)} ${i.proposal.kind} ${proposalDate(i.proposal)}`)).toEqual([
      '0.4 32019R1148 document ',
      '0.4 32019R1148 event 2019-07',
      '0.4 COM(2018) 209 event 2019-07',
      '0.85 COM(2018) 209 link ',
      '0.9 COM(2018) 225 event 2019-01-02',
      '0.9 COM(2018) 225 event 2019-06-06',
      '0.9 COM(2018) 640 event 2019-04-17',
    ]);
  });

  it('leaves the list it is given as it was', () => {
    const items = [{ proposal: event('B', '2019', 0.9) }, { proposal: event('A', '2019', 0.1) }];
    reviewOrder(items);
    expect(items.map((i) => proposalSubject(i.proposal))).toEqual(['B', 'A']);
  });
});
