import { describe, expect, it } from 'vitest';
import { citedReports, readReport, reportIdentity } from '../../../drafter/read-report';

describe('readReport', () => {
  it('tells the four shapes apart', () => {
    expect(readReport('Text[footnoteRef:1] here.\n[1: COM(2017) 793 final.]').format).toBe('word');
    expect(readReport('## I. INTRODUCTION\n\nText<sup>1</sup>.').format).toBe('markdown');
    expect(readReport('I. INTRODUCTION\n\nThis is the twelfth report.\n').format).toBe('pdf');
    expect(readReport('<html><body><p class="Normal">x</p></body></html>').format).toBe('html');
  });
});

describe('reportIdentity', () => {
  it('reads the ordinal from the opening and the number and date from the cover where printed', () => {
    const md = 'Brussels, 24.1.2018\n\nCOM(2018) 46 final\n\n**Thirteenth progress report towards an effective and genuine Security Union**\n\n## I. INTRODUCTION\n\nThis is the thirteenth monthly report on the progress made.\n';
    expect(reportIdentity(readReport(md).text)).toEqual({
      ordinal: 13,
      id: 'COM(2018) 46',
      date: '2018-01-24',
      title: 'Thirteenth progress report towards an effective and genuine Security Union',
    });
    const bare = reportIdentity(readReport('This is the eighteenth report on the further progress made.\n').text);
    expect(bare.ordinal).toBe(18);
    expect(bare.id).toBeUndefined();
  });
  it('learns an earlier report\'s number and date from another report citing it', () => {
    const word = 'The Commission reported.[footnoteRef:38]\n[38: In the fourteenth Security Union Progress Report (COM(2018) 211 final of 17.4.2018), the Commission reported.]';
    expect(citedReports(readReport(word).text).get(14)).toEqual({ id: 'COM(2018) 211', date: '2018-04-17' });
    const md = 'Text<sup>22</sup>.\n\n---\n\n<sup>22</sup> See the Twelfth progress report towards an effective and genuine Security Union (COM(2017) 779 final (12.12.2017)).\n';
    expect(citedReports(readReport(md).text).get(12)).toEqual({ id: 'COM(2017) 779', date: '2017-12-12' });
  });
});
