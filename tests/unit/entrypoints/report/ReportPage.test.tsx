import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportFile } from '../../../../evidence/report-file';

// A DOM for Preact, without a browser.
const { window } = parseHTML('<!doctype html><html><head><title></title></head><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const { ReportPage } = await import('../../../../entrypoints/report/ReportPage');
const { inLanguage } = await import('../../i18n/helpers');

const root = window.document.getElementById('root')!;
afterEach(() => render(null, root));

const SENTENCE = 'The co-legislators have reached political agreement on the related proposals.';
const report: ReportFile = {
  id: 'COM(2019) 145',
  ordinal: 18,
  title: 'Eighteenth progress report towards an effective and genuine Security Union',
  date: '2019-03-20',
  blocks: [
    { kind: 'heading', text: 'II. DELIVERING ON LEGISLATIVE PRIORITIES' },
    { kind: 'paragraph', text: `Information exchange is central. ${SENTENCE} More follows.`, calls: [{ number: 6, at: "Information exchange is central. ".length + SENTENCE.length }] },
    { kind: 'paragraph', text: 'A later paragraph <b>with markup</b> calls 6 again.', calls: [{ number: 6, at: 10 }] },
    { kind: 'footnote', number: 6, text: 'COM(2017) 793 final (12.12.2017). The political agreement reached on 5 February 2019 was endorsed.' },
  ],
};

async function show(address: Parameters<typeof ReportPage>[0]['address'], onShown = vi.fn()) {
  // The page scrolls to and focuses what it highlights; linkedom has no layout.
  (window.HTMLElement.prototype as unknown as { scrollIntoView: () => void }).scrollIntoView = () => undefined;
  await act(() => render(inLanguage(h(ReportPage, { address, state: { kind: 'loaded', report }, onShown })), root));
  return onShown;
}

describe('the report page', () => {
  it('shows the report with the quoted words highlighted once, footnote calls linked to the footnote and back, as text', async () => {
    const onShown = await show({ report: report.id, quote: SENTENCE, footnote: 6 });
    expect(root.querySelector('h1')!.textContent).toBe(report.title);
    expect(root.querySelector('.report-id')!.textContent).toBe('COM(2019) 145 · 20 Mar 2019');
    const marks = [...root.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual([SENTENCE]);
    expect(marks[0]!.id).toBe('quoted');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    const calls = [...root.querySelectorAll('sup.call a')];
    expect(calls.map((a) => a.getAttribute('href'))).toEqual(['#fn-6', '#fn-6']);
    // One call is the one the footnote links back to: ids stay unique.
    expect(calls.map((a) => a.getAttribute('id'))).toEqual(['fnref-6', null]);
    const footnote = root.querySelector('#fn-6')!;
    expect(footnote.classList.contains('named')).toBe(true);
    expect(footnote.querySelector('a.back-to-text')!.getAttribute('href')).toBe('#fnref-6');
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>with markup</b>');
    expect(onShown).toHaveBeenCalledWith(root.querySelector('.report-text'));
    expect(window.document.title).toBe(`${report.title} (COM(2019) 145) · Eurefs`);
  });

  it('says plainly at the top when the words are not in the report, and highlights nothing', async () => {
    await show({ report: report.id, quote: 'words the report never wrote' });
    expect(root.querySelector('header [role="alert"]')!.textContent).toBe('These words were not found in the report: “words the report never wrote”');
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });

  it('says so when the footnote named is not in the report', async () => {
    await show({ report: report.id, footnote: 99 });
    expect(root.textContent).toContain('The report has no footnote 99.');
    expect(root.querySelector('.named')).toBeNull();
  });

  it('says what is wrong rather than showing nothing: no report named, or its text not shipped', async () => {
    await act(() => render(inLanguage(h(ReportPage, { address: null, state: { kind: 'loading' } })), root));
    expect(root.textContent).toContain('This address names no report.');
    await act(() => render(inLanguage(h(ReportPage, { address: { report: 'COM(2020) 1' }, state: { kind: 'missing' } })), root));
    expect(root.textContent).toContain('The text of COM(2020) 1 does not ship with Eurefs.');
  });
});

describe('the report page in another language than the report\'s', () => {
  it('says its own words in the reader\'s language, and keeps the report\'s English, marked as English', async () => {
    (window.HTMLElement.prototype as unknown as { scrollIntoView: () => void }).scrollIntoView = () => undefined;
    await act(() => render(inLanguage(h(ReportPage, { address: { report: report.id, quote: SENTENCE, footnote: 6 }, state: { kind: 'loaded', report } }), 'de'), root));
    expect(root.querySelector('.eyebrow')!.textContent).toBe('Eurefs · Fortschrittsbericht zur Sicherheitsunion');
    expect(root.querySelector('.report-id')!.textContent).toBe('COM(2019) 145 · 20.03.2019');
    expect(root.querySelector('#footnotes-heading')!.textContent).toBe('Fußnoten');
    expect(root.querySelector('h1')!.getAttribute('lang')).toBe('en');
    expect(root.querySelector('article')!.getAttribute('lang')).toBe('en');
    // The page's own label inside the English footnotes is German again.
    expect(root.querySelector('.named-label')!.getAttribute('lang')).toBe('de');
  });
});
