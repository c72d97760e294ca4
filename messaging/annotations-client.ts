/**
 * What the Notes frame and the options page call for the reader's notes and history: typed
 * messages to the background, answers parsed on arrival (to-background.ts). No Dexie here: a
 * content script never opens the database (docs/ARCHITECTURE.md, "Where the data lives").
 */
import { sendToBackground } from './to-background';
import type { NoteInput } from '../storage/annotations/schema';

export const annotationsClient = {
  saveNote: (note: NoteInput) => sendToBackground({ type: 'notes:save', note }),
  deleteNote: (id: string) => sendToBackground({ type: 'notes:delete', id }),
  notesForDocument: async (documentId: string) => (await sendToBackground({ type: 'notes:list-for-document', documentId })).notes,
  searchNotes: (query: string, options: { tag?: string; offset?: number; limit?: number } = {}) =>
    sendToBackground({ type: 'notes:search', query, ...options }),
  listVisits: (query: string, offset = 0, limit = 50) => sendToBackground({ type: 'history:list', query, offset, limit }),
  clearHistory: (host?: string) => sendToBackground({ type: 'history:clear', ...(host ? { host } : {}) }),
  historySettings: () => sendToBackground({ type: 'history:get-settings' }),
  setSiteRecording: (host: string, enabled: boolean) => sendToBackground({ type: 'history:set-site', host, enabled }),
};
export type AnnotationsClient = typeof annotationsClient;
