import { describe, expect, it } from 'vitest';
import { english } from '../../../i18n/english';
import { phrase, pluralPhrase, say } from '../../../i18n/phrase';
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
});
