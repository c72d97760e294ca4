import { describe, expect, it } from 'vitest';
import { checkRow, type Expected } from './helpers';
import { findReferences, PROCEDURE_TYPES } from '../../../references';

const P = (year: number, number: string, type: string, text?: string): Expected => ({
  id: `${year}/${number}(${type})`,
  type: 'procedure',
  year,
  number,
  celex: undefined,
  ...(text !== undefined ? { text } : {}),
});

const TABLE: [string, Expected[]][] = [
  ['2017/0351(COD)', [P(2017, '0351', 'COD', '2017/0351(COD)')]],
  ['2017/0351 (COD)', [P(2017, '0351', 'COD', '2017/0351 (COD)')]],
  ['2017/0351\u00a0(COD)', [P(2017, '0351', 'COD')]],
  ['2017/0351\n(COD)', [P(2017, '0351', 'COD')]],
  ['2015/0289/COD', [P(2015, '0289', 'COD', '2015/0289/COD')]],
  ['COD 2007/0234', [P(2007, '0234', 'COD', 'COD 2007/0234')]],
  ['2016/0400A(COD)', [P(2016, '0400A', 'COD', '2016/0400A(COD)')]],
  ['(2018/2202(DEC))', [P(2018, '2202', 'DEC', '2018/2202(DEC)')]],
  ['2018/2044(INI)', [P(2018, '2044', 'INI')]],
  ['2017/2068 (INI)', [P(2017, '2068', 'INI')]],
  ['2020/2012 (INL)', [P(2020, '2012', 'INL')]],
  ['2018/0136 (CNS)', [P(2018, '0136', 'CNS')]],
  ['2019/0808(NLE)', [P(2019, '0808', 'NLE')]],
  ['2019/2655(RSP)', [P(2019, '2655', 'RSP')]],
  ['2011/0901B(COD)', [P(2011, '0901B', 'COD')]],
  ['1998/0123(SYN)', [P(1998, '0123', 'SYN')]],
  ['2017/351(COD)', [P(2017, '0351', 'COD')]],
  ['ficheprocedure.do?reference=2017/0351(COD)', [P(2017, '0351', 'COD', '2017/0351(COD)')]],
];

const NEGATIVE = [
  '2017/0351',
  '2017/0351 (cod)',
  '2017/0351(XYZ)',
  '2016/2017',
  '12/2017/0351(COD)',
  'COD 2007/234',
  'COD 2007/02345',
  'COM 2007/0234',
  '3017/0351(COD)',
];

describe('procedure numbers', () => {
  it.each(TABLE)('%j', (input, expected) => checkRow(input, expected));
  it.each(NEGATIVE)('not a reference: %j', (input) => {
    expect(findReferences(input)).toEqual([]);
  });
  it.each(PROCEDURE_TYPES.map((t) => [t]))('type %s', (t) => {
    checkRow(`2019/0101(${t})`, [P(2019, '0101', t)]);
  });
  it('links to the Legislative Observatory', () => {
    expect(findReferences('2017/0351 (COD)')[0]?.url).toBe(
      'https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=2017/0351(COD)',
    );
  });
});

describe('procedure numbers, type first', () => {
  it.each(['DEC 2019/2020', 'BUD 2019/0123', 'COD 2019/2020', 'INI 2018/2044'])('not a reference: %j', (input) => {
    expect(findReferences(input)).toEqual([]);
  });
  it.each([['CNS 2018/0136', '2018/0136(CNS)'], ['APP-2019/0001', '2019/0001(APP)']])('%j', (input, id) => {
    expect(findReferences(input).map((r) => r.id)).toEqual([id]);
  });
});
