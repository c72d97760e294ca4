import { describe, expect, it } from 'vitest';
import { footnoteBlock, normaliseReport, reportFormat, type Block } from '../../../evidence/report-text';
import { NO_REPORTS, haveReports, readReports } from '../seeds/helpers';

/** The raw text of the report whose opening names it ("This is the twelfth ..."). */
function report(ordinal: string): string {
  const found = readReports().find((r) => new RegExp(`This is the ${ordinal}\\b`).test(r.text));
  if (!found) throw new Error(`no ${ordinal} report`);
  return found.text;
}

const body = (blocks: Block[]) => blocks.filter((b) => b.kind !== 'footnote');

// A PDF text dump as the 12th and 14th reports come: a blank line between lines, a footnote call
// as a number on its own line, the page's footnotes under a rule of spaces, one running on over
// blank lines, the page number, the next page's first line indented by one space.
const pdf = [
  ' I. INTRODUCTION ',
  '',
  'This is the twelfth report. The proposals for the Regulations',
  '',
  '1',
  ' on interoperability were tabled with it and co-',
  '',
  'legislators are asked to agree on them quickly, as the inter-',
  '',
  'operability of systems matters. Interoperability is key. The work of the',
  ' '.repeat(60),
  '1  COM(2017) 793 final and COM(2017) 794 final (12.12.2017), see also Directive 2014/41/EU of the ',
  '',
  'European Parliament and of the Council of 3 April 2014 regarding the European Investigation Order.',
  '',
  '2 ',
  '',
  'Council continues',
  '2',
  ', said the Commission.',
  ' II. CLOSING DOWN THE SPACE IN WHICH TERRORISTS AND CRIMINALS ',
  '',
  'OPERATE ',
  '',
  '1. New tools to gather electronic evidence ',
  '',
  'Short sentence.',
  '',
  'Another paragraph that starts after a short line ending a sentence.',
  ' '.repeat(60),
  '2  COM(2018) 225 final (17.4.2018). ',
].join('\n');

describe('normaliseReport: PDF text', () => {
  const r = normaliseReport(pdf);

  it('reads a PDF dump as PDF', () => {
    expect(reportFormat(pdf)).toBe('pdf');
  });

  it('gives headings as blocks of their own, a wrapped heading as one', () => {
    expect(r.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'I. INTRODUCTION',
      'II. CLOSING DOWN THE SPACE IN WHICH TERRORISTS AND CRIMINALS OPERATE',
      '1. New tools to gather electronic evidence',
    ]);
  });

  it('rejoins lines and the paragraph across the page break, without the footnote call or page number', () => {
    const paragraph = body(r.blocks)[1]!;
    expect(paragraph.text).toBe(
      'This is the twelfth report. The proposals for the Regulations on interoperability were tabled with it and ' +
        'co-legislators are asked to agree on them quickly, as the interoperability of systems matters. ' +
        'Interoperability is key. The work of the Council continues, said the Commission.',
    );
    expect(paragraph.calls).toEqual([
      { number: 1, at: paragraph.text.indexOf(' on interoperability') },
      { number: 2, at: paragraph.text.indexOf(', said') },
    ]);
  });

  it('keeps a footnote that runs on over blank lines in one footnote block', () => {
    expect(footnoteBlock(r, 1)?.block.text).toBe(
      'COM(2017) 793 final and COM(2017) 794 final (12.12.2017), see also Directive 2014/41/EU of the European ' +
        'Parliament and of the Council of 3 April 2014 regarding the European Investigation Order.',
    );
    expect(body(r.blocks).some((b) => b.text.includes('Investigation Order'))).toBe(false);
  });

  it('splits paragraphs where a short line closes a sentence', () => {
    expect(body(r.blocks).slice(-2).map((b) => b.text)).toEqual([
      'Short sentence.',
      'Another paragraph that starts after a short line ending a sentence.',
    ]);
  });

  it('gives footnotes after the body, by number', () => {
    expect(r.blocks.filter((b) => b.kind === 'footnote').map((b) => b.number)).toEqual([1, 2]);
    expect(r.blocks.findIndex((b) => b.kind === 'footnote')).toBe(body(r.blocks).length);
  });
});

const word = [
  'This is the fifteenth report on the progress made.',
  'In the wake of the attack, the European Council[footnoteRef:1] stated in March 2018 that action  is needed.[footnoteRef:2] [1:  \thttp://www.consilium.europa.eu/media/33457/22-euco-final-conclusions-en.pdf.]  [2:  \tJOIN(2018) 16 final (12.6.2018).] ',
  'II. ENHANCED PREPAREDNESS AGAINST CHEMICAL RISKS',
  '1. Progress in implementing the Action Plan',
  '· to adopt the Regulation on explosives precursors;',
].join('\n');

