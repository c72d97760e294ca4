import { describe, expect, it } from 'vitest';
import { describeId, parseReference } from '../../../references';

describe('describeId', () => {
  it.each([
    ['32017L0541', 'directive', 2017, '541', 'Directive (EU) 2017/541'],
    ['31995L0046', 'directive', 1995, '46', 'Directive 95/46'],
    ['32014L0041', 'directive', 2014, '41', 'Directive 2014/41'],
    ['32008R0767', 'regulation', 2008, '767', 'Regulation No 767/2008'],
    ['31971R1408', 'regulation', 1971, '1408', 'Regulation No 1408/71'],
    ['32018R1240', 'regulation', 2018, '1240', 'Regulation (EU) 2018/1240'],
    ['32008D0615', 'decision', 2008, '615', 'Decision 2008/615'],
    ['32002F0475', 'framework-decision', 2002, '475', 'Framework Decision 2002/475'],
    ['COM(2017) 793', 'com', 2017, '793', 'COM(2017) 793'],
    ['C(2018) 1177', 'c', 2018, '1177', 'C(2018) 1177'],
    ['2017/0351(COD)', 'procedure', 2017, '0351', '2017/0351(COD)'],
    ['2016/0400A(COD)', 'procedure', 2016, '0400A', '2016/0400A(COD)'],
  ] as const)('%s', (id, type, year, number, label) => {
    const d = describeId(id);
    expect(d).toMatchObject({ type, year, number, label });
  });
  it('gives addresses', () => {
    expect(describeId('32017L0541')).toMatchObject({
      celex: '32017L0541',
      url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017L0541',
    });
    expect(describeId('JOIN(2017) 450')?.url).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=JOIN:2017:450:FIN');
    expect(describeId('COM(2017) 793')?.celex).toBeUndefined();
  });
  it.each(['', 'COM(2017) 0793', 'COM(2017)793', '32017X0541', '2017/351(COD)', 'Directive 2014/41/EU'])(
    'not a canonical id: %j',
    (id) => expect(describeId(id)).toBeNull(),
  );
});

describe('parseReference', () => {
  it.each([
    ['  COM(2017) 0793 final ', 'COM(2017) 793'],
    ['KOM(2007) 680 endgültig', 'COM(2007) 680'],
    ['Directive 95/46/EC', '31995L0046'],
    ['CELEX:52017PC0793', 'COM(2017) 793'],
    ['2015/0289/COD', '2015/0289(COD)'],
  ])('%j → %s', (input, id) => {
    expect(parseReference(input)?.id).toBe(id);
  });
  it('keeps offsets into the given string', () => {
    const s = '  COM(2017) 793 ';
    const r = parseReference(s);
    expect(r && s.slice(r.start, r.end)).toBe('COM(2017) 793');
  });
  it.each(['', '   ', 'COM(2017) 793 and COM(2017) 794', 'see COM(2017) 793', 'hello'])('null for %j', (s) => {
    expect(parseReference(s)).toBeNull();
  });
});
