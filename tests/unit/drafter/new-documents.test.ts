import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { guessKind, guessTitle, kindCalledAs, wordsBefore } from '../../../drafter/new-documents';

function read(sentence: string) {
  const refs = findReferences(sentence);
  const ref = refs[0]!;
  const before = wordsBefore(sentence, ref, refs);
  return { kind: guessKind(ref, before), title: guessTitle(ref, before) };
}

describe('new documents', () => {
  it('takes the title and kind the report gives before the number', () => {
    expect(read('Joint Communication on Resilience, Deterrence and Defence: Building strong cybersecurity for the EU, JOIN(2017) 450 final (13.9.2017).')).toEqual({
      kind: 'joint-communication',
      title: 'Joint Communication on Resilience, Deterrence and Defence: Building strong cybersecurity for the EU',
    });
    expect(read('Proposal for a Regulation on preventing the dissemination of terrorist content online, COM(2018) 640 final.').kind).toBe('legislative-proposal');
  });
  it('reads a procedure number after "European Parliament resolution" as the resolution', () => {
    expect(read('European Parliament resolution of 12 December 2018 on findings and recommendations of the Special Committee on Terrorism (2018/2044(INI)).').kind).toBe('ep-resolution');
    expect(read('The file 2018/0331(COD) is discussed.').kind).toBe('unknown');
  });
  it('falls back on the reference itself', () => {
    expect(read('COM(2017) 793 final (12.12.2017).')).toEqual({ kind: 'unknown', title: 'COM(2017) 793' });
    expect(read('Directive (EU) 2017/541 on combating terrorism.').kind).toBe('directive');
  });
});

describe('the kind the sentence calling a footnote gives its document', () => {
  const before = (sentence: string, word: string) => sentence.slice(0, sentence.indexOf(word) + word.length);
  it('is the kind word nearest before the call, even in a sentence that goes on about a proposal', () => {
    const s = 'As part of the European response to travel document fraud set out in the December 2016 Action Plan, the Commission adopted together with this Progress Report a proposal for a Regulation.';
    expect(kindCalledAs(before(s, 'Action Plan'))).toBe('action-plan');
    expect(kindCalledAs(before(s, 'proposal for a Regulation'))).toBe('legislative-proposal');
  });
  it('reads a proposal in a verb, a legislative proposal and a proposal for an act', () => {
    expect(kindCalledAs('In September 2017, the Commission proposed')).toBe('legislative-proposal');
    expect(kindCalledAs('the Commission adopted three legislative proposals, in December 2016, to strengthen the Schengen Information System (SIS)')).toBe('legislative-proposal');
    expect(kindCalledAs('the Commission put forward a proposal on 7 January 2019 setting out technical amendments')).toBe('legislative-proposal');
  });
  it('does not make proposals for something that is no act a legislative proposal', () => {
    expect(kindCalledAs('The Commission\'s proposals for the Multiannual Financial Framework for 2021-2027 "A Modern Budget for a Union that Protects, Empowers and Defends"')).toBeNull();
  });
  it('does not take "this report" for the footnote\'s document', () => {
    expect(kindCalledAs('The legislative proposals, tabled as part of a package with this report')).toBeNull();
  });
  it('reads communications and recommendations', () => {
    expect(kindCalledAs('In its Communication of 26 April 2018 "Tackling online disinformation: a European approach"')).toBe('communication');
    expect(kindCalledAs('the Commission adopted a package of measures, including a Recommendation')).toBe('recommendation');
  });
});
