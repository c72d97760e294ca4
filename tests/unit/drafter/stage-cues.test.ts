import { describe, expect, it } from 'vitest';
import { FORECAST, findCues } from '../../../drafter/stage-cues';

const cues = (s: string) => findCues(s).map((c) => [c.stage, c.institution]);

describe('findCues', () => {
  it('tells a mandate from an adoption and names who acted', () => {
    expect(cues('On 12 June 2018, the Council adopted its general approach.')).toEqual([['in-negotiation', 'Council']]);
    expect(cues('At its January 2018 Plenary session, the European Parliament adopted its mandate to enter into negotiation on the Commission proposal.')).toEqual([
      ['in-negotiation', 'European Parliament'],
    ]);
    expect(cues('The Council formally adopted the Regulation on 9 November 2018.')).toEqual([['adopted', 'Council']]);
  });
  it('reads agreements, trilogues, proposals, publication, entry into force, infringements and withdrawal', () => {
    expect(cues('The European Parliament and the Council reached a provisional agreement on 5 February 2019.')[0]).toEqual(['provisional-agreement', 'European Parliament and Council']);
    expect(cues('Trilogues are on-going.')).toEqual([['in-negotiation', 'co-legislators']]);
    expect(cues('On 12 September 2018, the Commission tabled a proposal on terrorist content online.')).toEqual([['proposed', 'Commission']]);
    expect(cues('It was published in the Official Journal on 20 June 2018.')[0]![0]).toBe('published');
    expect(cues('The Directive entered into force on 9 July 2018.')[0]![0]).toBe('in-force');
    expect(cues('The Commission sent reasoned opinions to three Member States on 7 March 2019.')).toEqual([['implementation', 'Commission']]);
    expect(cues('The Commission withdrew the proposal in 2018.')[0]![0]).toBe('withdrawn');
  });
});

describe('findCues: whose adoption', () => {
  it('reads no file\'s adoption in an institution\'s own report adopted', () => {
    expect(cues('In its final report adopted in December 2018, the Special Committee on Terrorism called for a tracking system.')).toEqual([]);
  });
  it('reads a report on the evaluation of an act as an implementation step, not an adoption', () => {
    expect(cues('The Commission adopted today a report on the evaluation of Regulation 258/2012.')).toEqual([['implementation', 'Commission']]);
  });
  it('reads the Commission\'s adoption of proposals as their proposal', () => {
    expect(cues('Two amending proposals – adopted by the Commission together with this Report – will allow agreement.')).toEqual([['proposed', 'Commission']]);
    expect(cues('The Council adopted the Regulation.')).toEqual([['adopted', 'Council']]);
  });
});

describe('FORECAST', () => {
  it('reads a plan to act as a forecast, and an Action Plan as a name', () => {
    expect(FORECAST.test('The Commission plans to present a proposal.')).toBe(true);
    expect(FORECAST.test('The Commission is implementing the Action Plan to support the protection of public spaces.')).toBe(false);
  });
  it('reads "may" as a forecast, and May in a date as a month', () => {
    expect(FORECAST.test('The Member States may notify further measures.')).toBe(true);
    expect(FORECAST.test('The co-legislators reached political agreement on 24 May 2018.')).toBe(false);
    expect(FORECAST.test('In May 2018, the Commission presented a proposal.')).toBe(false);
  });
});
