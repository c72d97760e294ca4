import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const { loadReport } = await import('../../../../entrypoints/report/load-report');
const { PhrasedError, errorWords } = await import('../../../../i18n/phrased-error');
const { say } = await import('../../../../i18n/phrase');
const { wordsIn } = await import('../../i18n/helpers');

const file = { id: 'COM(2018) 470', ordinal: 15, title: 'Fifteenth progress report', date: '2018-06-13', blocks: [{ kind: 'paragraph', text: 'Text.' }] };
const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status });

describe("the report page's file", () => {
  it("is fetched from the extension itself, under the report's slug, and parsed", async () => {
    const fetchFile = vi.fn(async () => json(file));
    expect(await loadReport('COM(2018) 470', fetchFile)).toEqual(file);
    expect(fetchFile).toHaveBeenCalledWith(fakeBrowser.runtime.getURL('/reports/COM-2018-470.json'));
  });

  it('is none where the extension has no text of the report, and an error where the file is not a report', async () => {
    expect(await loadReport('COM(2018) 470', async () => new Response('not found', { status: 404 }))).toBeNull();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failed = loadReport('COM(2018) 470', async () => json({ ...file, blocks: [{ kind: 'script', text: 'x' }] }));
    await expect(failed).rejects.toBeInstanceOf(PhrasedError);
    const error: unknown = await failed.catch((e: unknown) => e);
    // Said in the reader's language where the page shows it, not zod's English.
    expect(say(wordsIn('de'), errorWords(error))).toBe(wordsIn('de').t('reportNotAReportFile'));
    expect(say(wordsIn('en'), errorWords(error))).toBe('it is not a report file of Eurefs');
  });
});
