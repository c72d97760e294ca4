/**
 * The keys of the English catalogue, as types: a key that is not in it does not compile. Only
 * types come from the JSON file; nothing of it is bundled by importing this module.
 */
import type english from '../public/_locales/en/messages.json';

/** The categories `Intl.PluralRules` chooses among; a plural message has a key per category its language needs. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

type EnglishKey = keyof typeof english & string;
type PluralForm = `${string}_${PluralCategory}`;

/** A message used as it is. */
export type MessageKey = Exclude<EnglishKey, PluralForm>;
/** A message that depends on a count: `refsCount` stands for `refsCount_one`, `refsCount_other`, … */
export type PluralKey = EnglishKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
