import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { guessKind, guessTitle, wordsBefore } from '../../../drafter/new-documents';

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
  it('falls back on the reference itself', () => {
    expect(read('COM(2017) 793 final (12.12.2017).')).toEqual({ kind: 'unknown', title: 'COM(2017) 793' });
    expect(read('Directive (EU) 2017/541 on combating terrorism.').kind).toBe('directive');
  });
});
