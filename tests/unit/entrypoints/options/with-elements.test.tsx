import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { withElements } from '../../../../entrypoints/options/with-elements';
import { wordsIn } from '../../i18n/helpers';

const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const root = window.document.getElementById('root')!;

describe('a message with elements in its placeholders', () => {
  it('puts each element where the language puts it, and the rest as text', () => {
    const words = wordsIn('de');
    render(<p>{withElements([<strong>v2</strong>], (version) => words.t('importApplied', version, 'a.json', 1, 2, 3, '0.5'))}</p>, root);
    expect(root.querySelector('strong')?.textContent).toBe('v2');
    expect(root.textContent).toContain('Version v2 aus a.json importiert');
    render(null, root);
  });

  it('keeps markup in the words as text', () => {
    render(<p>{withElements([<b>x</b>], (mark) => `<i>${mark}</i>`)}</p>, root);
    expect(root.querySelector('i')).toBeNull();
    expect(root.textContent).toBe('<i>x</i>');
    render(null, root);
  });
});
