/**
 * The catalogues against each other and against the code: every catalogue has every key of the
 * English one (a plural with the forms its language's rules need), with the same placeholders;
 * every key is used somewhere in the sources; every English message tells translators what it is.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLURAL_CATEGORIES } from '../../../i18n/keys';
import { LANGUAGES, intlLocale, isLanguage, type Language } from '../../../i18n/languages';
import type { Catalogue } from '../../../i18n/catalogue';
import { catalogueFile, shippedLanguages } from './helpers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const english = catalogueFile('en');
const PLURAL = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);


function pluralBase(key: string): string | undefined {
  return PLURAL.exec(key)?.[1];
}

/** The keys a catalogue in `language` must have: English's, with each plural in the forms the language needs. */
function expectedKeys(language: Language): string[] {
  const categories = new Intl.PluralRules(intlLocale(language)).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    const base = pluralBase(key);
    if (base) for (const category of categories) keys.add(`${base}_${category}`);
    else keys.add(key);
  }
  return [...keys].sort();
}

function placeholderNames(entry: Catalogue[string] | undefined): string[] {
  return Object.keys(entry?.placeholders ?? {}).map((name) => name.toLowerCase()).sort();
}

/** Every source file of the extension: what ships, and what builds it. */
function sourceText(): string {
  const folders = ['entrypoints', 'in-page', 'components', 'storage', 'messaging', 'i18n', 'references'];
  const files = folders.flatMap((folder) =>
    readdirSync(root + folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => `${folder}/${file}`),
  );
  return [...files, 'wxt.config.ts'].map((file) => readFileSync(root + file, 'utf8')).join('\n');
}

describe('the catalogues', () => {
  it('are the 24 official languages, every one, and no other', () => {
    const shipped = shippedLanguages();
    expect(shipped.filter((folder) => !isLanguage(folder))).toEqual([]);
    expect([...shipped].sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(shippedLanguages())('%s has every key, each plural in the forms its language needs, and nothing else', (language) => {
    expect(Object.keys(catalogueFile(language)).sort()).toEqual(expectedKeys(language as Language));
  });

  it.each(shippedLanguages())('%s has the placeholders English has, each filled from the same argument, and uses no other', (language) => {
    const catalogue = catalogueFile(language);
    for (const [key, entry] of Object.entries(catalogue)) {
      const base = pluralBase(key);
      const own = english[key] ?? english[`${base}_other`];
      expect(placeholderNames(entry), key).toEqual(placeholderNames(own));
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        const theirs = Object.entries(own?.placeholders ?? {}).find(([other]) => other.toLowerCase() === name.toLowerCase())?.[1];
        expect(placeholder.content, `${key}: $${name}$`).toBe(theirs?.content);
      }
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]!.toLowerCase());
      expect(used.filter((name) => !placeholderNames(entry).includes(name)), key).toEqual([]);
    }
  });

  it('tell translators what every English message is, and are named as the code expects', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(entry.description?.length ?? 0, key).toBeGreaterThan(20);
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*(_(zero|one|two|few|many|other))?$/);
    }
  });

  it('English has a plural\'s `one` and `other`, and every placeholder of a message appears in it', () => {
    for (const [key, entry] of Object.entries(english)) {
      const base = pluralBase(key);
      if (base) expect(Object.keys(english), key).toEqual(expect.arrayContaining([`${base}_one`, `${base}_other`]));
      for (const name of placeholderNames(entry)) expect(entry.message.toLowerCase(), key).toContain(`$${name}$`);
    }
  });

  it('hold no key the sources never name (as a literal, a plural\'s base, or a manifest __MSG_ key)', () => {
    const text = sourceText();
    const unused = Object.keys(english).filter((key) => {
      const name = pluralBase(key) ?? key;
      return !text.includes(`'${name}'`) && !text.includes(`"${name}"`) && !text.includes(`__MSG_${name}__`);
    });
    expect(unused).toEqual([]);
  });
});
