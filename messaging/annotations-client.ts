/**
 * What the Notes frame calls for the reader's notes on one document: typed messages to the
 * background, answers parsed on arrival (to-background.ts). The options page calls the annotation
 * service itself (storage/annotations/db.ts says why). No Dexie here: the Notes frame, like a
 * content script, never opens the database (docs/ARCHITECTURE.md, "Where the data lives").
 */
import { sendToBackground } from './to-background';
import type { NoteInput } from '../storage/annotations/schema';

export const annotationsClient = {
  saveNote: (note: NoteInput) => sendToBackground({ type: 'notes:save', note }),
  deleteNote: (id: string) => sendToBackground({ type: 'notes:delete', id }),
  notesForDocument: async (documentId: string) => (await sendToBackground({ type: 'notes:list-for-document', documentId })).notes,
};
export type AnnotationsClient = typeof annotationsClient;
