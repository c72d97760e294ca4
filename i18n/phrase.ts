/**
 * Words to be said later, in whatever language the reader reads: a message key and what fills
 * its placeholders. Pure modules that have no translator (the import's checks, which also run in
 * a worker and in the command-line scripts) describe what they found as phrases; whoever shows
 * them says them with the reader's translator, or with English for a terminal.
 */
import * as z from 'zod/mini';
import type { MessageKey, PluralKey } from './keys';
import type { Translator } from './translate';
import { intlLocale } from './languages';
import { lazily } from '../messaging/lazily';
import { formatBytes, formatSeconds } from '../components/format';

// A key's spelling only: a key the reader's catalogue lacks is shown as itself (i18n/translate.ts).
const keyName = (value: unknown) => typeof value === 'string' && /^[a-z][A-Za-z0-9]*$/.test(value);

/**
 * The one schema of a phrase and of what fills its placeholders, wherever one crosses a boundary
 * (the import worker's messages, the refresh record in the settings). `zod/mini`, built on first
 * use: the settings' schema, which holds it, is read in every web page the scanner runs in.
 *
 * What fills a placeholder: a phrase of its own, a number (written as the language writes
 * numbers), a size in bytes or a duration (written in the language's units when said), a list, or a string,
 * which is data shown as it is (a path, an id, a file's own text), never words of Eurefs's own.
 */
export const phraseSchemas = lazily(() => {
  const args = () => z.optional(z.readonly(z.array(said)));
  const phrase = z.union([
    z.strictObject({
      key: z.custom<MessageKey>(keyName),
      get args(): z.ZodMiniOptional<z.ZodMiniReadonly<z.ZodMiniArray<typeof said>>> {
        return args();
      },
    }),
    z.strictObject({
      plural: z.custom<PluralKey>(keyName),
      count: z.number(),
      get args(): z.ZodMiniOptional<z.ZodMiniReadonly<z.ZodMiniArray<typeof said>>> {
        return args();
      },
    }),
  ]);
  /** Items joined as the language joins a list: "1 and 2", "1 und 2". */
  const list = z.strictObject({
    get list(): z.ZodMiniReadonly<z.ZodMiniArray<typeof said>> {
      return z.readonly(z.array(said));
    },
  });
  const size = z.strictObject({ bytes: z.number().check(z.nonnegative()) });
  const duration = z.strictObject({ ms: z.number().check(z.nonnegative()) });
  const said = z.union([z.string(), z.number(), size, duration, list, phrase]);
  return { phrase, said };
});

type Schemas = ReturnType<typeof phraseSchemas>;
export type Phrase = z.output<Schemas['phrase']>;
export type Said = z.output<Schemas['said']>;
export type SaidList = Extract<Said, { list: unknown }>;

/** A duration, said in the units of the reader's language ("2.5 s", "2,5 Sek."). */
export function duration(ms: number): Said {
  return { ms };
}

/** A size, said in the units of the reader's language ("1.5 MB", "1,5 MB"). */
export function byteSize(count: number): Said {
  return { bytes: count };
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
  if ('bytes' in said) return formatBytes(said.bytes, words.language);
  if ('ms' in said) return formatSeconds(said.ms, words.language);
  if ('list' in said) return new Intl.ListFormat(intlLocale(words.language), { type: 'conjunction' }).format(said.list.map((item) => say(words, item)));
  const args = (said.args ?? []).map((arg) => say(words, arg));
  return 'plural' in said ? words.plural(said.plural, said.count, ...args) : words.t(said.key, ...args);
}
