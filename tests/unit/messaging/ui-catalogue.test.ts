import { describe, expect, it } from 'vitest';
import { uiCatalogue } from '../../../messaging/ui-catalogue';
import { toBackground } from '../../../messaging/to-background';

describe('the popover\'s ask for its words', () => {
  it('is a message of the direction to the background, asking for nothing but the words', () => {
    expect(toBackground['ui-catalogue']).toBe(uiCatalogue()['ui-catalogue']);
    expect(uiCatalogue()['ui-catalogue'].request.safeParse({ type: 'ui-catalogue' }).success).toBe(true);
    expect(uiCatalogue()['ui-catalogue'].request.safeParse({ type: 'ui-catalogue', language: 'de' }).success).toBe(false);
  });

  it('takes as its answer only one of the 24 languages and a catalogue in the browsers\' format', () => {
    const answer = uiCatalogue()['ui-catalogue'].answer;
    expect(answer.safeParse({ language: 'de', catalogue: { stageInForce: { message: 'in Kraft' } } }).success).toBe(true);
    expect(answer.safeParse({ language: 'ru', catalogue: {} }).success).toBe(false);
    expect(answer.safeParse({ language: 'de', catalogue: { stageInForce: 'in Kraft' } }).success).toBe(false);
  });
});
