import { describe, expect, it } from 'vitest';
import type { ProposedEvent } from '../../../../../drafter/draft';
import { checkEdit, countDecisions, decideAll, reviewItems, reviewedProposal } from '../../../../../entrypoints/options/draft/review-items';
import { draftExcerpt } from './helpers';

const draft = draftExcerpt();
const events = draft.proposals.filter((p): p is ProposedEvent => p.kind === 'event');
const misread = events.find((p) => p.document === 'COM(2018) 209' && p.event.stage === 'proposed')!;
const known = new Set([...draft.base.documents.map((d) => d.id), '32019R1148']);

describe('checking an edit', () => {
  it('finds the drafted event it is about', () => {
    expect(misread.event.date).toBe('2019-06-20');
    expect(misread.evidence.quote).toContain('was adopted on 20 June 2019, following the Commission proposal COM(2018) 209');
  });

  it('takes a stage, a date of the quote and a known document without a word', () => {
    expect(checkEdit(misread, { stage: 'adopted', date: '2019-06-20', document: 'COM(2018) 209' }, known)).toEqual({ problems: [], dateNotInQuote: false });
    expect(checkEdit(misread, { stage: 'adopted', date: '2019-06-20', document: ' 32019R1148 ' }, known).problems).toEqual([]);
  });

  it('flags an edited date the quote does not state, and not the drafted date itself', () => {
    expect(checkEdit(misread, { stage: 'adopted', date: '2019-06-21', document: 'COM(2018) 209' }, known)).toEqual({ problems: [], dateNotInQuote: true });
    expect(checkEdit(misread, { stage: 'adopted', date: '2019-06', document: 'COM(2018) 209' }, known).dateNotInQuote).toBe(true);
  });

  it('reads "together with this report" as the report date it is given', () => {
    const together = { ...misread, evidence: { ...misread.evidence, quote: 'The Commission tabled together with this report a proposal COM(2019) 1.' } };
    const edit = { stage: 'proposed' as const, date: '2019-07-24', document: 'COM(2018) 209' };
    expect(checkEdit(together, edit, known, '2019-07-24').dateNotInQuote).toBe(false);
    expect(checkEdit(together, edit, known).dateNotInQuote).toBe(true);
  });

  it('refuses a day that is not in the calendar, a stage that is not the schema’s and a document nobody knows', () => {
    const check = checkEdit(misread, { stage: 'agreed' as never, date: '2019-02-30', document: 'COM(2099) 9' }, known);
    expect(check.problems).toEqual(['date-invalid', 'stage-unknown', 'document-unknown']);
    expect(check.dateNotInQuote).toBe(false);
    expect(checkEdit(misread, { stage: 'adopted', date: '20.6.2019', document: 'COM(2018) 209' }, known).problems).toEqual(['date-invalid']);
  });
});

describe('the reviewed proposal', () => {
  it('takes the edited stage, date and document, with a label for the new stage, and keeps the quote, section and report', () => {
    const [item] = reviewItems([misread]);
    const reviewed = reviewedProposal({ ...item!, edit: { stage: 'adopted', date: '2019-06-20', document: ' COM(2018) 209 ' } });
    expect(reviewed.kind === 'event' && reviewed.event).toEqual({ ...misread.event, stage: 'adopted', label: 'Adopted' });
    expect(reviewed.kind === 'event' && reviewed.document).toBe('COM(2018) 209');
    expect(reviewed.evidence).toEqual(misread.evidence);
    expect(reviewed.kind === 'event' && reviewed.event.source.quote).toBe(misread.evidence.quote);
  });

  it('is the drafted proposal when nothing was edited', () => {
    const [item] = reviewItems([misread]);
    expect(reviewedProposal(item!)).toBe(misread);
  });
});

describe('decisions', () => {
  it('start pending, and Accept all shown / Reject all change only the items named', () => {
    const items = reviewItems(draft.proposals);
    expect(items.map((i) => i.key)).toEqual(draft.proposals.map((_, i) => `p${i}`));
    expect(countDecisions(items)).toEqual({ accepted: 0, rejected: 0, pending: items.length });
    const someAccepted = decideAll(items, new Set(['p0', 'p1']), 'accepted');
    const oneRejected = decideAll(someAccepted, new Set(['p2']), 'rejected');
    expect(countDecisions(oneRejected)).toEqual({ accepted: 2, rejected: 1, pending: items.length - 3 });
    expect(countDecisions(items).pending).toBe(items.length);
  });
});
