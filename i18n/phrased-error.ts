/**
 * An error whose words are a phrase, so that whoever shows it says it in the reader's language
 * (the options page) or in English (the background's refresh record, a script). Its `message` is
 * the phrase's key, for a console; no catalogue is needed to throw one.
 */
import type { Phrase, Said } from './phrase';

export class PhrasedError extends Error {
  constructor(
    readonly words: Phrase,
    name = 'PhrasedError',
  ) {
    super('key' in words ? words.key : words.plural);
    this.name = name;
  }
}

/** What went wrong, to be said: an error's phrase, else its own message (the browser's words), else whatever was thrown. */
export function errorWords(error: unknown): Said {
  if (error instanceof PhrasedError) return error.words;
  return error instanceof Error ? error.message : String(error);
}
