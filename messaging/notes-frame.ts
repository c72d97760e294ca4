/**
 * The line between the popover (in the page's shadow root, which page scripts can read and
 * drive) and the Notes frame (an extension page in an <iframe>, which they cannot). The popover
 * hands the frame public page facts only, in the frame's address; the frame hands back only what
 * key the reader pressed where the popover must act. Both directions are parsed on arrival: the
 * page can write the frame's address and post messages to the window that looks like ours.
 */
import { z } from 'zod';
import { PageSchema, QuoteSchema, ReferenceTypeSchema, StageSchema } from '../storage/annotations/schema';

/** The extension page that holds the reader's notes (entrypoints/notes-frame/). */
export const NOTES_FRAME_PATH = '/notes-frame.html';

/** What the frame needs to list a document's notes and to write a new one. */
export const NotesFrameContextSchema = z.strictObject({
  documentId: z.string().min(1).max(200),
  label: z.string().max(500),
  type: ReferenceTypeSchema.optional(),
  stage: StageSchema.nullable(),
  page: PageSchema,
  quote: QuoteSchema.nullable(),
});
export type NotesFrameContext = z.infer<typeof NotesFrameContextSchema>;
export type NotesFrameContextInput = z.input<typeof NotesFrameContextSchema>;

export function notesFrameHash(context: NotesFrameContextInput): string {
  return `#${encodeURIComponent(JSON.stringify(context))}`;
}

/** The context from the frame's own `location.hash`; null where it is missing or malformed. */
export function parseNotesFrameHash(hash: string): NotesFrameContext | null {
  if (!hash.startsWith('#')) return null;
  try {
    const parsed = NotesFrameContextSchema.safeParse(JSON.parse(decodeURIComponent(hash.slice(1))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What the frame posts to the page's window, where the page's own scripts receive it too: so it
 * says which key, never anything about the notes.
 * - `escape`: Escape inside the frame; the popover takes focus back (a second Escape closes it);
 * - `tab-out`: Tab from the frame's last field; focus goes back to the reference, as Tab from the
 *   popover's last control does.
 */
export const NotesFrameMessageSchema = z.strictObject({
  source: z.literal('eurefs-notes-frame'),
  type: z.enum(['escape', 'tab-out']),
});
export type NotesFrameMessage = z.infer<typeof NotesFrameMessageSchema>;

/**
 * Tells the popover around the frame which key was pressed. The page receives whatever is posted
 * to its window, so this says only that; '*' because there is nothing in it to keep from anyone.
 */
export function tellPopover(message: NotesFrameMessage): void {
  window.parent.postMessage(message, '*');
}