describe('normaliseReport: Word text', () => {
  const r = normaliseReport(word);

  it('removes the calls, keeping where they stood, and takes the definitions out of the paragraph', () => {
    const paragraph = r.blocks[1]!;
    expect(paragraph.text).toBe('In the wake of the attack, the European Council stated in March 2018 that action is needed.');
    expect(paragraph.calls).toEqual([
      { number: 1, at: 'In the wake of the attack, the European Council'.length },
      { number: 2, at: paragraph.text.length },
    ]);
    expect(footnoteBlock(r, 2)?.block).toEqual({ kind: 'footnote', number: 2, text: 'JOIN(2018) 16 final (12.6.2018).' });
  });

  it('finds the headings and drops list bullets', () => {
    expect(r.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'heading', 'paragraph', 'footnote', 'footnote']);
    expect(r.blocks[4]!.text).toBe('to adopt the Regulation on explosives precursors;');
  });
});

const markdown = [
  'Brussels, 24.1.2018  ',
  'COM(2018) 46 final',
  '',
  '## I. INTRODUCTION',
  '',
  'The 14 December 2017 **Joint Declaration** underlines the security of citizens<sup>1</sup> by placing this at the heart of the work. In the 12<sup>th</sup> report, see [the page](https://example.eu/a\\_b). At its January 2018 session, the',
  '',
  '---',
  '',
  '<sup>1</sup> [https://ec.europa.eu/a\\_en](https://ec.europa.eu/a_en) and COM(2017) 650 final',
  'of 24.10.2017.',
  '',
  'European Parliament adopted its mandate.',
  '',
  '#### *1. Cybersecurity*',
].join('\n');

describe('normaliseReport: Markdown', () => {
  const r = normaliseReport(markdown);

  it('removes the marks and the calls, and rejoins the sentence run on over the footnotes', () => {
    expect(reportFormat(markdown)).toBe('markdown');
    expect(r.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Brussels, 24.1.2018 COM(2018) 46 final'],
      ['heading', 'I. INTRODUCTION'],
      [
        'paragraph',
        'The 14 December 2017 Joint Declaration underlines the security of citizens by placing this at the heart of the work. ' +
          'In the 12th report, see the page. At its January 2018 session, the European Parliament adopted its mandate.',
      ],
      ['heading', '1. Cybersecurity'],
      ['footnote', 'https://ec.europa.eu/a_en and COM(2017) 650 final of 24.10.2017.'],
    ]);
    expect(r.blocks[2]!.calls).toEqual([{ number: 1, at: r.blocks[2]!.text.indexOf(' by placing') }]);
  });
});

if (!haveReports) console.warn(`[evidence] report texts: ${NO_REPORTS}`);

describe.skipIf(!haveReports)('normaliseReport on the five reports', () => {
  it('gives each report its footnotes, numbered without gaps', () => {
    for (const [ordinal, first, last] of [['twelfth', 1, 46], ['thirteenth', 1, 26], ['fourteenth', 1, 35], ['fifteenth', 1, 48], ['eighteenth', 2, 77]] as const) {
      const numbers = normaliseReport(report(ordinal)).blocks.filter((b) => b.kind === 'footnote').map((b) => b.number);
      expect(numbers, ordinal).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    }
  });

  it('keeps a PDF footnote that runs over two lines, and one that runs over a page, whole', () => {
    const twelfth = normaliseReport(report('twelfth'));
    expect(footnoteBlock(twelfth, 7)?.block.text).toBe(
      'The Schengen Information System, Eurodac, the Visa Information System, the future Entry/Exit System, the proposed ' +
        'European Travel Information and Authorisation System and the proposed European Criminal Records Information ' +
        'System for third-country nationals.',
    );
    const note12 = footnoteBlock(twelfth, 12)!.block.text;
    expect(note12).toMatch(/^The Group was set up under Commission Decision 2016\/C 257\/03 \(17\.6\.2016\)\./);
    expect(note12).toMatch(/The EU Counter-Terrorism Coordinator and the European Data Protection Supervisor participated as full members\./);
    expect(note12).toMatch(/statements by the European Data Protection Supervisor and the EU Counter-Terrorism Coordinator\.$/);
  });

  it("keeps the 14th report's footnote 5 (Directive 2014/41/EU) out of the body", () => {
    const fourteenth = normaliseReport(report('fourteenth'));
    expect(footnoteBlock(fourteenth, 5)?.block.text).toBe(
      'Directive 2014/41/EU of the European Parliament and of the Council of 3 April 2014 regarding the European ' +
        'Investigation Order in criminal matters, OJ L 130, 1.5.2014, p. 1–36.',
    );
    expect(body(fourteenth.blocks).filter((b) => /2014\/41|Investigation Order in criminal matters, OJ/.test(b.text))).toEqual([]);
  });

  it('leaves no markup, marker or page number in any block', () => {
    for (const ordinal of ['twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'eighteenth']) {
      for (const b of normaliseReport(report(ordinal)).blocks) {
        expect(b.text, ordinal).not.toMatch(/\*\*|<\/?sup>|footnoteRef|^#|\s{2}|^\d{1,3}$| [,.;:](?: |$)/);
      }
    }
  });
});
