import { describe, expect, it } from 'vitest';
import { annotations, type AnnotationMessage } from '../../../../messaging/annotations';
import { parseRequest } from '../../../../messaging/exchange';
import { mayAsk, mayOpenReport } from '../../../../entrypoints/background/sender-gate';

const extension = { id: 'ohmoehceihkglkcpofljdeaiblfdbanp', root: 'chrome-extension://ohmoehceihkglkcpofljdeaiblfdbanp/' };
const PAGE = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52016PC0731';

/** How Chromium describes each sender to the background. */
const contentScript = { id: extension.id, url: PAGE };
const notesFrame = { id: extension.id, url: `${extension.root}notes-frame.html#%7B%22documentId%22%3A%22COM(2016)%20731%22%7D` };
const optionsPage = { id: extension.id, url: `${extension.root}options.html` };
const otherExtension = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html' };

const note = {
  documentId: 'COM(2016) 731',
  label: 'COM(2016) 731',
  text: 'planted',
  tags: [],
  page: { url: PAGE, title: 'x' },
  quote: null,
};

/** One message of every type that reads or changes notes or history. */
const PRIVATE: AnnotationMessage[] = [
  { type: 'notes:save', note },
  { type: 'notes:delete', id: 'n1' },
  { type: 'notes:list-for-document', documentId: 'COM(2016) 731' },
  { type: 'notes:search', query: '' },
  { type: 'history:list', query: '' },
  { type: 'history:clear' },
  { type: 'history:get-settings' },
  { type: 'history:set-site', host: 'eur-lex.europa.eu', enabled: false },
  { type: 'annotations:export', request: { scope: { kind: 'all' }, format: 'json' } },
].map(parse);

function parse(message: unknown): AnnotationMessage {
  const parsed = parseRequest(annotations, message);
  if (!parsed) throw new Error(`not an annotation message: ${JSON.stringify(message)}`);
  return parsed;
}

const visit = (url: string) => parse({ type: 'history:record-visit', url, title: 'A page', references: [] });

describe('who may ask about the reader\'s notes and history', () => {
  it('covers every annotation message but the visit', () => {
    const types = new Set(PRIVATE.map((m) => m.type));
    const all = Object.keys(annotations);
    expect([...types, 'history:record-visit'].sort()).toEqual([...all].sort());
  });

  it.each(PRIVATE.map((m) => [m.type, m] as const))('%s: answered for the extension\'s own pages, never for a content script', (_type, message) => {
    expect(mayAsk(message, optionsPage, extension)).toBe(true);
    expect(mayAsk(message, notesFrame, extension)).toBe(true);
    expect(mayAsk(message, contentScript, extension)).toBe(false);
    expect(mayAsk(message, otherExtension, extension)).toBe(false);
    // An address that only looks like ours, from a content script on a page that names it.
    expect(mayAsk(message, { id: extension.id, url: `https://evil.example/${extension.root}` }, extension)).toBe(false);
    expect(mayAsk(message, { id: extension.id }, extension)).toBe(false);
  });

  it('takes a visit from a content script only for the page it runs in', () => {
    expect(mayAsk(visit(PAGE), contentScript, extension)).toBe(true);
    // The page moved to a section of itself: the same document.
    expect(mayAsk(visit(`${PAGE}#d1e32-1-1`), contentScript, extension)).toBe(true);
    expect(mayAsk(visit('https://eur-lex.europa.eu/somewhere-else.html'), contentScript, extension)).toBe(false);
    expect(mayAsk(visit(PAGE), { id: extension.id }, extension)).toBe(false);
    expect(mayAsk(visit(PAGE), { id: otherExtension.id, url: PAGE }, extension)).toBe(false);
    expect(mayAsk(visit('not a url'), { id: extension.id, url: 'not a url' }, extension)).toBe(false);
  });

  it("takes a single-page app's new address from the tab's top frame, where the tab is now", () => {
    const moved = 'https://eur-lex.europa.eu/search/two.html';
    expect(mayAsk(visit(moved), { ...contentScript, frameId: 0, tab: { url: moved } }, extension)).toBe(true);
    expect(mayAsk(visit(moved), { ...contentScript, frameId: 3, tab: { url: moved } }, extension)).toBe(false);
    expect(mayAsk(visit(moved), { ...contentScript, frameId: 0, tab: { url: PAGE } }, extension)).toBe(false);
  });
});

describe('who may have the report page opened', () => {
  it('a content script of this extension in a tab, or one of its own pages; no other extension, nor a script in no tab', () => {
    expect(mayOpenReport({ ...contentScript, tab: { id: 4, url: PAGE } }, extension)).toBe(true);
    expect(mayOpenReport({ id: extension.id, url: `${extension.root}report.html?report=COM(2018)%20470` }, extension)).toBe(true);
    expect(mayOpenReport({ ...otherExtension, tab: { id: 4, url: PAGE } }, extension)).toBe(false);
    expect(mayOpenReport(contentScript, extension)).toBe(false);
  });
});
