/**
 * What went wrong, as a sentence for the reader: a phrased error's words in the reader's
 * language (its own message is only its key, for a console), else an Error's message (the
 * browser's words), else whatever was thrown.
 */
import { errorWords } from '../../i18n/phrased-error';
import { say } from '../../i18n/phrase';
import type { Translator } from '../../i18n/translate';

export const errorText = (words: Translator, error: unknown): string => say(words, errorWords(error));
