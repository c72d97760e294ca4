import { describe, expect, it } from 'vitest';
import { quoteInContext } from '../../../../../entrypoints/options/draft/quote-in-context';

const A = 'Terrorist content online remains a threat.';
const B = 'On 17 April 2019, the European Parliament and the Council reached a provisional agreement on COM(2018) 640.';
const C = 'The agreement now needs to be confirmed, e.g. by the Council.';
const D = 'Work continues.';

describe('the quote in the sentences around it', () => {
  it('takes the sentence before and the sentence after from the paragraph, and keeps the quote verbatim', () => {
    const context = `First words. ${A} ${B} ${C} ${D}`;
    expect(quoteInContext(B, context)).toEqual({ before: `${A} `, quote: B, after: ` ${C}` });
  });

  it('stops at the paragraph: the first sentence has nothing before it, the last nothing after', () => {
    expect(quoteInContext(A, `${A} ${B}`)).toEqual({ before: '', quote: A, after: ` ${B}` });
    expect(quoteInContext(D, `${C} ${D}`)).toEqual({ before: `${C} `, quote: D, after: '' });
  });

  it('finds a quote whose apostrophes are curly in the report and straight in the quote', () => {
    const context = `${A} The Commission’s proposal was adopted. ${D}`;
    const parts = quoteInContext("The Commission's proposal was adopted.", context);
    expect(parts).toEqual({ before: `${A} `, quote: 'The Commission’s proposal was adopted.', after: ` ${D}` });
  });

  it('shows a quote it cannot find in the paragraph alone', () => {
    expect(quoteInContext('Not there.', `${A} ${B}`)).toEqual({ before: '', quote: 'Not there.', after: '' });
  });

  it('gives more sentences either side when asked', () => {
    expect(quoteInContext(C, `${A} ${B} ${C} ${D}`, 2)).toEqual({ before: `${A} ${B} `, quote: C, after: ` ${D}` });
  });
});
