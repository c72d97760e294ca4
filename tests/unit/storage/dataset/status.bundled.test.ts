/**
 * A sample of statuses in the bundled dataset, checked against what the progress reports say
 * (the quoted facts are paraphrased from the report and section named in each case). A status is
 * "since" the first event of the stage it is at: later events at the same stage (an endorsement,
 * a second trilogue, a later report's "still in negotiation") confirm it, they do not restart it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Stage } from '../../../../storage/dataset/schema';
import { deriveStatus } from '../../../../storage/dataset/status';
import { loadDataset } from '../../seeds/helpers';

let dataset: Dataset;
beforeAll(() => {
  dataset = loadDataset();
});

function status(id: string, upToOrdinal?: number) {
  const doc = dataset.documents.find((d) => d.id === id);
  if (!doc) throw new Error(`${id} is not in the dataset`);
  const reports = upToOrdinal === undefined ? dataset.reports : dataset.reports.filter((r) => r.ordinal <= upToOrdinal);
  return deriveStatus(doc, reports);
}

const sample: { id: string; what: string; stage: Stage; since: string; asOf?: number }[] = [
  // 18th report, II.1: ETIAS established by Regulation (EU) 2018/1240 (12.9.2018)
  { id: 'COM(2016) 731', what: 'ETIAS proposal, became Regulation (EU) 2018/1240', stage: 'adopted', since: '2018-09-12', asOf: 18 },
  { id: '32018R1240', what: 'ETIAS Regulation', stage: 'adopted', since: '2018-09-12', asOf: 18 },
  // 18th, II.1: political agreement on interoperability 5.2.2019, endorsed by Coreper 13.2 and LIBE 19.2.2019
  { id: 'COM(2017) 793', what: 'interoperability (borders and visa)', stage: 'provisional-agreement', since: '2019-02-05', asOf: 18 },
  { id: 'COM(2018) 480', what: 'amended interoperability proposal (police)', stage: 'provisional-agreement', since: '2019-02-05', asOf: 18 },
  // 18th, II.1: the three SIS Regulations (EU) 2018/1860-1862 of 28.11.2018
  { id: 'COM(2016) 882', what: 'SIS in the field of border checks', stage: 'adopted', since: '2018-11-28', asOf: 18 },
  // 18th, II.1: ECRIS-TCN agreement 11.12.2018, Coreper 19.12.2018, EP plenary 11.3.2019
  { id: 'COM(2017) 344', what: 'ECRIS-TCN', stage: 'provisional-agreement', since: '2018-12-11', asOf: 18 },
  // 18th, II.5: Council mandates on e-evidence, 7.12.2018 (Regulation) and 8.3.2019 (Directive); EP has barely moved
  { id: 'COM(2018) 225', what: 'e-evidence Regulation', stage: 'in-negotiation', since: '2018-12-07', asOf: 18 },
  { id: 'COM(2018) 226', what: 'e-evidence Directive', stage: 'in-negotiation', since: '2019-03-08', asOf: 18 },
  // 18th, II.3: Council mandate December 2018; EP committees voting in March 2019
  { id: 'COM(2018) 640', what: 'terrorist content online', stage: 'in-negotiation', since: '2018-12', asOf: 18 },
  // 18th, II.2: mandates 11.2 and 20.2.2019, trilogues 27.2 and 12.3.2019
  { id: 'COM(2018) 631', what: 'European Border and Coast Guard', stage: 'in-negotiation', since: '2019-02-11', asOf: 18 },
  // 18th, II.5: political agreement on explosives precursors 14.2.2019
  { id: 'COM(2018) 209', what: 'explosives precursors', stage: 'provisional-agreement', since: '2019-02-14', asOf: 18 },
  // 18th, II.5: provisional agreement on identity cards 19.2.2019, LIBE confirmed 11.3.2019
  { id: 'COM(2018) 212', what: 'identity cards', stage: 'provisional-agreement', since: '2019-02-19', asOf: 18 },
  // 18th, II.4: EP plenary confirmed the agreement on the Cybersecurity Act on 12.3.2019
  { id: 'COM(2017) 477', what: 'Cybersecurity Act', stage: 'provisional-agreement', since: '2019-03-12', asOf: 18 },
  // 15th, V.4: the Council adopted the 5th AMLD on 14.5.2018
  { id: 'COM(2016) 450', what: '5th Anti-Money Laundering Directive', stage: 'adopted', since: '2018-05-14', asOf: 15 },
  // 15th, V.4: political agreement on money laundering by criminal law 30.5.2018
  { id: 'COM(2016) 826', what: 'criminalisation of money laundering', stage: 'provisional-agreement', since: '2018-05-30', asOf: 15 },
  // 15th, V.1: political agreement on eu-LISA 24.5.2018 (not mentioned by the 18th report)
  { id: 'COM(2017) 352', what: 'eu-LISA', stage: 'provisional-agreement', since: '2018-05-24', asOf: 15 },
  // 18th, IV.1: transposition deadline 8.9.2018 passed, infringements against 16 Member States 22.11.2018
  { id: '32017L0541', what: 'Directive on combating terrorism', stage: 'implementation', since: '2018-09-08', asOf: 18 },
  // 18th, IV.1: PNR infringements 19.7.2018, reasoned opinions up to 7.3.2019
  { id: '32016L0681', what: 'PNR Directive', stage: 'implementation', since: '2017-10-03', asOf: 18 },
  // 18th, II.1: Council mandate 19.12.2018; EP closed its first reading 13.3.2019
  { id: 'COM(2018) 302', what: 'Visa Information System', stage: 'in-negotiation', since: '2018-12-19', asOf: 18 },
  // 18th, II.1: technical amendments for ETIAS proposed 7.1.2019
  { id: 'COM(2019) 4', what: 'ETIAS technical amendments', stage: 'proposed', since: '2019-01-07', asOf: 18 },
];

describe('statuses in the bundled dataset, as the reports give them', () => {
  for (const c of sample) {
    it(`${c.id} (${c.what}): ${c.stage} since ${c.since}`, () => {
      const s = status(c.id);
      expect(s.stage).toBe(c.stage);
      expect(s.since).toBe(c.since);
      expect(s.asOf?.ordinal).toBe(c.asOf);
    });
  }

  it('ETIAS moves from negotiation (12th) to political agreement (15th) to adoption (18th)', () => {
    expect(status('COM(2016) 731', 12).stage).toBe('in-negotiation');
    expect(status('COM(2016) 731', 14).stage).toBe('in-negotiation');
    expect(status('COM(2016) 731', 15)).toMatchObject({ stage: 'provisional-agreement', since: '2018-04-25' });
    expect(status('COM(2016) 731', 18).stage).toBe('adopted');
  });

  it('the e-evidence proposals were only proposed as of the 14th and 15th reports', () => {
    expect(status('COM(2018) 225', 15)).toMatchObject({ stage: 'proposed', since: '2018-04-17' });
    expect(status('COM(2018) 226', 14).asOf?.ordinal).toBe(14);
  });

  it('the 5th AMLD: political agreement by the 13th report, adopted by the 15th', () => {
    expect(status('COM(2016) 450', 13)).toMatchObject({ stage: 'provisional-agreement', since: '2017-12-13' });
    expect(status('COM(2016) 450', 15).stage).toBe('adopted');
  });
});
