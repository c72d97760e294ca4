import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note, NoteInput } from '../../../storage/annotations/schema';
import { note } from '../storage/annotations/helpers';

// A DOM for Preact, without a browser.
const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const { NoteEditor, parseTags } = await import('../../../components/NoteEditor');
const { inLanguage } = await import('../i18n/helpers');

const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });
const page = { url: 'https://eur-lex.europa.eu/eurefs-demo.html', title: 'Demo' };
const quote = { exact: 'COM(2016) 731 final', prefix: 'proposed ', suffix: ' in', start: 5, end: 24 };

let root: HTMLElement;
let stored: Note[];
const client = {
  notesForDocument: vi.fn(async (id: string) => stored.filter((n) => n.documentId === id)),
  saveNote: vi.fn(async (input: NoteInput) => {
    const saved = note(stored.length + 10, { ...input, id: input.id ?? `new-${stored.length}` } as Partial<Note>);
    stored = [...stored.filter((n) => n.id !== saved.id), saved];
    return saved;
  }),
  deleteNote: vi.fn(async (id: string) => {
    stored = stored.filter((n) => n.id !== id);
    return { deleted: 1 };
  }),
};

beforeEach(() => {
  root = document.getElementById('root')!;
  stored = [note(1, { documentId: 'COM(2016) 731', text: 'Existing note', tags: ['etias'] })];
  vi.clearAllMocks();
});
afterEach(() => render(null, root));

function type(el: Element, value: string) {
  (el as HTMLTextAreaElement).value = value;
  el.dispatchEvent(new window.Event('input', { bubbles: true }));
}

describe('NoteEditor', () => {
  it('splits tags on commas and semicolons, once each', () => {
    expect(parseTags(' a, b;a ,, c ')).toEqual(['a', 'b', 'c']);
  });

  it('lists the document\'s notes and adds one that remembers the page and the quote', async () => {
    await act(() => render(inLanguage(h(NoteEditor, { documentId: 'COM(2016) 731', label: 'COM(2016) 731', stage: 'adopted', page, quote, client })), root));
    await flush();
    expect(root.querySelector('.eurefs-note-text')?.textContent).toBe('Existing note');
    type(root.querySelector('textarea')!, 'Σημείωση');
    type(root.querySelector('input[type="text"]')!, 'etias, borders');
    await flush();
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
    expect(client.saveNote).toHaveBeenCalledWith({
      documentId: 'COM(2016) 731', label: 'COM(2016) 731', stage: 'adopted', text: 'Σημείωση', tags: ['etias', 'borders'], page, quote,
    });
    expect(root.querySelectorAll('.eurefs-notes-list li')).toHaveLength(2);
  });

  it('edits a note where it was written, and deletes one after a second click', async () => {
    await act(() => render(inLanguage(h(NoteEditor, { documentId: 'COM(2016) 731', label: 'COM(2016) 731', page: { url: 'https://elsewhere', title: 'x' }, quote: null, client })), root));
    await flush();
    const [edit, del] = [...root.querySelectorAll('.eurefs-notes-list button')] as HTMLButtonElement[];
    await act(async () => edit!.click());
    type(root.querySelector('textarea')!, 'Changed');
    await flush();
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
    const sent = client.saveNote.mock.calls[0]![0];
    expect(sent).toMatchObject({ id: stored[0]!.id, text: 'Changed', page: note(1).page, quote: note(1).quote });
    expect(sent).not.toHaveProperty('createdAt');

    await act(async () => (root.querySelectorAll('.eurefs-notes-list button')[1] as HTMLButtonElement).click());
    expect(client.deleteNote).not.toHaveBeenCalled();
    expect(root.querySelectorAll('.eurefs-notes-list button')[1]?.textContent).toBe('Really delete?');
    await act(async () => (root.querySelectorAll('.eurefs-notes-list button')[1] as HTMLButtonElement).click());
    await flush();
    expect(client.deleteNote).toHaveBeenCalledOnce();
    void del;
  });

  it("says in the reader's language that the background did not answer, not the error's bare key", async () => {
    const { parseAnswer } = await import('../../../messaging/exchange');
    const silent = { ...client, notesForDocument: vi.fn(async () => parseAnswer({ 'notes-for-document': { request: {} as never, answer: {} as never } }, 'notes-for-document', undefined) as Note[]) };
    await act(() => render(inLanguage(h(NoteEditor, { documentId: 'COM(2016) 731', label: 'COM(2016) 731', page, quote: null, client: silent }), 'de'), root));
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Eurefs hat auf notes-for-document keine Antwort erhalten: Laden Sie die Erweiterung neu und versuchen Sie es erneut.');
  });
});
