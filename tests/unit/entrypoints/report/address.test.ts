import { describe, expect, it } from 'vitest';
import { parseReportAddress, reportPageUrl } from '../../../../entrypoints/report/address';

const PAGE = 'chrome-extension://ohmoehceihkglkcpofljdeaiblfdbanp/report.html';

describe("the report page's address", () => {
  it('carries a report, its words and a footnote there and back, whatever characters the words hold', () => {
    const passage = { report: 'COM(2018) 470', quote: 'agreement on 5 February 2019 & "the Council’s" <b>mandate</b>?#x=1', footnote: 12 };
    const url = reportPageUrl(PAGE, passage);
    expect(url.startsWith(`${PAGE}?`)).toBe(true);
    expect(new URL(url).hash).toBe('');
    expect(parseReportAddress(new URL(url).search)).toEqual(passage);
    expect(parseReportAddress(new URL(reportPageUrl(PAGE, { report: 'COM(2019) 145' })).search)).toEqual({ report: 'COM(2019) 145' });
  });

  it('names no report for an address that is not one of ours', () => {
    for (const search of [
      '',
      '?quote=words',
      '?report=javascript:alert(1)',
      '?report=COM(2018)%20470%2F..%2F..%2Fdataset',
      '?report=COM(2018)%20470&footnote=-1',
      '?report=COM(2018)%20470&footnote=twelve',
      '?report=COM(2018)%20470&report=COM(2019)%20145',
      `?report=COM(2018)%20470&quote=${'x'.repeat(2001)}`,
    ]) {
      expect(parseReportAddress(search), search).toBeNull();
    }
  });

  it('reads an empty quote or footnote as none', () => {
    expect(parseReportAddress('?report=COM(2018)%20470&quote=&footnote=')).toEqual({ report: 'COM(2018) 470' });
  });
});
