import { describe, expect, it } from 'vitest';
import { normaliseReport } from '../../../evidence/report-text';
import { checkEvidence, writesDate } from '../../../seeds/check-evidence';
import type { CuratedDocument } from '../../../seeds/curated-schema';
import type { Dataset, DatasetDocument, DatasetEvent } from '../../../storage/dataset/schema';

const twelfth = normaliseReport(
  [
    'Brussels, 12.12.2017 COM(2017) 779 final',
    'This is the twelfth report. The Council agreed its General Approach in June 2017 and the trilogue took place on 16 November.[footnoteRef:1] The proposals were tabled with this report. [1:  \tCOM(2016) 731 final (16.11.2016).]',
  ].join('\n'),
);
const thirteenth = normaliseReport(
  'Brussels, 24.1.2018 COM(2018) 46 final\nThis is the thirteenth report. Trilogues continue on the ETIAS proposal (2016/0357(COD)) since 6 December.',
);
const texts = new Map([
  ['COM(2017) 779', twelfth],
  ['COM(2018) 46', thirteenth],
]);

const section = 'Introduction';
function event(date: string, quote: string | undefined, extra: Partial<DatasetEvent['source']> = {}): DatasetEvent {
  return {
    date,
    stage: 'in-negotiation',
    institution: 'Council',
    label: 'label',
    source: { report: 'COM(2017) 779', section, ...(quote === undefined ? {} : { quote }), ...extra },
  };
}
function doc(events: DatasetEvent[], more: Partial<DatasetDocument> = {}): DatasetDocument {
  return {
    id: 'COM(2016) 731', type: 'com', kind: 'legislative-proposal', title: 'ETIAS', aliases: [], topics: [], amends: [], amendedBy: [],
    mentions: [{ report: 'COM(2017) 779', section, quote: 'The proposals were tabled with this report.' }],
    events,
    ...more,
  };
}
function dataset(documents: DatasetDocument[]): Dataset {
  return {
    schemaVersion: 2,
    version: 't.1',
    reports: [
      { id: 'COM(2017) 779', ordinal: 12, title: 'Twelfth', date: '2017-12-12' },
      { id: 'COM(2018) 46', ordinal: 13, title: 'Thirteenth', date: '2018-01-24' },
    ],
    documents,
  };
}
const check = (documents: DatasetDocument[], curated: CuratedDocument[] = []) => checkEvidence({ dataset: dataset(documents), texts, curated });

