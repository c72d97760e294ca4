import { describe, expect, it } from 'vitest';
import { errorText } from '../../../../entrypoints/options/error-text';
import { PhrasedError } from '../../../../i18n/phrased-error';
import { byteSize, phrase } from '../../../../i18n/phrase';
import { FetchProblem } from '../../../../storage/import/fetch';
import { parseAnswer } from '../../../../messaging/exchange';
import { wordsIn } from '../../i18n/helpers';

describe('the words of an error on the options page', () => {
  it("say a phrased error in the reader's language, never as its bare key", () => {
    const error = new PhrasedError(phrase('importNothingToApply'));
    const german = wordsIn('de');
    expect(errorText(german, error)).toBe(german.t('importNothingToApply'));
    expect(errorText(german, error)).not.toBe('importNothingToApply');
    expect(errorText(wordsIn('en'), error)).toBe(wordsIn('en').t('importNothingToApply'));
  });

  it("say a phrased error's sizes in the reader's units, subclasses too", () => {
    const tooLarge = new FetchProblem(phrase('importFetchGrewTooLarge', byteSize(50 * 1024 * 1024)));
    expect(errorText(wordsIn('de'), tooLarge)).toContain('50,0 MB');
  });

  it('say in the reader\'s language that the background did not answer, naming the request for a bug report', () => {
    let thrown: unknown;
    try {
      parseAnswer({ 'notes-list': { request: {} as never, answer: {} as never } }, 'notes-list', undefined);
    } catch (error) {
      thrown = error;
    }
    expect(errorText(wordsIn('de'), thrown)).toBe('Eurefs hat auf notes-list keine Antwort erhalten: Laden Sie die Erweiterung neu und versuchen Sie es erneut.');
  });

  it("keep the browser's own words for its errors, and whatever else was thrown", () => {
    expect(errorText(wordsIn('de'), new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorText(wordsIn('de'), 'gone')).toBe('gone');
  });
});
