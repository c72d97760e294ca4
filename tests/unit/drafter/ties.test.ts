import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { nameIndex, sentenceTies } from '../../../drafter/ties';
import { splitSentences } from '../../../drafter/sentences';
import type { DatasetDocument } from '../../../storage/dataset/schema';

const doc = (id: string, title: string, aliases: string[]): DatasetDocument => ({
  id, type: 'com', kind: 'legislative-proposal', title, aliases, topics: [], amends: [], amendedBy: [], mentions: [], events: [],
});

describe('sentenceTies', () => {
  it('ties a sentence to its references, to those of the footnotes it calls, and to documents named by alias', () => {
    const text = 'The co-legislators reached agreement on the ETIAS proposal and on the interoperability proposals.';
    const [sentence] = splitSentences({ kind: 'paragraph', text, calls: [{ number: 7, at: text.length - 1 }] });
    const footnotes = new Map([[7, findReferences('COM(2017) 793 final and COM(2017) 794 final.')]]);
    const names = nameIndex([doc('COM(2016) 731', 'Proposal for a Regulation establishing ETIAS', ['ETIAS'])]);
    const ties = sentenceTies(sentence!, findReferences(sentence!.text), footnotes, names);
    expect(ties.map((t) => [t.document, t.how])).toEqual([
      ['COM(2016) 731', 'alias'],
      ['COM(2017) 793', 'footnote'],
      ['COM(2017) 794', 'footnote'],
    ]);
  });
  it('does not read an acronym in lower case as the alias', () => {
    const names = nameIndex([doc('COM(2016) 731', 'x', ['ETIAS'])]);
    expect(names.find('the etias scheme')).toEqual([]);
  });
});
