/**
 * What the note editor (in the content script's popover) and the options page call: typed
 * messages to the background, answers parsed on arrival. No Dexie here: content scripts never
 * open the database (docs/ARCHITECTURE.md, "Where the data lives").
 */
import { browser } from 'wxt/browser';
import { ANSWERS, type AnnotationMessageInput, type AnswerOf } from './annotations';
import type { ExportRequestInput, NoteInput, VisitReference } from '../storage/annotations/schema';

type Send = (message: unknown) => Promise<unknown>;
const defaultSend: Send = (message) => browser.runtime.sendMessage(message);

export async function ask<M extends AnnotationMessageInput>(message: M, send: Send = defaultSend): Promise<AnswerOf<M['type']>> {
  const answer = await send(message);
  if (answer === undefined) throw new Error('Eurefs: the background did not answer (reload the extension?)');
  return ANSWERS[message.type].parse(answer) as AnswerOf<M['type']>;
}

export const annotationsClient = {
  saveNote: (note: NoteInput) => ask({ type: 'notes:save', note }),
  deleteNote: (id: string) => ask({ type: 'notes:delete', id }),
  notesForDocument: async (documentId: string) => (await ask({ type: 'notes:list-for-document', documentId })).notes,
  searchNotes: (query: string, options: { tag?: string; offset?: number; limit?: number } = {}) =>
    ask({ type: 'notes:search', query, ...options }),
  recordVisit: (visit: { url: string; title: string; references: VisitReference[] }) =>
    ask({ type: 'history:record-visit', ...visit }),
  listVisits: (query: string, offset = 0, limit = 50) => ask({ type: 'history:list', query, offset, limit }),
  clearHistory: (host?: string) => ask({ type: 'history:clear', ...(host ? { host } : {}) }),
  historySettings: () => ask({ type: 'history:get-settings' }),
  setSiteRecording: (host: string, enabled: boolean) => ask({ type: 'history:set-site', host, enabled }),
  exportSmall: (request: ExportRequestInput) => ask({ type: 'annotations:export', request }),
  importText: (text: string) => ask({ type: 'annotations:import', text }),
};
export type AnnotationsClient = typeof annotationsClient;
