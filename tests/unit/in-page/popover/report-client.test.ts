import { describe, expect, it, vi } from 'vitest';
import { openReport } from '../../../../in-page/popover/report-client';

describe("the popover's ask for the report page", () => {
  it('sends the report and its words, and says whether the background opened it', async () => {
    const send = vi.fn(async () => ({ opened: true }));
    expect(await openReport({ report: 'COM(2018) 470', quote: 'the words', footnote: 3 }, send)).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'open-report', report: 'COM(2018) 470', quote: 'the words', footnote: 3 });
  });

  it('reads no answer, or a malformed one, as not opened', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await openReport({ report: 'COM(2018) 470', quote: 'x' }, async () => undefined)).toBe(false);
    expect(await openReport({ report: 'COM(2018) 470', quote: 'x' }, async () => ({ opened: 'yes' }))).toBe(false);
    expect(await openReport({ report: 'COM(2018) 470', quote: 'x' }, async () => ({ opened: false }))).toBe(false);
  });
});