describe('checkEvidence', () => {
  it('passes facts whose quotes are in the report and state the date', () => {
    expect(check([doc([event('2017-06', 'The Council agreed its General Approach in June 2017')])])).toEqual([]);
  });

  it('fails a quote that is not in the report, and a fact without a quote', () => {
    expect(check([doc([event('2017-06', 'The Council agreed its general approach in June 2017')])])).toEqual([
      'COM(2016) 731: event 2017-06 in-negotiation (COM(2017) 779, Introduction): the quote is not in COM(2017) 779 word for word: "The Council agreed its general approach in June 2017"',
    ]);
    expect(check([doc([event('2017-06', undefined)])])).toEqual([
      'COM(2016) 731: event 2017-06 in-negotiation (COM(2017) 779, Introduction): no quote; give the sentence or footnote of COM(2017) 779 that states it',
    ]);
    const noQuoteMention = doc([], { mentions: [{ report: 'COM(2017) 779', section }] });
    expect(check([noQuoteMention])).toEqual([
      'COM(2016) 731: mention (COM(2017) 779, Introduction): no quote; give the sentence or footnote of COM(2017) 779 that states it',
    ]);
  });

  it('fails a wrong date, a date of another year, and a footnote the report lacks', () => {
    expect(check([doc([event('2017-07', 'The Council agreed its General Approach in June 2017')])])[0]).toMatch(
      /^COM\(2016\) 731: event 2017-07 in-negotiation .*: the date 2017-07 is not in the quote, nor is it the report's date/,
    );
    expect(check([doc([event('2016-11-16', 'the trilogue took place on 16 November.')])])).toHaveLength(1);
    expect(check([doc([event('2017-11-16', 'the trilogue took place on 16 November.', { footnote: 7 })])])).toEqual([
      'COM(2016) 731: event 2017-11-16 in-negotiation (COM(2017) 779, Introduction, footnote 7): COM(2017) 779 has no footnote 7; give the number of the footnote that holds the words',
    ]);
  });

  it("passes a date given in the footnote the source names, a day and month in the report's year, and the report's own date", () => {
    expect(check([doc([event('2016-11-16', 'the trilogue took place on 16 November.', { footnote: 1 })])])).toEqual([]);
    expect(check([doc([event('2017-11-16', 'the trilogue took place on 16 November.')])])).toEqual([]);
    expect(check([doc([event('2017-12-12', 'The proposals were tabled with this report.')])])).toEqual([]);
  });

  it('fails a document whose events lag behind a later report that mentions it, and passes once answered', () => {
    const lagging = doc([event('2017-06', 'The Council agreed its General Approach in June 2017')], {
      mentions: [
        { report: 'COM(2017) 779', section, quote: 'The proposals were tabled with this report.' },
        { report: 'COM(2018) 46', section, quote: 'Trilogues continue on the ETIAS proposal' },
      ],
    });
    expect(check([lagging])).toEqual([
      'COM(2016) 731: its latest event (2017-06, COM(2017) 779) is older than COM(2018) 46, which mentions it in Introduction: add the event that report states, or answer it in statusChecked',
    ]);
    const answered: CuratedDocument = {
      id: 'COM(2016) 731', type: 'com', kind: 'legislative-proposal', title: 'ETIAS',
      statusChecked: [{ report: 'COM(2018) 46', note: 'Trilogues continue: no new stage.' }],
    };
    expect(check([lagging], [answered])).toEqual([]);
    const withEvent = { ...lagging, events: [...lagging.events, { ...event('2017-12-06', 'Trilogues continue on the ETIAS proposal (2016/0357(COD)) since 6 December.'), source: { report: 'COM(2018) 46', section, quote: 'Trilogues continue on the ETIAS proposal (2016/0357(COD)) since 6 December.' } }] };
    expect(check([withEvent])).toEqual([]);
    expect(check([lagging], [{ ...answered, statusChecked: [{ report: 'COM(2099) 1', note: 'typo' }] }])).toContain(
      'COM(2016) 731: statusChecked names COM(2099) 1, which is not one of the reports',
    );
  });

  it('fails a procedure no report gives unless outside says where it comes from', () => {
    expect(check([doc([], { procedure: '2016/0357(COD)' })])).toEqual([]);
    expect(check([doc([], { procedure: '2017/0144(COD)' })])).toEqual([
      'COM(2016) 731: its procedure 2017/0144(COD) is in no report; say where it comes from in outside.procedure',
    ]);
    expect(check([doc([], { procedure: '2017/0144(COD)', outside: { procedure: { from: 'legislative-observatory', note: 'the procedure file' } } })])).toEqual([]);
  });

  it("fails a report whose id or date its text does not give, unless outside says where they come from", () => {
    const bare = new Map(texts).set('COM(2018) 46', normaliseReport('This is the thirteenth report.'));
    const problems = checkEvidence({ dataset: dataset([]), texts: bare, curated: [] });
    expect(problems).toEqual([
      'report COM(2018) 46: its id is not in its own text; say where it comes from in outside.id',
      'report COM(2018) 46: its date 2018-01-24 is not in its own text; say where it comes from in outside.date',
    ]);
    const withOutside = dataset([]);
    withOutside.reports[1]!.outside = { id: { from: 'eur-lex', note: 'the document page' }, date: { from: 'eur-lex', note: 'the document page' } };
    expect(checkEvidence({ dataset: withOutside, texts: bare, curated: [] })).toEqual([]);
  });
});

describe('writesDate', () => {
  it('reads the ways the reports write a date', () => {
    expect(writesDate('published on 12 December 2017:', '2017-12-12')).toBe(true);
    expect(writesDate('COM(2016) 205 final (6.4.2016).', '2016-04-06')).toBe(true);
    expect(writesDate('Directive 2014/41 (3.4. 2014).', '2014-04-03')).toBe(true);
    expect(writesDate('The 22-23 March 2018 European Council', '2018-03-23')).toBe(true);
    expect(writesDate('on 21 and 22 March 2019', '2019-03-21')).toBe(true);
    expect(writesDate('the October 2017 Action Plan', '2017-10')).toBe(true);
    expect(writesDate('on 16.4.2018', '2018-04-06')).toBe(false);
    expect(writesDate('on 26 March 2018', '2018-03-06')).toBe(false);
    expect(writesDate('the October 2016 plan', '2017-10')).toBe(false);
  });

  it("takes a day and month without a year in the report's year, or last year for a later month", () => {
    expect(writesDate('on 6 December', '2017-12-06', '2018-01-24')).toBe(true);
    expect(writesDate('In March', '2018-03', '2018-04-17')).toBe(true);
    expect(writesDate('In March', '2017-03', '2018-04-17')).toBe(false);
    expect(writesDate('on 6 December', '2016-12-06', '2018-01-24')).toBe(false);
    expect(writesDate('on 6 December 2016', '2017-12-06', '2018-01-24')).toBe(false);
    expect(writesDate('on 6 December', '2017-12-06')).toBe(false);
  });
});
