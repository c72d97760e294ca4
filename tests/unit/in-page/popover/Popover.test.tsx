import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A DOM for Preact, without a browser.
const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const { Popover } = await import('../../../../in-page/popover/Popover');

const root = window.document.getElementById('root')!;
const reference = { id: 'COM(2016) 731', type: 'com' as const, year: 2016, number: '731', url: 'https://eur-lex.europa.eu/' };
const common = { reference, relatedUrl: (id: string) => id, relatedLabel: (id: string) => id };

afterEach(() => render(null, root));

function click(element: Element, isTrusted: boolean) {
  const event = new window.Event('click', { bubbles: true, cancelable: true });
  // What the browser sets for the reader's own click, and never for a script's.
  Object.defineProperty(event, 'isTrusted', { value: isTrusted });
  element.dispatchEvent(event);
}

describe('the popover while its lookup is under way, and once it got no answer', () => {
  it('says it is looking the document up while it is', async () => {
    await act(() => render(h(Popover, { ...common, document: undefined }), root));
    expect(root.textContent).toContain('Looking it up…');
    expect(root.querySelector('button.retry')).toBeNull();
  });

  it('says plainly that the dataset could not be reached, with no spinner, and asks again on the reader\'s click only', async () => {
    const retry = vi.fn();
    await act(() => render(h(Popover, { ...common, document: undefined, onRetryLookup: retry }), root));
    expect(root.textContent).toContain('Eurefs could not reach its dataset.');
    expect(root.textContent).not.toContain('Looking it up…');
    const button = root.querySelector('button.retry')!;
    expect(button.textContent).toBe('Try again');
    click(button, false);
    expect(retry).not.toHaveBeenCalled();
    click(button, true);
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
