import type { ImportMode } from '../../../storage/dataset/db';
import type { MessageKey } from '../../../i18n/keys';
import type { Translator } from '../../../i18n/translate';

const MODE_KEYS: Readonly<Record<ImportMode, MessageKey>> = { merge: 'importModeMerge', replace: 'importModeReplace' };

/** How an import or a schedule treats the dataset, as the options page says it: merge or replace. */
export function modeWords(words: Translator, mode: ImportMode): string {
  return words.t(MODE_KEYS[mode]);
}
