import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';

/** Text that looks numeric or legal but names no EU document. */
const NOT_REFERENCES = [
  'Call +32 2 299 11 11 or +32 (0)2 299 11 11, fax 2017/541.',
  'On 12/05/2017 and 2017-05-12, in 2016/2017 and 2018/19, we paid EUR 2017/541 and €1,234.56.',
  'Article 2017/541, Article 83(1) TFEU, Article 8(2) and Article 16(2) of the Treaty.',
  'See point C(2) and C(2)(a); Annex C (2019) 12; Table 3 (2018) 45.',
  'Case C-311/18, Case C‑362/14, Opinion 1/15, ST 9579/16, PE/28/2019/REV/1.',
  'OJ L 119, 4.5.2016, p. 1; OJ C 257, 15.7.2016; ABl. L 172 vom 26.6.2019, S. 56.',
  'Regulation 2017 and Directive of 2016/2017; the decision 2/3 majority; decisions 15/16.',
  'Regulation 12/2020; rozporządzenie nr 12/2019; Decision 1082/2013 without family.',
  'Commission Decision 2016/C 257/03 (17.6.2016).',
  'HOME/2013/ISEC/AG/CBRN/4000005269, https://example.org/2018/12/14/page, ISBN 978-92-79-12345-6.',
  'DEC 2019/2020, BUD 2019/0123, 2017/0351, 2017/0351(XYZ), COD 2007/234.',
  '32016r0679 1234567890 X32016R0679 62014CJ0362 32016H0123.',
  'Recommendation 2003/361/EC, Empfehlung 2003/361/EG, (2000/31/EG), 85/611/EEC.',
];

describe('not references', () => {
  it.each(NOT_REFERENCES)('%j', (text) => {
    expect(findReferences(text).map((r) => r.text)).toEqual([]);
  });
  it.each([null, undefined, 42, {}, '', '\u0000', '\ud800', 'COM('.repeat(10000), 'Directive '.repeat(10000), '('.repeat(50000)])(
    'does not throw on %#',
    (input) => {
      expect(() => findReferences(input as unknown as string)).not.toThrow();
    },
  );
});
