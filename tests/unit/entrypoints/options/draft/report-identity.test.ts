import { describe, expect, it } from 'vitest';
import { identifyFiles } from '../../../../../entrypoints/options/draft/report-identity';
import { EXCERPT } from './helpers';

const OPENING = 'This is the thirteenth monthly report on progress made towards an effective and genuine Security Union.';
const COVER = 'EUROPEAN COMMISSION\n\nBrussels, 24.1.2018\nCOM(2018) 46 final\n\n';
const EIGHTEENTH = 'This is the eighteenth report on the further progress made towards building an effective and genuine Security Union.';
const CITING = `${EIGHTEENTH}\nAs set out in the seventeenth Progress Report (COM(2018) 845 final of 11.12.2018), work continues.`;
const SEVENTEENTH = 'This is the seventeenth report on the further progress made towards building an effective and genuine Security Union.';
const inDataset = [{ id: 'COM(2019) 145', ordinal: 18, title: 'Eighteenth progress report', date: '2019-03-20' }];

describe('which report each dropped file is', () => {
  it('reads the number and date a report prints on its cover', () => {
    expect(identifyFiles([{ name: 'r13.txt', raw: `${COVER}${OPENING}\n` }], [])).toEqual([
      { name: 'r13.txt', format: 'pdf', blocks: expect.any(Number), ordinal: 13, id: 'COM(2018) 46', date: '2018-01-24', from: 'text' },
    ]);
  });

  it('takes them from another report dropped with it, then from the report of that ordinal in the dataset', () => {
    const [cited, fromDataset] = identifyFiles(
      [
        { name: 'r17.txt', raw: `${SEVENTEENTH}\n` },
        { name: 'r18.txt', raw: `${CITING}\n` },
      ],
      inDataset,
    );
    expect(cited).toMatchObject({ ordinal: 17, id: 'COM(2018) 845', date: '2018-12-11', from: 'other-report' });
    expect(fromDataset).toMatchObject({ ordinal: 18, id: 'COM(2019) 145', date: '2019-03-20', from: 'dataset' });
  });

  it('leaves them to the reviewer where nothing gives them, and knows a file that says no report it is', () => {
    const [excerpt, notes] = identifyFiles(
      [
        { name: 'excerpt.md', raw: EXCERPT },
        { name: 'notes.txt', raw: 'Shopping list: bread, milk.' },
      ],
      inDataset,
    );
    expect(excerpt).toEqual({ name: 'excerpt.md', format: 'markdown', blocks: expect.any(Number), ordinal: 19, from: 'nowhere' });
    expect(notes).toMatchObject({ name: 'notes.txt', ordinal: null, from: 'nowhere' });
    expect(notes).not.toHaveProperty('id');
  });
});
