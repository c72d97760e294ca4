import { describe, expect, it } from 'vitest';
import { notesFrameHash, parseNotesFrameHash, type NotesFrameContextInput } from '../../../messaging/notes-frame';
import { notesFrameMessage } from '../../../in-page/popover/notes-frame';

const context: NotesFrameContextInput = {
  documentId: 'COM(2016) 731',
  label: 'COM(2016) 731',
  type: 'com',
  stage: 'adopted',
  page: { url: 'https://eur-lex.europa.eu/eurefs-demo.html?q=a&b=%23#part-2', title: 'Résumé — ETIAS & “VIS” #1' },
  quote: { exact: 'COM(2016) 731 final', prefix: 'System in\n', suffix: '. The', start: 120, end: 139 },
};

describe('the Notes frame\'s address', () => {
  it('carries the document, the page and the quote there and back, whatever characters they hold', () => {
    const hash = notesFrameHash(context);
    // One fragment, whatever the page's address and title hold (a `#`, spaces, quotes).
    expect(hash.startsWith('#')).toBe(true);
    expect(hash.slice(1)).not.toMatch(/[\s#"<>]/);
    expect(parseNotesFrameHash(hash)).toEqual(context);
  });

  it('shows nothing for an address it cannot read', () => {
    expect(parseNotesFrameHash('')).toBeNull();
    expect(parseNotesFrameHash('#')).toBeNull();
    expect(parseNotesFrameHash('#%E0%A4%A')).toBeNull();
    expect(parseNotesFrameHash(`#${encodeURIComponent('{"documentId":""}')}`)).toBeNull();
    // Nothing but the context: a field more is a page's doing, not the popover's.
    expect(parseNotesFrameHash(notesFrameHash({ ...context, notes: ['x'] } as NotesFrameContextInput))).toBeNull();
  });
});

describe('messages from the Notes frame', () => {
  const frameWindow = {};
  const frame = { contentWindow: frameWindow } as unknown as HTMLIFrameElement;
  const ORIGIN = 'chrome-extension://ohmoehceihkglkcpofljdeaiblfdbanp';
  const event = (over: Partial<{ isTrusted: boolean; source: unknown; origin: string; data: unknown }>) =>
    ({ isTrusted: true, source: frameWindow, origin: ORIGIN, data: { source: 'eurefs-notes-frame', type: 'escape' }, ...over }) as unknown as MessageEvent;

  it('are heard from the frame\'s own window at the extension\'s origin', () => {
    expect(notesFrameMessage(event({}), frame, ORIGIN)).toEqual({ source: 'eurefs-notes-frame', type: 'escape' });
    expect(notesFrameMessage(event({ data: { source: 'eurefs-notes-frame', type: 'tab-out' } }), frame, ORIGIN)?.type).toBe('tab-out');
  });

  it('are not heard from the page, however it dresses them', () => {
    // The page posting to its own window: its own origin.
    expect(notesFrameMessage(event({ origin: 'https://eur-lex.europa.eu' }), frame, ORIGIN)).toBeNull();
    // The page dispatching a made-up event that names the frame's window and origin.
    expect(notesFrameMessage(event({ isTrusted: false }), frame, ORIGIN)).toBeNull();
    expect(notesFrameMessage(new MessageEvent('message', { data: { source: 'eurefs-notes-frame', type: 'escape' }, origin: ORIGIN }), frame, ORIGIN)).toBeNull();
    // Another window (a frame the page made with the same address), or no frame open.
    expect(notesFrameMessage(event({ source: {} }), frame, ORIGIN)).toBeNull();
    expect(notesFrameMessage(event({}), null, ORIGIN)).toBeNull();
    // Anything but the two keys.
    expect(notesFrameMessage(event({ data: { source: 'eurefs-notes-frame', type: 'escape', text: 'x' } }), frame, ORIGIN)).toBeNull();
    expect(notesFrameMessage(event({ data: 'escape' }), frame, ORIGIN)).toBeNull();
  });
});
