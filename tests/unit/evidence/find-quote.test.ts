import { describe, expect, it } from 'vitest';
import { findQuote, foldQuotes, quoteReadings } from '../../../evidence/find-quote';
import { normaliseReport } from '../../../evidence/report-text';
import { NO_REPORTS, haveReports, readReports } from '../seeds/helpers';

function report(ordinal: string) {
  const found = readReports().find((r) => new RegExp(`This is the ${ordinal}\\b`).test(r.text));
  if (!found) throw new Error(`no ${ordinal} report`);
  return normaliseReport(found.text);
}

/** The words a match covers. */
function matched(r: ReturnType<typeof normaliseReport>, quote: string, options?: { footnote?: number }): string | null {
  const m = findQuote(r, quote, options);
  return m ? r.blocks[m.block]!.text.slice(m.start, m.end) : null;
}

const small = normaliseReport(
  [
    'This is the fifteenth report.',
    'The Council[footnoteRef:1] agreed its general approach on 8 December 2017 on the Commission’s proposal. [1:  \tCOM(2017) 793 final (12.12.2017).]',
    'The co-legislators reached agreement.[footnoteRef:2] [2:  \tCOM(2016) 731 final (16.11.2016); see also COM(2017) 793 final (12.12.2017).]',
  ].join('\n'),
);

describe('findQuote', () => {
  it('finds a sentence verbatim, with the offsets of its words in the block', () => {
    const m = findQuote(small, 'agreed its general approach on 8 December 2017');
    expect(m).toEqual({ block: 1, start: 'The Council '.length, end: 'The Council agreed its general approach on 8 December 2017'.length });
  });

  it('ignores whitespace and footnote markers of the three shapes in the quote', () => {
    for (const quote of [
      'The Council[footnoteRef:1] agreed its  general\napproach',
      'The Council<sup>1</sup> agreed its general approach',
      'The Council\n1\n agreed its general approach',
      'The **Council** agreed its general approach',
    ]) {
      expect(matched(small, quote), quote).toBe('The Council agreed its general approach');
    }
  });

  it('takes a line-break hyphen in the quote either way', () => {
    expect(quoteReadings('co-\nlegislators')).toEqual(['co-legislators', 'colegislators']);
    expect(matched(small, 'The co-\nlegislators reached')).toBe('The co-legislators reached');
  });

  it('compares straight and curly apostrophes as one, and nothing else loosely', () => {
    expect(matched(small, "on the Commission's proposal.")).toBe('on the Commission’s proposal.');
    expect(foldQuotes('“a” ‘b’')).toBe(`"a" 'b'`);
    expect(findQuote(small, 'the council agreed')).toBeNull(); // case counts
    expect(findQuote(small, 'agreed its general approach on 8 December 2017, on')).toBeNull(); // punctuation counts
    expect(findQuote(small, 'agreed its general approach on 9 December 2017')).toBeNull();
    expect(findQuote(small, '  ')).toBeNull();
  });

  it('finds words in a footnote, in the named footnote first', () => {
    const everywhere = findQuote(small, 'COM(2017) 793 final (12.12.2017).');
    expect(small.blocks[everywhere!.block]).toMatchObject({ kind: 'footnote', number: 1 });
    const named = findQuote(small, 'COM(2017) 793 final (12.12.2017).', { footnote: 2 });
    expect(small.blocks[named!.block]).toMatchObject({ kind: 'footnote', number: 2 });
  });

  it('finds a quote only within one block', () => {
    expect(findQuote(small, 'proposal. The co-legislators')).toBeNull();
  });
});

if (!haveReports) console.warn(`[evidence] report texts: ${NO_REPORTS}`);

describe.skipIf(!haveReports)('findQuote in the five reports', () => {
  it('finds a known sentence in each report, as a reader copies it from the raw text', () => {
    const cases: [string, string][] = [
      ['twelfth', 'The legislative proposals for Regulations\n2\n on the interoperability of \n\ninformation systems, tabled as part of a package with this report, are designed to close down'],
      ['thirteenth', 'In June 2017, the Commission presented a legislative proposal<sup>12</sup> to strengthen the mandate of **eu-LISA**<sup>13</sup>, enabling the agency'],
      ['fourteenth', 'The brutal attacks in Trèbes and Carcassonne, France, on 23 March 2018 are a reminder that \n\nthe threat from terrorism remains high in the EU.'],
      ['fifteenth', 'In the wake of the Salisbury nerve agent attack, the European Council[footnoteRef:1] stated in March 2018 that "the EU must strengthen its resilience'],
      ['eighteenth', 'Over recent months[footnoteRef:2], the European Parliament and the Council reached agreement on the interoperability of EU information systems'],
    ];
    for (const [ordinal, quote] of cases) {
      const r = report(ordinal);
      const m = findQuote(r, quote);
      expect(m, ordinal).not.toBeNull();
      expect(r.blocks[m!.block]!.kind, ordinal).toBe('paragraph');
    }
  });

  it('finds a date footnote of the 14th report by its number', () => {
    const r = report('fourteenth');
    const m = findQuote(r, 'COM(2018) 225 final (17.4.2018).', { footnote: 1 });
    expect(r.blocks[m!.block]).toMatchObject({ kind: 'footnote', number: 1 });
  });
});
