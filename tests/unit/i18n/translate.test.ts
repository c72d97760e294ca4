import { describe, expect, it } from 'vitest';
import { catalogueSource, createTranslator, substitute } from '../../../i18n/translate';
import type { Catalogue } from '../../../i18n/catalogue';
import type { MessageKey, PluralKey } from '../../../i18n/keys';

// Keys of a made-up catalogue: the translator takes any key its source has.
const key = (k: string) => k as MessageKey;
const pluralKey = (k: string) => k as PluralKey;

const catalogue: Catalogue = {
  since: { message: 'since $date$', placeholders: { date: { content: '$1' } } },
  two: { message: '$WHO$ cites $what$ ($$5)', placeholders: { who: { content: '$1' }, what: { content: 'the act $2' } } },
  events_one: { message: '$count$ event', placeholders: { count: { content: '$1' } } },
  events_few: { message: '$count$ wydarzenia', placeholders: { count: { content: '$1' } } },
  events_many: { message: '$count$ wydarzeń', placeholders: { count: { content: '$1' } } },
  events_other: { message: '$count$ events of $doc$', placeholders: { count: { content: '$1' }, doc: { content: '$2' } } },
};

describe('messages in the reader\'s language', () => {
  it('fills named placeholders as the browser does: names in any case, $$ a dollar, content with its own words', () => {
    const words = createTranslator('en', catalogueSource(catalogue));
    expect(words.t(key('since'), '12 Sept 2018')).toBe('since 12 Sept 2018');
    expect(words.t(key('two'), 'The page', '2018/1240')).toBe('The page cites the act 2018/1240 ($5)');
    expect(substitute('$1 and $2', undefined, ['a'])).toBe('a and ');
    expect(substitute('$unknown$', undefined, [])).toBe('$unknown$');
  });

  it('shows a key missing everywhere as the key itself, never as nothing', () => {
    expect(createTranslator('en', catalogueSource(catalogue)).t(key('nowhere'))).toBe('nowhere');
  });

  it('chooses the plural form the language\'s rules ask for, with the count written as the language writes numbers', () => {
    const polish = createTranslator('pl', catalogueSource(catalogue));
    expect(polish.plural(pluralKey('events'), 1)).toBe('1 event');
    expect(polish.plural(pluralKey('events'), 3)).toBe('3 wydarzenia');
    expect(polish.plural(pluralKey('events'), 5)).toBe('5 wydarzeń');
    expect(polish.plural(pluralKey('events'), 1.5, 'X')).toBe('1,5 events of X');
    const english = createTranslator('en', catalogueSource(catalogue));
    expect(english.plural(pluralKey('events'), 1200, 'the act')).toBe('1,200 events of the act');
    // A form the catalogue lacks falls back on `other`.
    const { events_one: _, ...withoutOne } = catalogue;
    expect(createTranslator('en', catalogueSource(withoutOne)).plural(pluralKey('events'), 1, 'it')).toBe('1 events of it');
  });

  it('formats the dataset\'s dates, months and years for the language', () => {
    const german = createTranslator('de', catalogueSource({}));
    expect(german.date('2018-09-12')).toBe('12.09.2018');
    expect(german.date('2018-09')).toBe('September 2018');
    expect(german.date('2018')).toBe('2018');
    expect(createTranslator('en', catalogueSource({})).date('2018-09-12')).toMatch(/^12 Sept? 2018$/);
    expect(createTranslator('fr', catalogueSource({})).date('2018-09')).toBe('septembre 2018');
    expect(german.number(1234.5)).toBe('1.234,5');
    // A recorded moment is the reader's own day and time, written as the language writes them.
    const moment = new Date(2026, 11, 1, 15, 30);
    expect(german.moment(moment.toISOString())).toBe('01.12.2026');
    expect(german.moment(moment.getTime(), true)).toBe('01.12.2026, 15:30');
  });
});
