import { describe, expect, it } from 'vitest';
import { cslItem, risRecord, type CitedDocument } from '../../../../storage/annotations/citations';

function cited(id: string, over: Partial<CitedDocument> = {}): CitedDocument {
  return { id, type: 'com', label: id, title: null, stage: null, lastSeen: '2026-11-20T10:00:00.000Z', tags: [], notes: [], info: null, ...over };
}

const risLines = (doc: CitedDocument) => risRecord(doc).split('\r\n');

describe('the date a reference manager files a document under', () => {
  it('is the document’s own date where the dataset has it', () => {
    const etias = cited('COM(2016) 731', { info: { date: '2016-11-16', kind: 'legislative-proposal' } });
    expect(cslItem(etias).issued).toEqual({ 'date-parts': [[2016, 11, 16]] });
    expect(risLines(etias)).toEqual(expect.arrayContaining(['PY  - 2016', 'DA  - 2016/11/16/']));
  });

  it('is the year the reference states for a document the dataset does not know', () => {
    const untracked = [
      cited('COM(2018) 225'),
      cited('31995L0046', { type: 'directive', label: 'Directive 95/46/EC' }),
      cited('32008R1006', { type: 'regulation', label: 'Council Regulation (EC) No 1006/2008' }),
      cited('2017/0351(COD)', { type: 'procedure' }),
    ];
    expect(untracked.map((d) => cslItem(d).issued)).toEqual([
      { 'date-parts': [[2018]] },
      { 'date-parts': [[1995]] },
      { 'date-parts': [[2008]] },
      { 'date-parts': [[2017]] },
    ]);
    expect(risLines(untracked[1]!)).toEqual(expect.arrayContaining(['PY  - 1995', 'DA  - 1995///']));
  });

  it('is a month where the dataset gives only the month', () => {
    expect(cslItem(cited('SWD(2018) 118', { type: 'swd', info: { date: '2018-04' } })).issued).toEqual({ 'date-parts': [[2018, 4]] });
  });
});

describe('the status in the reference-manager formats', () => {
  it('is spelled as the popover and the popup spell it', () => {
    const doc = cited('32016R0679', { type: 'regulation', stage: 'implementation' });
    expect(cslItem(doc).status).toBe('in implementation');
    expect(risLines(doc)).toContain('N1  - Status: in implementation');
    expect(risLines(cited('COM(2016) 731', { stage: 'in-negotiation' }))).toContain('N1  - Status: in negotiation');
  });
});
