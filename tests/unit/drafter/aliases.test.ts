import { describe, expect, it } from 'vitest';
import { namesGiven } from '../../../drafter/aliases';

const names = (s: string) => namesGiven(s).map((n) => n.alias);

describe('namesGiven', () => {
  it('reads a name in quotes in parentheses, after "the proposed", and after "so-called"', () => {
    expect(names("The Commission proposal for a Regulation setting out a European framework for certification ('Cybersecurity Act').")).toEqual(['Cybersecurity Act']);
    expect(names('The discussions with the Council on the proposed ‘Cybersecurity Act’ have started.')).toEqual(['Cybersecurity Act']);
    expect(names("The proposal to amend the Fourth Anti-Money Laundering Directive (so-called the 5th AMLD).")).toEqual(['5th AMLD']);
  });
  it('takes no name that is not written as one, nor words in quotes that name nothing', () => {
    expect(names("a prior search under Decision 2008/615/JHA ('Prüm check').")).toEqual([]);
    expect(names('So-called \'data loaders\' provide a technical tool.')).toEqual([]);
    expect(names('The Conference on "Building Urban Defences Against Terrorism" was attended by 200 participants.')).toEqual([]);
  });
});
