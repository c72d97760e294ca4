import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A DOM for Preact, without a browser.
const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const { Popover } = await import('../../../../in-page/popover/Popover');
const { inLanguage } = await import('../../i18n/helpers');

const root = window.document.getElementById('root')!;
const reference = { id: 'COM(2016) 731', type: 'com' as const, year: 2016, number: '731', url: 'https://eur-lex.europa.eu/' };
const common = { reference, relatedUrl: (id: string) => id, relatedLabel: (id: string) => id };

afterEach(() => render(null, root));

function click(element: Element, isTrusted: boolean) {
  const event = new window.Event('click', { bubbles: true, cancelable: true });
  // What the browser sets for the reader's own click, and never for a script's.
  Object.defineProperty(event, 'isTrusted', { value: isTrusted });
  element.dispatchEvent(event);
}

describe('the popover while its lookup is under way, and once it got no answer', () => {
  it('says it is looking the document up while it is', async () => {
    await act(() => render(inLanguage(h(Popover, { ...common, document: undefined })), root));
    expect(root.textContent).toContain('Looking it up…');
    expect(root.querySelector('button.retry')).toBeNull();
  });

  it('says plainly that the dataset could not be reached, with no spinner, and asks again on the reader\'s click only', async () => {
    const retry = vi.fn();
    await act(() => render(inLanguage(h(Popover, { ...common, document: undefined, onRetryLookup: retry })), root));
    expect(root.textContent).toContain('Eurefs could not reach its dataset.');
    expect(root.textContent).not.toContain('Looking it up…');
    const button = root.querySelector('button.retry')!;
    expect(button.textContent).toBe('Try again');
    click(button, false);
    expect(retry).not.toHaveBeenCalled();
    click(button, true);
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

type View = NonNullable<Parameters<typeof Popover>[0]['document']>;

const quoted: View = {
  id: 'COM(2017) 793',
  type: 'com',
  kind: 'legislative-proposal',
  title: 'Proposal for a Regulation on interoperability (borders and visa)',
  date: '2017-12-12',
  procedure: '2017/0351(COD)',
  aliases: [],
  status: { stage: 'provisional-agreement', since: '2019-02-05' },
  timeline: [
    {
      date: '2019-02-05',
      stage: 'provisional-agreement',
      institution: 'co-legislators',
      label: 'Political agreement reached',
      source: {
        report: 'COM(2019) 145',
        reportTitle: 'Eighteenth progress report',
        section: 'II.1',
        quote: 'the co-legislators reached a political agreement on <b>5 February 2019</b>',
        footnote: 7,
      },
    },
    { date: '2017-12-12', stage: 'proposed', institution: 'Commission', label: 'Proposed', source: { report: 'COM(2017) 779', section: 'I' } },
  ],
  outside: {
    procedure: { from: 'legislative-observatory', note: 'The Observatory lists the proposal under this procedure.', url: 'https://oeil.secure.europarl.europa.eu/' },
    date: { from: 'eur-lex', note: 'The date of the proposal on EUR-Lex.', url: 'javascript:alert(1)' },
  },
};

describe("the popover's evidence: the report's words and facts from outside the reports", () => {
  const interop = { id: 'COM(2017) 793', type: 'com' as const, year: 2017, number: '793', url: 'https://eur-lex.europa.eu/' };

  it("shows the report's words one trusted click away, as text, and asks for the report page at them on the reader's click only", async () => {
    const read = vi.fn();
    await act(() => render(inLanguage(h(Popover, { ...common, reference: interop, document: quoted, onReadReport: read })), root));
    const toggles = [...root.querySelectorAll('button.words-toggle')];
    // Only the event whose source quotes the report has the disclosure.
    expect(toggles.map((b) => b.textContent)).toEqual(["The report's words"]);
    expect(root.querySelector('blockquote')).toBeNull();
    await act(() => click(toggles[0]!, false));
    expect(root.querySelector('blockquote')).toBeNull();
    await act(() => click(toggles[0]!, true));
    expect(toggles[0]!.getAttribute('aria-expanded')).toBe('true');
    const words = root.querySelector('blockquote')!;
    expect(words.textContent).toBe('the co-legislators reached a political agreement on <b>5 February 2019</b>');
    expect(words.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('See footnote 7 of the report.');
    const button = root.querySelector('button.read-report')!;
    expect(button.textContent).toBe('Read it in the report');
    click(button, false);
    expect(read).not.toHaveBeenCalled();
    click(button, true);
    expect(read).toHaveBeenCalledWith({ report: 'COM(2019) 145', quote: quoted.timeline[0]!.source.quote, footnote: 7 });
  });

  it('says which facts come from outside the reports, with the note and a link only to a web address', async () => {
    await act(() => render(inLanguage(h(Popover, { ...common, reference: interop, document: quoted })), root));
    const procedure = root.querySelector('.procedure')!;
    expect(procedure.textContent).toContain('Procedure 2017/0351(COD) — from the Legislative Observatory, not the reports');
    const label = procedure.querySelector('.outside-from')!;
    // Reachable by keyboard, so that the note shows on focus as on hover.
    expect(label.getAttribute('tabindex')).toBe('0');
    const note = root.querySelector(`#${label.getAttribute('aria-describedby')}`)!;
    expect(note.textContent).toBe('The Observatory lists the proposal under this procedure.');
    expect(procedure.querySelector<HTMLAnchorElement>('a.outside-check')?.getAttribute('href')).toBe('https://oeil.secure.europarl.europa.eu/');
    const date = root.querySelector('.date')!;
    expect(date.textContent).toContain('— from EUR-Lex, not the reports');
    expect(date.querySelector('a')).toBeNull();
    // The reports' own facts carry no such label.
    expect(root.querySelector('.status')!.textContent).not.toContain('not the reports');
    expect(root.querySelectorAll('.outside')).toHaveLength(2);
  });

  it("shows a procedure's file: which document it is, its title and status, and the procedure's own link", async () => {
    const procedure = { id: '2017/0351(COD)', type: 'procedure' as const, year: 2017, number: '0351', url: 'https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=2017/0351(COD)' };
    await act(() => render(inLanguage(h(Popover, { ...common, reference: procedure, document: quoted })), root));
    expect(root.querySelector('.file-of')!.textContent).toContain('Procedure 2017/0351(COD): the file of COM(2017) 793 — from the Legislative Observatory, not the reports');
    expect(root.querySelector('.title')!.textContent).toBe(quoted.title);
    expect(root.querySelector('[data-stage]')!.getAttribute('data-stage')).toBe('provisional-agreement');
    expect(root.querySelector('.kind')!.textContent).toBe('Interinstitutional procedure');
    expect(root.querySelector('.procedure')).toBeNull();
    const open = [...root.querySelectorAll('.links a')][0]!;
    expect(open.textContent).toBe('Open in the Legislative Observatory');
    expect(open.getAttribute('href')).toBe(procedure.url);
  });
});

describe('the popover in another language than the dataset\'s', () => {
  const interop = { id: 'COM(2017) 793', type: 'com' as const, year: 2017, number: '793', url: 'https://eur-lex.europa.eu/' };

  it('speaks the reader\'s language in its own words, and keeps the dataset\'s text as it is, marked as English', async () => {
    await act(() => render(inLanguage(h(Popover, { ...common, reference: interop, document: quoted }), 'de'), root));
    expect(root.querySelector('.kind')!.textContent).toBe('Kommissionsdokument (COM) · Legislativvorschlag');
    expect(root.querySelector('[data-stage]')!.textContent).toBe('vorläufige Einigung');
    expect(root.querySelector('.since')!.textContent).toBe(' seit 05.02.2019');
    expect(root.querySelector('.timeline summary')!.textContent).toBe('Zeitleiste (2 Ereignisse)');
    expect(root.querySelector('.date')!.textContent).toContain('Vom 12.12.2017 — aus EUR-Lex, nicht aus den Berichten');
    expect(root.querySelector('.procedure')!.textContent).toContain('Verfahren 2017/0351(COD)');
    // The dataset's own words: untranslated, and said to be English, for screen readers.
    const title = root.querySelector('.title')!;
    expect(title.textContent).toBe(quoted.title);
    expect(title.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.event-label')!.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.dataset-language')!.textContent).toBe('Titel, Ereignisse und Quellen: Englisch, wie im Datensatz.');
  });

  it('in English, marks nothing as another language and adds no note about it', async () => {
    await act(() => render(inLanguage(h(Popover, { ...common, reference: interop, document: quoted })), root));
    expect(root.querySelector('.title')!.hasAttribute('lang')).toBe(false);
    expect(root.querySelector('.dataset-language')).toBeNull();
  });
});
