import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../components/citation';
import { referenceLabel, formatDate } from '../../../components/labels';
import { parseReference } from '../../../references';
import type { DocumentView } from '../../../messaging/to-background';

const etias = parseReference('COM(2016) 731 final')!;
const view: DocumentView = {
  id: 'COM(2016) 731',
  type: 'com',
  kind: 'legislative-proposal',
  title: 'Proposal for a Regulation establishing ETIAS',
  date: '2016-11-16',
  aliases: [],
  status: { stage: 'adopted', since: '2018-09-12', asOfReport: 'COM(2019) 145' },
  timeline: [],
};

describe('formatCitation', () => {
  it('cites a tracked document with title, reference, date, status and source', () => {
    expect(formatCitation(etias, view)).toBe(
      'Proposal for a Regulation establishing ETIAS, COM(2016) 731 final, 16.11.2016. Status: adopted since 12.9.2018 (as of COM(2019) 145). https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2016:731:FIN.',
    );
  });

  it('cites an untracked act by its number and CELEX address', () => {
    const act = parseReference('Directive (EU) 2017/541')!;
    expect(formatCitation(act, null)).toBe(`${referenceLabel(act)}. https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017L0541.`);
  });
});

describe('formatCitation of an act the page cited with its domain and suffix', () => {
  it('keeps them, as the citation style writes them', () => {
    expect(formatCitation(parseReference('Council Regulation (EC) No 1006/2008')!, null)).toBe(
      'Council Regulation (EC) No 1006/2008. https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32008R1006.',
    );
  });
});

describe('dates', () => {
  it('writes dates as EU documents do, and months in words', () => {
    expect(formatDate('2018-09-12')).toBe('12.9.2018');
    expect(formatDate('2018-04')).toBe('April 2018');
  });
});
