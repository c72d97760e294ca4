import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../evidence/find-quote';
import { normaliseReport } from '../../../evidence/report-text';
import { draftUpdate, emptyDataset, type ProposedEvent } from '../../../drafter/draft';
import { HAVE_REPORTS, REPORTS_DIR } from '../../../scripts/shared-dir';
import type { Dataset } from '../../../storage/dataset/schema';

const given = new Map([
  [15, { id: 'COM(2018) 470', date: '2018-06-13' }],
  [18, { id: 'COM(2019) 145', date: '2019-03-20' }],
]);

const events = (raw: string, base: Dataset | null = null) =>
  draftUpdate([{ name: 't', raw }], base, { given })
    .proposals.filter((p): p is ProposedEvent => p.kind === 'event')
    .map((p) => [p.document, p.event.stage, p.event.date, p.event.institution]);

const OPENING = 'This is the eighteenth report on the further progress made towards building an effective and genuine Security Union.';

describe('draftUpdate: sentences of each kind', () => {
  it('proposes a general approach, a provisional agreement and an adoption with their dates', () => {
    const word = [
      OPENING,
      'On 12 June 2018, the Council adopted its general approach on the proposal COM(2017) 489 final.',
      'The European Parliament and the Council reached a provisional agreement on COM(2017) 489 on 5 February 2019.',
      'The Council formally adopted Directive (EU) 2019/713 on 9 March 2019.',
    ].join('\n');
    expect(events(word)).toEqual([
      ['COM(2017) 489', 'in-negotiation', '2018-06-12', 'Council'],
      ['COM(2017) 489', 'provisional-agreement', '2019-02-05', 'European Parliament and Council'],
      ['32019L0713', 'adopted', '2019-03-09', 'Council'],
    ]);
  });
  it('ties a sentence to the documents of the footnote it calls, in Word, Markdown, PDF text and EUR-Lex HTML alike', () => {
    const sentence = 'Trilogues began on 16 November 2017 on the proposals';
    const note = 'COM(2016) 881 final (21.12.2016).';
    const word = `${OPENING}\n${sentence}.[footnoteRef:1]\n[1: ${note}]`;
    const md = `${OPENING}\n\n${sentence}.<sup>1</sup>\n\n---\n\n<sup>1</sup> ${note}\n`;
    const pdf = ` ${OPENING}\n\n ${sentence}.\n1\n\n                                                                      \n1 ${note}\n\n 2\n`;
    const html = `<html><body><p class="Normal">${OPENING}</p><p class="Normal">${sentence}.<a class="footnoteRef" id="footnoteref2" href="#footnote2">1</a></p><dl><dd id="footnote2"><span class="num"><a class="footnote" href="#footnoteref2">(1)</a></span><span>${note}</span></dd></dl></body></html>`;
    for (const raw of [word, md, pdf, html]) {
      expect(events(raw)).toEqual([
        ['COM(2016) 881', 'in-negotiation', '2017-11-16', 'co-legislators'],
        ['COM(2016) 881', 'proposed', '2016-12-21', 'Commission'],
      ]);
    }
  });
  it('ties a document named without a number through the base dataset\'s aliases', () => {
    const base = emptyDataset();
    base.documents.push({
      id: 'COM(2016) 731', type: 'com', kind: 'legislative-proposal', title: 'Proposal establishing ETIAS', aliases: ['ETIAS'],
      topics: [], amends: [], amendedBy: [], mentions: [], events: [],
    });
    expect(events(`${OPENING}\nOn 25 April 2018, the co-legislators reached a political agreement on ETIAS.`, base)).toEqual([
      ['COM(2016) 731', 'provisional-agreement', '2018-04-25', 'European Parliament and Council'],
    ]);
  });
  it('takes a footnote document\'s kind from the words nearest its call, and the footnote\'s own words first', () => {
    const plan = `${OPENING}\nAs part of the response to travel document fraud set out in the December 2016 Action Plan,[footnoteRef:1] the Commission adopted together with this report a proposal for a Regulation.[footnoteRef:2]\n[1: COM(2016) 790 final (8.12.2016).]\n[2: COM(2018) 212 final (17.4.2018).]`;
    expect(events(plan)).toEqual([
      ['COM(2018) 212', 'proposed', '2019-03-20', 'Commission'],
      ['COM(2016) 790', 'adopted', '2016-12-08', 'Commission'],
      ['COM(2018) 212', 'proposed', '2018-04-17', 'Commission'],
    ]);
    const communication = `${OPENING}\nThe Commission urges the co-legislators to agree on these proposals.[footnoteRef:1]\n[1: See the April 2016 Communication on 'Stronger and Smarter Information Systems' (COM(2016) 205 final, 6.4.2016).]`;
    expect(events(communication)).toEqual([['COM(2016) 205', 'adopted', '2016-04-06', 'Commission']]);
  });
  it('dates to the report what a sentence says is being implemented, past a month that names the document and a clause between', () => {
    const note = '[1: JOIN(2017) 450 final (13.9.2017).]';
    const continues = `${OPENING}\nThe Commission continues, in cooperation with the European External Action Service, to implement the actions set out in the September 2017 Joint Communication on cybersecurity.[footnoteRef:1]\n${note}`;
    expect(events(continues)).toEqual([
      ['JOIN(2017) 450', 'implementation', '2019-03-20', 'Commission'],
      ['JOIN(2017) 450', 'adopted', '2017-09-13', 'Commission and High Representative'],
    ]);
    const plan = `${OPENING}\nThe Commission is implementing the Action Plan[footnoteRef:1] to support the protection of public spaces as a matter of priority.\n[1: COM(2017) 612 final (18.10.2017).]`;
    expect(events(plan)).toEqual([
      ['COM(2017) 612', 'implementation', '2019-03-20', 'Commission'],
      ['COM(2017) 612', 'adopted', '2017-10-18', 'Commission'],
    ]);
  });
  it('reads an agreement dated in May, and a month before a noun as a name that dates nothing', () => {
    const may = `${OPENING}\nMoreover, the co-legislators reached political agreement on 24 May 2018 on the legislative proposal[footnoteRef:1] to strengthen eu-LISA.\n[1: COM(2017) 352 final (29.6.2017).]`;
    expect(events(may)).toEqual([
      ['COM(2017) 352', 'provisional-agreement', '2018-05-24', 'European Parliament and Council'],
      ['COM(2017) 352', 'proposed', '2017-06-29', 'Commission'],
    ]);
    const revision = `${OPENING}\nTo complement the May 2017 revision of the Directive on firearms, the Commission adopted a Recommendation.[footnoteRef:1]\n[1: C(2017) 3349 final (3.5.2017).]`;
    expect(events(revision).filter(([, , date]) => date === '2017-05')).toEqual([]);
  });
  it('carries a proposal into the next paragraph for its negotiation only, until a heading', () => {
    const raw = [
      OPENING,
      'In September 2018, the Commission proposed to enhance the capacities of the European Border and Coast Guard.[footnoteRef:1]',
      'The legislative work on the proposal is advancing well. The European Parliament adopted its negotiating mandate on 11 February 2019.',
      'On 14 February 2019, the Council adopted a decision allowing the operation to host a pilot project.',
      'I. PREVENTING RADICALISATION',
      'The Council adopted its negotiating mandate on 6 December 2018.',
      '[1: COM(2018) 631 final (12.9.2018).]',
    ].join('\n');
    expect(events(raw)).toEqual([
      ['COM(2018) 631', 'in-negotiation', '2019-02-11', 'European Parliament'],
      ['COM(2018) 631', 'proposed', '2018-09-12', 'Commission'],
    ]);
  });
  it('leaves out a stage the clause of its date forecasts', () => {
    const raw = `${OPENING}\nWhile the Council adopted its negotiating mandate in December 2018 on COM(2018) 640, work in the European Parliament is ongoing and will allow the Parliament to adopt its negotiating mandate in the course of March 2019.`;
    expect(events(raw)).toEqual([['COM(2018) 640', 'in-negotiation', '2018-12', 'Council']]);
  });
  it('dates a European Parliament resolution by the date written before its procedure number', () => {
    const raw = `${OPENING}\nThe call was made earlier.[footnoteRef:1]\n[1: Council Conclusions (ST 9579/16) and European Parliament Resolution of 3 October 2017 on the fight against cybercrime (2017/2068 (INI)).]`;
    expect(events(raw)).toEqual([['2017/2068(INI)', 'adopted', '2017-10-03', 'European Parliament']]);
  });
  it('knows a document by the name an earlier report gave it in passing', () => {
    const twelfth = "This is the twelfth report on the progress made.\nThe discussions with the Council on the proposed 'Cybersecurity Act' (covering the new ENISA mandate) have started.[footnoteRef:1]\n[1: COM(2017) 477 final (13.9.2017).]";
    const eighteenth = `${OPENING}\nOn 12 March 2019, the European Parliament’s Plenary confirmed the political agreement reached by the co-legislators on the Cybersecurity Act.`;
    const draft = draftUpdate([{ name: '12', raw: twelfth }, { name: '18', raw: eighteenth }], null, { given: new Map([...given, [12, { id: 'COM(2017) 779', date: '2017-12-12' }]]) });
    const doc = draft.dataset.documents.find((d) => d.id === 'COM(2017) 477')!;
    expect(doc.aliases).toEqual(['Cybersecurity Act']);
    expect(doc.events.map((e) => [e.stage, e.date])).toEqual([['proposed', '2017-09-13'], ['provisional-agreement', '2019-03-12']]);
  });
  it('dates to the report a transposition the Commission is assessing and infringements it has launched', () => {
    const assessing = `${OPENING}\nMoreover, the Commission is assessing the transposition of the 4th Anti-Money Laundering Directive.[footnoteRef:1]\n[1: Directive (EU) 2015/849.]`;
    expect(events(assessing)).toEqual([['32015L0849', 'implementation', '2019-03-20', 'Commission']]);
    const launched = `${OPENING}\nThe Commission has launched infringement procedures against all 28 Member States on Directive (EU) 2017/541.`;
    expect(events(launched)).toEqual([['32017L0541', 'implementation', '2019-03-20', 'Commission']]);
  });
  it('does not read a corrigendum\'s date as the document\'s own', () => {
    expect(events(`${OPENING}\nThe discussions on the proposal COM(2017) 477 final/2 (4.10.2017) have started.`)).toEqual([]);
  });
  it('gives no proposal stage to an act named by its alias', () => {
    const base = emptyDataset();
    base.documents.push({
      id: '32008R0767', type: 'regulation', kind: 'regulation', title: 'Regulation (EC) No 767/2008 concerning the Visa Information System', aliases: ['Visa Information System'],
      topics: [], amends: [], amendedBy: [], mentions: [], events: [],
    });
    const raw = `${OPENING}\nIn May 2018, the Commission presented a proposal to strengthen the existing Visa Information System.[footnoteRef:1]\n[1: COM(2018) 302 final (16.5.2018).]`;
    expect(events(raw, base)).toEqual([
      ['32008R0767', 'applicable', '2019-03-20', 'co-legislators'],
      ['COM(2018) 302', 'proposed', '2018-05', 'Commission'],
      ['COM(2018) 302', 'proposed', '2018-05-16', 'Commission'],
    ]);
  });
  it('reads a report on the evaluation of an act as a step in the act\'s implementation, not as the report\'s', () => {
    const raw = `${OPENING}\nThe Commission adopted today a report on the evaluation of Regulation 258/2012 on export authorisation for firearms.`;
    expect(events(raw)).toEqual([['32012R0258', 'implementation', '2019-03-20', 'Commission']]);
  });
  it('reads neither end of a period as an event, nor a report on an implementation as implemented itself', () => {
    const raw = `${OPENING}\nThis Progress Report is part of the response, together with a Joint Report on the implementation of the Joint Framework on countering hybrid threats from July 2017 to June 2018.[footnoteRef:1]\n[1: JOIN(2018) 14 final (12.6.2018).]`;
    expect(events(raw)).toEqual([['JOIN(2018) 14', 'adopted', '2018-06-12', 'Commission and High Representative']]);
  });
  it('gives a Council Regulation\'s adoption to the Council', () => {
    expect(events(`${OPENING}\nCouncil Regulation 1053/2013 (7.10.2013).`)).toEqual([['32013R1053', 'adopted', '2013-10-07', 'Council']]);
  });
  it('leaves forecasts out', () => {
    expect(events(`${OPENING}\nThe Regulation is expected to enter into force in May 2019.`)).toEqual([]);
  });
  it('proposes new documents with the report\'s title and a proposal → act link where the report states it', () => {
    const raw = `${OPENING}\nRegulation (EU) 2019/1148 was adopted on 20 March 2019 following the Commission proposal COM(2018) 209 final.\n`;
    const draft = draftUpdate([{ name: 't', raw }], null, { given });
    expect(draft.proposals.filter((p) => p.kind === 'link').map((p) => p.kind === 'link' && [p.proposal, p.act])).toEqual([['COM(2018) 209', '32019R1148']]);
    const act = draft.dataset.documents.find((d) => d.id === '32019R1148')!;
    expect(act.fromProposal).toBe('COM(2018) 209');
    expect(act.events.map((e) => [e.stage, e.date])).toEqual([['adopted', '2019-03-20']]);
    expect(draft.dataset.documents.find((d) => d.id === 'COM(2018) 209')!.becameAct).toBe('32019R1148');
  });
  it('reads several reports in the order of their dates, whatever the order of the inputs', () => {
    const fifteenth = 'This is the fifteenth report on the progress made.\nOn 12 June 2018, the Council adopted its general approach on COM(2017) 489.';
    const draft = draftUpdate([{ name: '18', raw: `${OPENING}\nOn 5 February 2019 a provisional agreement was reached on COM(2017) 489.` }, { name: '15', raw: fifteenth }], null, { given });
    expect(draft.reports.map((r) => r.report.ordinal)).toEqual([15, 18]);
    expect(draft.dataset.reports.map((r) => r.id)).toEqual(['COM(2018) 470', 'COM(2019) 145']);
  });
  it('says which report it cannot place', () => {
    expect(() => draftUpdate([{ name: 'x.txt', raw: 'This is the ninth report.' }])).toThrow(/x\.txt: cannot tell which report/);
  });
});

