import { describe, expect, it } from 'vitest';
import { ReportFileSchema, reportFilePath, reportSlug } from '../../../evidence/report-file';

describe('reportSlug', () => {
  it('names the file by the report id, non-alphanumerics as one dash', () => {
    expect(reportSlug('COM(2018) 470')).toBe('COM-2018-470');
    expect(reportFilePath('COM(2019) 145')).toBe('/reports/COM-2019-145.json');
  });
});

describe('ReportFileSchema', () => {
  const file = {
    id: 'COM(2018) 470',
    ordinal: 15,
    title: 'Fifteenth progress report towards an effective and genuine Security Union',
    date: '2018-06-13',
    blocks: [
      { kind: 'heading', text: 'I. INTRODUCTION' },
      { kind: 'paragraph', text: 'The European Council stated.', calls: [{ number: 1, at: 19 }] },
      { kind: 'footnote', number: 1, text: 'http://www.consilium.europa.eu/media/33457/22-euco-final-conclusions-en.pdf.' },
    ],
  };

  it('accepts a report file', () => {
    expect(ReportFileSchema.parse(file)).toEqual(file);
  });

  it('refuses an unknown block kind, a negative offset and unknown keys', () => {
    expect(ReportFileSchema.safeParse({ ...file, blocks: [{ kind: 'table', text: '' }] }).success).toBe(false);
    expect(ReportFileSchema.safeParse({ ...file, blocks: [{ kind: 'paragraph', text: 'a', calls: [{ number: 1, at: -1 }] }] }).success).toBe(false);
    expect(ReportFileSchema.safeParse({ ...file, html: '<b>x</b>' }).success).toBe(false);
  });
});
