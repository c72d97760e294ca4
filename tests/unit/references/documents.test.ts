import { describe, expect, it } from 'vitest';
import { checkRow, type Expected } from './helpers';
import { findReferences } from '../../../references';

const COM = (year: number, n: string, text?: string): Expected => ({
  id: `COM(${year}) ${n}`,
  type: 'com',
  year,
  number: n,
  celex: undefined,
  ...(text !== undefined ? { text } : {}),
});

// input → expected references, in order
const TABLE: [string, Expected[]][] = [
  ['COM(2017) 793 final', [COM(2017, '793', 'COM(2017) 793 final')]],
  ['COM(2017) 793', [COM(2017, '793', 'COM(2017) 793')]],
  ['COM (2018)23 final', [COM(2018, '23', 'COM (2018)23 final')]],
  ['COM(2016) 0881', [COM(2016, '881')]],
  ['COM(2016)0799', [COM(2016, '799')]],
  ['COM(2016) 881 final/2', [COM(2016, '881', 'COM(2016) 881 final/2')]],
  ['COM(2016) 881 FINAL', [COM(2016, '881', 'COM(2016) 881 FINAL')]],
  ['COM/2017/0793 final', [COM(2017, '793', 'COM/2017/0793 final')]],
  ['COM:2017:663:FIN', [COM(2017, '663', 'COM:2017:663:FIN')]],
  ['?uri=COM:2017:0793:FIN', [COM(2017, '793', 'COM:2017:0793:FIN')]],
  ['?uri=COM%3A2017%3A0793%3AFIN', [COM(2017, '793', 'COM%3A2017%3A0793%3AFIN')]],
  ['?uri=com:2017:0793:fin', [COM(2017, '793', 'com:2017:0793:fin')]],
  ['COM(2017)\u00a0793\u00a0final', [COM(2017, '793')]],
  ['COM(2017)\u202f793 final', [COM(2017, '793')]],
  ['COM(2017)\n793\nfinal', [COM(2017, '793', 'COM(2017)\n793\nfinal')]],
  ['COM(\n2017\n)\n793', [COM(2017, '793')]],
  ['KOM(2007) 680 endgültig', [COM(2007, '680', 'KOM(2007) 680 endgültig')]],
  ['COM(2010) 517 wersja ostateczna', [COM(2010, '517', 'COM(2010) 517 wersja ostateczna')]],
  ['COM(2010) 517 definitivo', [COM(2010, '517', 'COM(2010) 517 definitivo')]],
  ['KOM(2010) 517 lopullinen', [COM(2010, '517', 'KOM(2010) 517 lopullinen')]],
  ['COM(2010) 517 végleges', [COM(2010, '517', 'COM(2010) 517 végleges')]],
  ['COM(2010) 517 τελικό', [COM(2010, '517', 'COM(2010) 517 τελικό')]],
  ['COM(97) 123 final', [COM(1997, '123')]],
  [
    'COM(2016) 881 final, 882 final and 883 final',
    [COM(2016, '881', 'COM(2016) 881 final'), COM(2016, '882', '882 final'), COM(2016, '883', '883 final')],
  ],
  [
    'COM(2016) 881, 882 and 883 final',
    [COM(2016, '881', 'COM(2016) 881'), COM(2016, '882', '882'), COM(2016, '883', '883 final')],
  ],
  ['COM(2016) 881 final et 882 final', [COM(2016, '881'), COM(2016, '882', '882 final')]],
  ['COM(2016) 881 final, 12 May 2016', [COM(2016, '881', 'COM(2016) 881 final')]],
  ['COM(2017) 793 final and COM(2017) 794 final', [COM(2017, '793'), COM(2017, '794')]],
  ['JOIN(2017) 450 final', [{ id: 'JOIN(2017) 450', type: 'join', year: 2017, number: '450' }]],
  ['JOIN (2017) 450 final', [{ id: 'JOIN(2017) 450', type: 'join' }]],
  ['SWD(2018) 118 final', [{ id: 'SWD(2018) 118', type: 'swd', year: 2018, number: '118' }]],
  ['SWD/2019/285 final', [{ id: 'SWD(2019) 285', type: 'swd' }]],
  ['SEC(2021) 167 final', [{ id: 'SEC(2021) 167', type: 'sec', year: 2021, number: '167' }]],
  ['SEK(2008) 12', [{ id: 'SEC(2008) 12', type: 'sec' }]],
  ['C(2018) 1177 final', [{ id: 'C(2018) 1177', type: 'c', year: 2018, number: '1177', text: 'C(2018) 1177 final' }]],
  ['COM 2017 (555) final', [COM(2017, '555', 'COM 2017 (555) final')]],
  ['C/2024/1520', [{ id: 'C(2024) 1520', type: 'c' }]],
  ['C (2019)636', [{ id: 'C(2019) 636', type: 'c' }]],
  ['C(2019) 12', [{ id: 'C(2019) 12', type: 'c' }]],
  ['C (2019) 12 final', [{ id: 'C(2019) 12', type: 'c' }]],
  ['K(2007) 1234 endgültig', [{ id: 'C(2007) 1234', type: 'c' }]],
  ['(COM(2018) 324 final - 2018/0136 (COD))', [COM(2018, '324'), { id: '2018/0136(COD)', type: 'procedure' }]],
  ['{COM(2019) 319 final} - {SWD(2019) 286 final}', [COM(2019, '319'), { id: 'SWD(2019) 286' }]],
];

const NEGATIVE: string[] = [
  'C(2)',
  'C(2018)',
  'COM(2018)',
  'com(2017) 793',
  'XCOM(2017) 793',
  'COM(2017) 793/2015',
  'C(18) 123',
  'K(2007) 1234',
  'COM(2017) 0',
  'COM(1234) 5',
  'COM(2017) 12.5 million',
  'Annex C (2019) 12 items',
  'COM 2017 (555)',
  'OJ C, C/2023/1234, 20.10.2023',
  'JO C, C/2024/12',
];

describe('COM, JOIN, SEC, SWD and C documents', () => {
  it.each(TABLE)('%j', (input, expected) => checkRow(input, expected));
  it.each(NEGATIVE)('not a reference: %j', (input) => {
    expect(findReferences(input)).toEqual([]);
  });
  it('gives the EUR-Lex address by COM number', () => {
    const [r] = findReferences('COM(2017) 0793 final');
    expect(r?.url).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2017:793:FIN');
    const [s] = findReferences('SWD(2018) 118');
    expect(s?.url).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=SWD:2018:118:FIN');
  });
});
