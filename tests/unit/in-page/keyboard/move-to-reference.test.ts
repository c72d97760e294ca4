// @vitest-environment jsdom
/**
 * The shortcut's work in the page: it focuses the next reference the scanner marked and shows,
 * opens its popover, and tells screen readers which one it is and what the dataset says of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer, ANNOUNCER_HOST } from '../../../../in-page/keyboard/announcer';
import { describeSummary, ReferenceNavigator, type NavigatorPage } from '../../../../in-page/keyboard/move-to-reference';
import { parseReference, type Reference } from '../../../../references';
import type { Language } from '../../../../i18n/languages';
import { wordsIn } from '../../i18n/helpers';

const PAGE = `
  <p><a id="top-link" href="#">Home</a></p>
  <p>The proposal <span data-euref="COM(2017) 793" tabindex="-1">COM(2017) 793 final</span>.</p>
  <p>A page's own <span data-euref="COM(2016) 731" tabindex="-1">fake mark</span>.</p>
  <p>Untracked <span data-euref="COM(2021) 206" tabindex="-1">COM(2021) 206</span>, then
  <span data-euref="32017L0541" tabindex="-1">Directive (EU) 2017/541</span>.</p>`;

let stop: AbortController;
let opened: HTMLElement[];

function navigator(hideUntracked = false, language: Language = 'en') {
  document.body.innerHTML = PAGE;
  const marks = [...document.querySelectorAll<HTMLElement>('[data-euref]')];
  // What the scanner marked: not the page's own span (the second).
  const references = new Map<HTMLElement, Reference>(
    [marks[0]!, marks[2]!, marks[3]!].map((mark) => [mark, parseReference(mark.dataset.euref!)!]),
  );
  const page: NavigatorPage = {
    referenceOf: (mark) => references.get(mark),
    isShown: (reference) => !(hideUntracked && reference.id === 'COM(2021) 206'),
    summaryOf: (reference) =>
      reference.id === 'COM(2021) 206' ? null : { stage: reference.id === '32017L0541' ? 'in-force' : 'adopted', title: `Title of ${reference.id}` },
    labelOf: (reference) => reference.id,
    openPopover: (mark) => void opened.push(mark),
    isOwnHost: (element) => element.localName === 'eurefs-popover',
  };
  return new ReferenceNavigator(page, new Announcer(stop.signal), async () => wordsIn(language), stop.signal);
}

/** What a screen reader is told, once the words are in and the live region has been given them. */
async function announced(): Promise<string | null> {
  await vi.advanceTimersByTimeAsync(500);
  const region = document.querySelector(ANNOUNCER_HOST)?.shadowRoot?.querySelector('[aria-live="polite"][role="status"]');
  return region?.textContent ?? null;
}

beforeEach(() => {
  vi.useFakeTimers();
  stop = new AbortController();
  opened = [];
  // jsdom lays out nothing: every element stands at the top of the window, in view.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ top: 10, bottom: 30, left: 0, right: 50, width: 50, height: 20, x: 0, y: 10, toJSON: () => ({}) } as DOMRect);
  vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
});

afterEach(() => {
  stop.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('moving to a reference with the shortcut', () => {
  it("focuses the next reference after the focused link, opens its popover and says which it is and where it stands", async () => {
    const nav = navigator();
    document.getElementById('top-link')!.focus();
    expect(nav.move('next')).toEqual({ moved: true, id: 'COM(2017) 793' });
    expect(document.activeElement?.textContent).toBe('COM(2017) 793 final');
    expect(opened.map((mark) => mark.dataset.euref)).toEqual(['COM(2017) 793']);
    expect(await announced()).toBe('COM(2017) 793, reference 1 of 3. Adopted. Title of COM(2017) 793');
  });

  it("goes on from the reference it moved to, past a page's own data-euref, and round the end", async () => {
    const nav = navigator();
    document.getElementById('top-link')!.focus();
    expect(['next', 'next', 'next', 'next'].map(() => nav.move('next').id)).toEqual(['COM(2017) 793', 'COM(2021) 206', '32017L0541', 'COM(2017) 793']);
    expect(await announced()).toBe('Back to the first reference. COM(2017) 793, reference 1 of 3. Adopted. Title of COM(2017) 793');
    expect(nav.move('previous').id).toBe('32017L0541');
  });

  it('says a reference is not in the dataset, and skips it once the reader hides untracked ones', async () => {
    const first = navigator();
    first.move('next');
    first.move('next');
    expect(await announced()).toBe('COM(2021) 206, reference 2 of 3. Not in the Eurefs dataset.');
    stop.abort();
    stop = new AbortController();
    const hiding = navigator(true);
    document.getElementById('top-link')!.focus();
    expect([hiding.move('next').id, hiding.move('next').id]).toEqual(['COM(2017) 793', '32017L0541']);
    expect(await announced()).toBe('32017L0541, reference 2 of 2. In force. Title of 32017L0541');
  });

  it('says so on a page without references, and moves nothing', async () => {
    const nav = navigator();
    document.body.innerHTML = '<p>Nothing to see.</p>';
    expect(nav.move('next')).toEqual({ moved: false });
    expect(await announced()).toBe('No references to EU documents on this page.');
    expect(opened).toEqual([]);
  });

  it('words a status as the popover does', () => {
    const english = wordsIn('en');
    expect(describeSummary(english, undefined)).toBe('');
    expect(describeSummary(english, { stage: null, title: 'T' })).toBe('No dated events. T');
    expect(describeSummary(english, { stage: 'provisional-agreement', title: 'T' })).toMatch(/^Provisional agreement\. T$/);
  });

  it("speaks the reader's language, leaving the dataset's title as it is", async () => {
    const nav = navigator(false, 'de');
    document.getElementById('top-link')!.focus();
    nav.move('next');
    expect(await announced()).toBe('COM(2017) 793, Verweis 1 von 3. Angenommen. Title of COM(2017) 793');
    nav.move('next');
    expect(await announced()).toBe('COM(2021) 206, Verweis 2 von 3. Nicht im Datensatz von Eurefs.');
    nav.move('next');
    nav.move('next');
    expect(await announced()).toBe('Zurück zum ersten Verweis. COM(2017) 793, Verweis 1 von 3. Angenommen. Title of COM(2017) 793');
    document.body.innerHTML = '<p>Nichts.</p>';
    nav.move('previous');
    expect(await announced()).toBe('Keine Verweise auf EU-Dokumente auf dieser Seite.');
  });
});