const SENTENCES = [
  'On 12 June 2018, the Council adopted its general approach on COM(2017) 489 final.',
  'Trilogues are on-going on COM(2016) 882.',
  'The European Parliament and the Council reached a provisional agreement on 5 February 2019 on COM(2017) 793, endorsed the same day.',
  'The Commission tabled together with this report a proposal COM(2019) 70 final.',
  'Directive (EU) 2017/541 of 15 March 2017 had to be transposed by 8 September 2018.',
  'In January 2019, the Commission sent reasoned opinions on Directive (EU) 2016/681.',
  'The Commission withdrew COM(2013) 27 on 7 March 2019.',
];

describe('every quote is in the normalised report', () => {
  it('holds for reports made of any mix of sentences, in any of the three shapes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 8 }), fc.constantFrom('word', 'markdown', 'pdf'), (picked, shape) => {
        const body = picked.join(' ');
        const raw =
          shape === 'word' ? `${OPENING}\n${body}[footnoteRef:1]\n[1: COM(2016) 881 final (21.12.2016).]`
          : shape === 'markdown' ? `${OPENING}\n\n${body}<sup>1</sup>\n\n---\n\n<sup>1</sup> COM(2016) 881 final (21.12.2016).\n`
          : ` ${OPENING}\n\n ${body}\n1\n\n                                                                      \n1 COM(2016) 881 final (21.12.2016).\n\n 2\n`;
        const draft = draftUpdate([{ name: 't', raw }], null, { given });
        const text = normaliseReport(raw);
        for (const p of draft.proposals) {
          if (p.kind !== 'event') continue;
          expect(findQuote(text, p.event.source.quote!)).not.toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });
  it.skipIf(!HAVE_REPORTS)('holds on the five real reports', () => {
    const inputs = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.txt')).map((name) => ({ name, raw: readFileSync(join(REPORTS_DIR, name), 'utf8') }));
    const all = new Map([...given, [12, { id: 'COM(2017) 779', date: '2017-12-12' }], [14, { id: 'COM(2018) 211', date: '2018-04-17' }]]);
    const draft = draftUpdate(inputs, null, { given: all });
    const texts = new Map(draft.reports.map((r) => [r.report.id, r.text]));
    const evs = draft.proposals.filter((p): p is ProposedEvent => p.kind === 'event');
    expect(evs.length).toBeGreaterThan(100);
    for (const p of evs) expect(findQuote(texts.get(p.event.source.report)!, p.event.source.quote!), p.event.source.quote).not.toBeNull();
  });
});
