import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceStarts } from '../../../evidence/sentence';

const text =
  'The Council adopted its position on 8 December 2017. The proposal (COM(2017) 793 final) is on the table, e.g. in the ' +
  'Council. See Regulation (EC) No. 767/2008, p. 1. "Quoted words." Then 12 Member States agreed.';

describe('sentenceAround', () => {
  it('gives the sentence that holds a span', () => {
    const at = text.indexOf('COM(2017) 793');
    expect(sentenceAround(text, at, at + 13).text).toBe('The proposal (COM(2017) 793 final) is on the table, e.g. in the Council.');
  });

  it('does not end a sentence at an abbreviation or inside a reference', () => {
    const at = text.indexOf('767/2008');
    expect(sentenceAround(text, at, at + 8).text).toBe('See Regulation (EC) No. 767/2008, p. 1.');
  });

  it('ends sentences before a quotation mark and a number, and the first and last sentences run to the edges', () => {
    expect(sentenceStarts(text).map((s) => text.slice(s, s + 6))).toEqual(['The Co', 'The pr', 'See Re', '"Quote', 'Then 1']);
    expect(sentenceAround(text, 0, 3).text).toBe('The Council adopted its position on 8 December 2017.');
    expect(sentenceAround(text, text.length - 3, text.length).text).toBe('Then 12 Member States agreed.');
  });

  it('covers a span over two sentences with both', () => {
    const at = text.indexOf('2017. The');
    expect(sentenceAround(text, at, at + 9).text).toMatch(/^The Council adopted .* e\.g\. in the Council\.$/);
  });
});
