import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { applyingActs } from '../../../drafter/applicable';
import { nameIndex, sentenceTies } from '../../../drafter/ties';
import { splitSentences } from '../../../drafter/sentences';

/** The documents a sentence says apply; `note` is the footnote its call (after `callAfter`) names. */
function applying(text: string, callAfter?: string, note?: string): string[] {
  const calls = callAfter ? [{ number: 1, at: text.indexOf(callAfter) + callAfter.length }] : [];
  const [sentence] = splitSentences({ kind: 'paragraph', text, calls });
  const footnotes = new Map([[1, findReferences(note ?? '')]]);
  const ties = sentenceTies(sentence!, findReferences(sentence!.text), footnotes, nameIndex([]));
  return applyingActs(sentence!.text, ties).map((a) => a.tie.document);
}

describe('applyingActs', () => {
  it('reads "the existing" act of a noun phrase, even in a sentence about the future', () => {
    const s = 'The future architecture will include the reinforced Schengen Information System, the existing Visa Information System, and the Entry/Exit System.';
    expect(applying(s, 'the existing Visa Information System', 'Regulation (EC) 767/2008 (9.7.2008).')).toEqual(['32008R0767']);
    expect(applying('The Commission proposed to strengthen the existing restrictions of Regulation 98/2013 on explosives precursors.')).toEqual(['32013R0098']);
  });
  it('does not reach past the noun phrase', () => {
    expect(applying('The Commission works within the existing legal framework.', 'framework.', 'Directive 2014/41/EU of 3 April 2014.')).toEqual([]);
  });
  it('reads "Under the ..." and "already provides" of the act they name', () => {
    expect(applying('Under the Schengen evaluation mechanism, on-site evaluations take place every five years.', 'mechanism', 'Council Regulation 1053/2013 (7.10.2013).')).toEqual(['32013R1053']);
    expect(applying('EU law already provides for standards for security features in passports.', 'passports', 'Regulation (EC) No 2252/2004 (OJ L 385, 29.12.2004, p.1).')).toEqual(['32004R2252']);
  });
  it('takes no proposal, and no forecast under "Under"', () => {
    expect(applying('The Commission presented a proposal to strengthen the existing Visa Information System.', 'Visa Information System', 'COM(2018) 302 final (16.5.2018).')).toEqual([]);
    expect(applying('Under the new Regulation, officers would check all systems.', 'Regulation', 'Regulation (EU) 2019/818.')).toEqual([]);
  });
});
