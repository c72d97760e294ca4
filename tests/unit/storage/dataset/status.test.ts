import { describe, expect, it } from 'vitest';
import type { DatasetDocument, DatasetEvent, Report, Stage } from '../../../../storage/dataset/schema';
import { STAGES } from '../../../../storage/dataset/schema';
import { deriveStatus, stageLabel } from '../../../../storage/dataset/status';

const reports: Report[] = [
  { id: 'COM(2017) 779', ordinal: 12, title: 'Twelfth', date: '2017-12-12' },
  { id: 'COM(2018) 46', ordinal: 13, title: 'Thirteenth', date: '2018-01-24' },
  { id: 'COM(2019) 145', ordinal: 18, title: 'Eighteenth', date: '2019-03-20' },
];
const [R12, R13, R18] = reports.map((r) => r.id) as [string, string, string];

function ev(date: string, stage: Stage, report = R12): DatasetEvent {
  return { date, stage, institution: 'x', label: `${stage} on ${date}`, source: { report, section: 'II.1 S' } };
}
function doc(events: DatasetEvent[], mentionedIn: string[] = []): DatasetDocument {
  return {
    id: 'COM(2016) 731', type: 'com', kind: 'legislative-proposal', title: 't', aliases: [], topics: [],
    amends: [], amendedBy: [], events,
    mentions: mentionedIn.map((report) => ({ report, section: 'II.1 S' })),
  };
}

describe('deriveStatus', () => {
  const cases: { name: string; events: DatasetEvent[]; mentions?: string[]; stage: Stage | null; since?: string; asOf?: number }[] = [
    { name: 'no events: no status', events: [], stage: null },
    { name: 'one event', events: [ev('2016-11-16', 'proposed')], stage: 'proposed', since: '2016-11-16', asOf: 12 },
    {
      name: 'a later report confirming the stage keeps it since its first event, and makes it current as of that report',
      events: [ev('2016-11-16', 'proposed'), ev('2017-12-12', 'in-negotiation'), ev('2019-03-20', 'in-negotiation', R18)],
      stage: 'in-negotiation', since: '2017-12-12', asOf: 18,
    },
    {
      name: 'latest event by date wins, whatever the order given',
      events: [ev('2018-04-25', 'provisional-agreement', R13), ev('2016-11-16', 'proposed'), ev('2017-10-25', 'in-negotiation')],
      stage: 'provisional-agreement', since: '2018-04-25', asOf: 13,
    },
    {
      name: 'same day: the later stage wins',
      events: [ev('2017-12-07', 'provisional-agreement'), ev('2017-12-07', 'in-negotiation')],
      stage: 'provisional-agreement', since: '2017-12-07',
      asOf: 12,
    },
    {
      name: 'a month-only date sorts before the days of that month',
      events: [ev('2017-06', 'adopted'), ev('2017-06-15', 'in-negotiation')],
      stage: 'in-negotiation', since: '2017-06-15', asOf: 12,
    },
    {
      name: 'withdrawn is terminal: later events do not revive the document',
      events: [ev('2016-01-01', 'proposed'), ev('2017-01-01', 'withdrawn'), ev('2017-06-01', 'in-negotiation')],
      stage: 'withdrawn', since: '2017-01-01', asOf: 12,
    },
    {
      name: 'rejected is terminal',
      events: [ev('2016-01-01', 'proposed'), ev('2017-01-01', 'rejected'), ev('2017-02-01', 'adopted')],
      stage: 'rejected', since: '2017-01-01', asOf: 12,
    },
    {
      name: 'events after the latest report (deadlines to come) are not current',
      events: [ev('2018-09-12', 'adopted', R18), ev('2021-01', 'applicable', R18)],
      stage: 'adopted', since: '2018-09-12', asOf: 18,
    },
    {
      name: 'no "as of" when a later report mentions the document without a newer event',
      events: [ev('2016-11-16', 'proposed')], mentions: [R12, R18],
      stage: 'proposed', since: '2016-11-16',
    },
    {
      name: '"as of" the latest report that mentions the document when it gives the event',
      events: [ev('2016-11-16', 'proposed'), ev('2019-02-05', 'provisional-agreement', R18)], mentions: [R12, R13, R18],
      stage: 'provisional-agreement', since: '2019-02-05', asOf: 18,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = deriveStatus(doc(c.events, c.mentions), reports);
      expect(status.stage).toBe(c.stage);
      expect(status.since).toBe(c.since);
      expect(status.asOf?.ordinal).toBe(c.asOf);
      if (c.stage === null) expect(status.event).toBeUndefined();
      else expect(status.event?.stage).toBe(c.stage);
    });
  }

  it('does not change the document', () => {
    const d = doc([ev('2018-04-25', 'provisional-agreement'), ev('2016-11-16', 'proposed')]);
    const before = JSON.stringify(d);
    deriveStatus(d, reports);
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe('stageLabel', () => {
  it('gives words for every stage', () => {
    for (const stage of STAGES) expect(stageLabel(stage)).toMatch(/^[a-z ]+$/);
    expect(stageLabel('in-negotiation')).toBe('in negotiation');
    expect(stageLabel('provisional-agreement')).toBe('provisional agreement');
    expect(stageLabel('in-force')).toBe('in force');
    expect(stageLabel(null)).toBe('no tracked status');
  });
});
