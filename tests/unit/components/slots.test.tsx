import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SLOT, withSlots } from '../../../components/slots';

const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement });
const root = window.document.getElementById('root')!;

describe('a sentence with elements inside it', () => {
  it('puts each element where the language\'s sentence has its placeholder, in order', () => {
    render(<p>{withSlots(`Wurde zu ${SLOT} (siehe ${SLOT})`, <a href="#act">Verordnung (EU) 2018/1240</a>, <b>oben</b>)}</p>, root);
    expect(root.innerHTML).toBe('<p>Wurde zu <a href="#act">Verordnung (EU) 2018/1240</a> (siehe <b>oben</b>)</p>');
  });

  it('keeps a sentence without a placeholder as it is', () => {
    render(<p>{withSlots('Became', <a href="#x">x</a>)}</p>, root);
    expect(root.textContent).toBe('Became');
  });
});
