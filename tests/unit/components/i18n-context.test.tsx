import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { I18nContext, useI18n } from '../../../components/i18n-context';
import { wordsIn } from '../i18n/helpers';

const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const root = window.document.getElementById('root')!;

function Stage() {
  return <p>{useI18n().t('stageInForce')}</p>;
}

describe('the translator a component reads', () => {
  it('is the one its tree was given', () => {
    render(<I18nContext.Provider value={wordsIn('de')}><Stage /></I18nContext.Provider>, root);
    expect(root.textContent).toBe('in Kraft');
    render(null, root);
  });

  it('is a mistake to leave out, said at once rather than rendered in some language', () => {
    expect(() => render(<Stage />, root)).toThrow(/without a translator/);
  });
});
