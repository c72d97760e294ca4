import { describe, expect, it } from 'vitest';
import { checkRow, type Expected } from './helpers';
import { findReferences } from '../../../references';

const TABLE: [string, Expected[]][] = [
  ['32016R0679', [{ id: '32016R0679', type: 'regulation', year: 2016, number: '679', celex: '32016R0679' }]],
  ['32017L0541', [{ id: '32017L0541', type: 'directive', celex: '32017L0541' }]],
  ['32008D0615', [{ id: '32008D0615', type: 'decision' }]],
  ['32002F0584', [{ id: '32002F0584', type: 'framework-decision' }]],
  ['CELEX:52017PC0793', [{ id: 'COM(2017) 793', type: 'com', year: 2017, number: '793', celex: '52017PC0793', text: 'CELEX:52017PC0793' }]],
  ['52018DC0470', [{ id: 'COM(2018) 470', type: 'com', celex: '52018DC0470' }]],
  ['52017JC0450', [{ id: 'JOIN(2017) 450', type: 'join', celex: '52017JC0450' }]],
  ['52019SC0285', [{ id: 'SWD(2019) 285', type: 'swd', celex: '52019SC0285' }]],
  ['CELEX number 32016R0679', [{ id: '32016R0679' }]],
  ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679', [{ id: '32016R0679', text: 'CELEX:32016R0679' }]],
  ['legal-content/EN/AUTO/?uri=celex:32009l0065', [{ id: '32009L0065', text: 'celex:32009l0065' }]],
  ['?uri=CELEX%3A52020PC0767', [{ id: 'COM(2020) 767', celex: '52020PC0767', text: 'CELEX%3A52020PC0767' }]],
  ['02009L0065-20130620', [{ id: '32009L0065', type: 'directive', text: '02009L0065-20130620' }]],
  ['32016R0679(01)', [{ id: '32016R0679' }]],
  ['data.europa.eu/eli/dir/2017/541/oj', [{ id: '32017L0541', type: 'directive', text: 'data.europa.eu/eli/dir/2017/541/oj' }]],
  ['http://data.europa.eu/eli/reg/2017/2403/oj', [{ id: '32017R2403', type: 'regulation' }]],
  ['/eli/reg/2016/679/oj', [{ id: '32016R0679', type: 'regulation' }]],
  ['https://eur-lex.europa.eu/eli/dec/2008/615/oj', [{ id: '32008D0615', type: 'decision' }]],
  ['/eli/dec_framw/2002/584/oj', [{ id: '32002F0584', type: 'framework-decision' }]],
  ['/eli/reg_impl/2015/1998/oj/eng', [{ id: '32015R1998', type: 'regulation' }]],
];

const NEGATIVE = [
  '32016r0679',
  '62014CJ0362',
  '32016H0123',
  '320161R0679',
  'X32016R0679',
  '52017XC0793',
  '/eli/xyz/2017/541/oj',
  '12345678901',
];

describe('CELEX numbers, ELI and EUR-Lex links', () => {
  it.each(TABLE)('%j', (input, expected) => checkRow(input, expected));
  it.each(NEGATIVE)('not a reference: %j', (input) => {
    expect(findReferences(input)).toEqual([]);
  });
  it('links a COM document by its CELEX where the CELEX is known', () => {
    expect(findReferences('52017PC0793')[0]?.url).toBe(
      'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52017PC0793',
    );
  });
});
