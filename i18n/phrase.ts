/**
 * Words to be said later, in whatever language the reader reads: a message key and what fills
 * its placeholders. Pure modules that have no translator (the import's checks, which also run in
 * a worker and in the command-line scripts) describe what they found as phrases; whoever shows
 * them says them with the reader's translator, or with English for a terminal.
 */
import type { MessageKey, PluralKey } from './keys';
import type { Translator } from './translate';
import { intlLocale } from './languages';

export type Phrase =
  | { readonly key: MessageKey; readonly args?: readonly Said[] }
  | { readonly plural: PluralKey; readonly count: number; readonly args?: readonly Said[] };

/**
 * What fills a placeholder: a phrase of its own, a number (written as the language writes
 * numbers), or a string, which is data shown as it is (a path, an id, a file's own text), never
 * words of Eurefs's own.
 */
export type Said = string | number | Phrase | SaidList;

/** Items joined as the language joins a list: "1 and 2", "1 und 2". */
export interface SaidList {
  readonly list: readonly Said[];
}

export function phrase(key: MessageKey, ...args: Said[]): Phrase {
  return args.length > 0 ? { key, args } : { key };
}

/** The plural form of `key` for `count` (`$1`), `args` filling `$2`…. */
export function pluralPhrase(key: PluralKey, count: number, ...args: Said[]): Phrase {
  return args.length > 0 ? { plural: key, count, args } : { plural: key, count };
}

export function say(words: Translator, said: Said): string {
  if (typeof said === 'string') return said;
  if (typeof said === 'number') return words.number(said);
  if ('list' in said) return new Intl.ListFormat(intlLocale(words.language), { type: 'conjunction' }).format(said.list.map((item) => say(words, item)));
  const args = (said.args ?? []).map((arg) => say(words, arg));
  return 'plural' in said ? words.plural(said.plural, said.count, ...args) : words.t(said.key, ...args);
}
