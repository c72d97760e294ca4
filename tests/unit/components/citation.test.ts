import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../components/citation';
import { referenceLabel } from '../../../components/labels';
import { wordsIn } from '../i18n/helpers';
import { parseReference } from '../../../references';
import type { DocumentView } from '../../../messaging/to-background';

const etias = parseReference('COM(2016) 731 final')!;
const english = wordsIn('en');
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
    expect(formatCitation(etias, view, english)).toBe(
      'Proposal for a Regulation establishing ETIAS, COM(2016) 731 final, 16 Nov 2016. Status: adopted since 12 Sept 2018 (as of COM(2019) 145). https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2016:731:FIN.',
    );
  });

  it('cites an untracked act by its number and CELEX address', () => {
    const act = parseReference('Directive (EU) 2017/541')!;
    expect(formatCitation(act, null, english)).toBe(`${referenceLabel(act)}. https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017L0541.`);
  });
});

describe('formatCitation of an act the page cited with its domain and suffix', () => {
  it('keeps them, as the citation style writes them', () => {
    expect(formatCitation(parseReference('Council Regulation (EC) No 1006/2008')!, null, english)).toBe(
      'Council Regulation (EC) No 1006/2008. https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32008R1006.',
    );
  });
});

describe('a citation in the reader\'s language', () => {
  it('says the status in their words and dates as they write them, and keeps the title and reference as they are', () => {
    expect(formatCitation(etias, view, wordsIn('de'))).toBe(
      'Proposal for a Regulation establishing ETIAS, COM(2016) 731 final, 16.11.2016. Stand: angenommen seit 12.09.2018 (laut COM(2019) 145). https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2016:731:FIN.',
    );
  });
});
