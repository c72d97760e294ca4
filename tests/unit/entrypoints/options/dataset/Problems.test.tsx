import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../../../entrypoints/options/dataset/Problems';
import { validateDataset } from '../../../../../storage/import/validate';
import { inLanguage } from '../../../i18n/helpers';
import { dataset, doc } from '../../../storage/import/helpers';

const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const root = window.document.getElementById('root')!;

async function errorsOf(value: unknown) {
  return validateDataset(JSON.parse(JSON.stringify(value)));
}

const items = () => [...root.querySelectorAll('li')].map((li) => [...li.querySelectorAll('span')].map((span) => span.textContent));

describe('the problems of an import, as the options page lists them', () => {
  it('are in the reader\'s language: English, and German', async () => {
    const broken = dataset('v', [{ ...doc('COM(2018) 640', 'adopted'), title: '' }]);
    const result = await errorsOf(broken);
    render(inLanguage(<Problems kind="error" problems={result.errors} count={result.errorCount} />, 'en'), root);
    expect(root.querySelector('h3')?.textContent).toBe('1 error: nothing was imported and nothing was changed.');
    expect(items()).toEqual([['documents[0].title', 'document "COM(2018) 640"', 'title', 'must not be empty']]);
    render(inLanguage(<Problems kind="error" problems={result.errors} count={result.errorCount} />, 'de'), root);
    expect(root.querySelector('h3')?.textContent).toBe('1 Fehler: es wurde nichts importiert und nichts geändert.');
    expect(items()).toEqual([['documents[0].title', 'Dokument "COM(2018) 640"', 'title', 'darf nicht leer sein']]);
    render(null, root);
  });

  it('say how many more there are than the list shows', async () => {
    const result = await errorsOf(dataset('v', [{ ...doc('COM(2018) 640', 'adopted'), title: '' }]));
    render(inLanguage(<Problems kind="warning" problems={result.errors} count={4} />, 'de'), root);
    expect(root.querySelector('h3')?.textContent).toBe('4 Warnungen: der Import ist möglich, aber sehen Sie sich diese an.');
    expect(root.querySelector('p.muted')?.textContent).toBe('… und 3 weitere.');
    render(null, root);
  });
});
