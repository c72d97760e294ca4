import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../drafter/sentences';

describe('splitSentences', () => {
  it('splits at full stops but not after abbreviations, and gives each sentence the footnotes it calls', () => {
    const text = 'The Council adopted Regulation (EU) No. 2018/1240 on 12 June 2018. Trilogues began, e.g. on the ETIAS proposal. Work continues.';
    const block = { kind: 'paragraph' as const, text, calls: [{ number: 4, at: text.indexOf(' Trilogues') }, { number: 5, at: text.indexOf('proposal') + 8 }] };
    const s = splitSentences(block);
    expect(s.map((x) => x.text)).toEqual([
      'The Council adopted Regulation (EU) No. 2018/1240 on 12 June 2018.',
      'Trilogues began, e.g. on the ETIAS proposal.',
      'Work continues.',
    ]);
    expect(s[0]!.calls.map((c) => c.number)).toEqual([4]);
    expect(s[1]!.calls.map((c) => c.number)).toEqual([5]);
    for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
  });
});
