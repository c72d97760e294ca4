import { describe, expect, it } from 'vitest';
import { english } from '../../../i18n/english';
import { byteSize, duration, phrase, phraseSchemas, pluralPhrase, say } from '../../../i18n/phrase';
import { quotaProblem } from '../../../storage/import/quota';
import { wordsIn } from './helpers';

describe('a phrase said in a language', () => {
  const nested = phrase('problemSubjectEvent', phrase('problemSubjectDocument', '"COM(2018) 640"'), 2);

  it('fills its placeholders with phrases of their own, in English and in German', () => {
    expect(say(english, nested)).toBe('document "COM(2018) 640", event 2');
    expect(say(wordsIn('de'), nested)).toBe('Dokument "COM(2018) 640", Ereignis 2');
  });

  it('chooses the plural form by the count', () => {
    expect(say(english, pluralPhrase('problemValueList', 1))).toBe('a list of 1');
    expect(say(wordsIn('de'), pluralPhrase('problemValueList', 1))).toBe('eine Liste mit 1 Eintrag');
    expect(say(wordsIn('de'), pluralPhrase('problemValueList', 3))).toBe('eine Liste mit 3 Einträgen');
  });

  it('writes numbers and lists as the language does, and data as it is', () => {
    expect(say(english, phrase('problemPlaceLine', 12345))).toBe('line 12,345');
    expect(say(wordsIn('de'), phrase('problemPlaceLine', 12345))).toBe('Zeile 12.345');
    expect(say(english, { list: [1, 2] })).toBe('1 and 2');
    expect(say(wordsIn('de'), { list: [1, 2] })).toBe('1 und 2');
    expect(say(wordsIn('de'), 'documents[3].events[0].date')).toBe('documents[3].events[0].date');
  });

  it('says a key no catalogue has as the key itself, never nothing', () => {
    expect(say(english, { key: 'noSuchKey' as 'problemMissing' })).toBe('noSuchKey');
  });

  it('writes a size in the units and the numbers of the language it is said in, not of the code that found it', () => {
    const noRoom = quotaProblem({ usage: 0, quota: 100 * 1024 * 1024 }, 50 * 1024 * 1024)!;
    expect(say(english, noRoom)).toContain('about 150.0 MB of storage');
    const german = say(wordsIn('de'), noRoom);
    expect(german).toContain('150,0 MB');
    expect(german).toContain('100,0 MB');
    expect(german).not.toContain('150.0');
    expect(say(wordsIn('fr'), byteSize(2048))).toBe('2\u202fko');
    expect(say(wordsIn('de'), phrase('importFetchNoAnswer', 'https://example.org/d.json', duration(2_500)))).toContain('2,5 Sek.');
    expect(say(english, duration(30_000))).toBe('30 s');
  });
});

describe('the one schema of a phrase', () => {
  it('takes what the code says, nested, and keeps it as it is', () => {
    const said = phrase('importNoRoom', byteSize(10), { list: ['a', 2, pluralPhrase('problemValueList', 3)] });
    expect(phraseSchemas().phrase.parse(JSON.parse(JSON.stringify(said)))).toEqual(said);
  });

  it('refuses what is no phrase: a key not spelt as keys are, a size that is no size, words of unknown shape', () => {
    const { phrase: schema, said } = phraseSchemas();
    expect(schema.safeParse({ key: 'Not a key!' }).success).toBe(false);
    expect(said.safeParse({ bytes: -1 }).success).toBe(false);
    expect(said.safeParse({ key: 'stageAdopted', extra: 1 }).success).toBe(false);
    expect(said.safeParse({ html: '<b>x</b>' }).success).toBe(false);
  });
});
