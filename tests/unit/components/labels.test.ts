import { describe, expect, it } from 'vitest';
import { STAGE_KEYS, TYPE_KEYS, referenceLabel, stageWords } from '../../../components/labels';
import { wordsIn } from '../i18n/helpers';
import { findReferences, parseReference } from '../../../references';

const labelOf = (text: string) => referenceLabel(parseReference(text)!);

describe('referenceLabel', () => {
  it.each([
    'Council Regulation (EC) No 1006/2008',
    'Directive 95/46/EC',
    'Council Framework Decision 2002/475/JHA',
    'Regulation (EU, Euratom) No 883/2013',
    'Decision No 1104/2011/EU',
    'Commission Implementing Regulation (EU) 2019/1234',
  ])('shows %s as the page cited it, domain and suffix kept', (cited) => {
    expect(labelOf(cited)).toBe(cited);
  });

  it('makes a citation broken over lines or by a no-break space one line', () => {
    const [broken, nbsp] = findReferences('Regulation (EU)\n2016/679 and Directive\u00a095/46/EC');
    expect(referenceLabel(broken!)).toBe('Regulation (EU) 2016/679');
    expect(referenceLabel(nbsp!)).toBe('Directive 95/46/EC');
  });

  it('writes the canonical English citation where the page wrote less, or in another language, or by CELEX', () => {
    expect(labelOf('Regulation 2016/679')).toBe('Regulation (EU) 2016/679');
    expect(labelOf('Regulation No 767/2008')).toBe('Regulation No 767/2008');
    expect(labelOf('règlement (UE) 2016/679')).toBe('Regulation (EU) 2016/679');
    expect(labelOf('CELEX:32016R0679')).toBe('Regulation (EU) 2016/679');
  });

  it('names Commission documents and procedures by their canonical id', () => {
    expect(labelOf('COM(2016) 731 final')).toBe('COM(2016) 731');
    expect(labelOf('2017/0351(COD)')).toBe('2017/0351(COD)');
  });

  it('is the canonical label for an id alone', () => {
    expect(referenceLabel({ id: '31995L0046' })).toBe('Directive 95/46');
    expect(referenceLabel({ id: 'not an id' })).toBe('not an id');
  });
});

describe('stage and kind names in the reader\'s language', () => {
  it('uses EUR-Lex\'s words for each stage and kind, and says so where no stage is recorded', () => {
    const german = wordsIn('de');
    expect(stageWords(german, 'in-force')).toBe('in Kraft');
    expect(stageWords(german, null)).toBe('kein erfasster Stand');
    expect(german.t(TYPE_KEYS.directive)).toBe('Richtlinie');
    // Every stage has words of its own: no two stages read alike.
    const english = wordsIn('en');
    const names = Object.keys(STAGE_KEYS).map((stage) => stageWords(english, stage as keyof typeof STAGE_KEYS));
    expect(new Set(names).size).toBe(names.length);
  });
});
