/**
 * The review list as a reviewer uses it, rendered by Preact into a DOM: the least confident
 * first, each quote highlighted as text in its paragraph, Accept / Reject / Edit with their
 * counts, and an edited date the quote does not state flagged.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Proposal } from '../../../../../drafter/draft';
import { reviewItems, type ReviewItem } from '../../../../../entrypoints/options/draft/review-items';
import { draftExcerpt } from './helpers';

const { window } = parseHTML('<!doctype html><html><head><title></title></head><body><div id="root"></div></body></html>');
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
const { ReviewList } = await import('../../../../../entrypoints/options/draft/ReviewList');

const root = window.document.getElementById('root')!;
afterEach(() => render(null, root));

const draft = draftExcerpt();
const titles = new Map([...draft.base.documents.map((d) => [d.id, d.title] as const), ['32019R1148', 'Regulation (EU) 2019/1148']]);

function Harness({ proposals, seen }: { proposals: Proposal[]; seen: (items: ReviewItem[]) => void }) {
  const [items, setItems] = useState(() => reviewItems(proposals));
  seen(items);
  return h(ReviewList, { items, context: { titles, reportDates: new Map([['COM(2019) 353', '2019-07-24']]), listId: 'docs' }, onChange: setItems });
}

async function show(proposals: Proposal[] = draft.proposals) {
  let latest: ReviewItem[] = [];
  await act(() => render(h(Harness, { proposals, seen: (items) => (latest = items) }), root));
  return () => latest;
}

const items = () => [...root.querySelectorAll('[data-testid="draft-proposal"]')];
const itemAbout = (document: string, stage: string) =>
  items().find((li) => li.querySelector('h4 .id')!.textContent === document && li.querySelector('[data-testid="draft-stage"]')?.textContent === stage)!;
const button = (within: Element, name: string) => [...within.querySelectorAll('button')].find((b) => b.textContent === name)!;
const counts = () => root.querySelector('[data-testid="draft-counts"]')!.textContent;
const click = (el: Element) => act(() => void el.dispatchEvent(new window.Event('click', { bubbles: true })));
async function type(input: Element, value: string) {
  (input as HTMLInputElement).value = value;
  await act(() => void input.dispatchEvent(new window.Event('input', { bubbles: true })));
}

describe('the review list', () => {
  it('lists every proposal, least confident first, each labelled by its heading', async () => {
    await show();
    expect(items()).toHaveLength(draft.proposals.length);
    const confidences = items().map((li) => Number(li.querySelector('[data-testid="draft-confidence"]')!.textContent));
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    for (const li of items()) expect(window.document.getElementById(li.getAttribute('aria-labelledby')!)?.tagName).toBe('H4');
    expect(counts()).toBe(`0 accepted, 0 rejected, ${draft.proposals.length} pending`);
  });

  it('shows the quote highlighted inside the sentences around it, and markup in a quote as text', async () => {
    const event = draft.proposals.find((p) => p.kind === 'event' && p.document === 'COM(2018) 640')!;
    const hostile = { ...event, evidence: { ...event.evidence, quote: 'It <img src=x onerror="alert(1)"> was agreed.', context: 'Before. It <img src=x onerror="alert(1)"> was agreed. After.' } };
    await show([event, hostile]);
    const [first, second] = items().map((li) => li.querySelector('blockquote')!);
    expect(first!.querySelector('mark')!.textContent).toBe(event.evidence.quote);
    expect(first!.textContent).toBe(`Terrorist content online remains a threat. ${event.evidence.quote} The agreement now needs to be confirmed by both institutions.`);
    expect(second!.querySelector('img')).toBeNull();
    expect(second!.querySelector('mark')!.textContent).toBe('It <img src=x onerror="alert(1)"> was agreed.');
  });

  it('accepts and rejects one at a time, accepts all shown and rejects all, counting as it goes', async () => {
    const latest = await show();
    const wrong = itemAbout('COM(2018) 209', 'published');
    await click(button(wrong, 'Reject'));
    expect(itemAbout('COM(2018) 209', 'published').querySelector('[data-testid="draft-decision"]')!.textContent).toBe('rejected');
    expect(button(itemAbout('COM(2018) 209', 'published'), 'Reject').getAttribute('aria-pressed')).toBe('true');
    expect(counts()).toBe(`0 accepted, 1 rejected, ${draft.proposals.length - 1} pending`);
    await click(root.querySelector('[data-testid="draft-accept-shown"]')!);
    expect(counts()).toBe(`${draft.proposals.length} accepted, 0 rejected, 0 pending`);
    await click(root.querySelector('[data-testid="draft-reject-all"]')!);
    expect(counts()).toBe(`0 accepted, ${draft.proposals.length} rejected, 0 pending`);
    expect(latest().every((i) => i.decision === 'rejected')).toBe(true);
  });

  it('edits an event’s stage and date, keeps its quote, and flags a date the quote does not state', async () => {
    const latest = await show();
    const misread = itemAbout('COM(2018) 209', 'proposed');
    const quote = misread.querySelector('mark')!.textContent;
    await click(button(misread, 'Edit'));
    const form = misread.querySelector('form.edit')!;
    const stage = form.querySelector('[data-testid="draft-edit-stage"]') as HTMLSelectElement;
    // linkedom's select reads its value off the selected option
    for (const option of stage.querySelectorAll('option')) option.toggleAttribute('selected', option.getAttribute('value') === 'adopted');
    expect(stage.value).toBe('adopted');
    await act(() => void stage.dispatchEvent(new window.Event('change', { bubbles: true })));
    await type(form.querySelector('[data-testid="draft-edit-date"]')!, '2019-06-31');
    expect(form.querySelector('[role="alert"]')!.textContent).toContain('a real day');
    expect((form.querySelector('[data-testid="draft-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
    await type(form.querySelector('[data-testid="draft-edit-date"]')!, '2019-06-21');
    await act(() => void form.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true })));

    const edited = itemAbout('COM(2018) 209', 'adopted');
    expect(edited.querySelector('[data-testid="draft-date"]')!.textContent).toBe('2019-06-21');
    expect(edited.querySelector('mark')!.textContent).toBe(quote);
    expect(edited.querySelector('[data-testid="draft-date-flag"]')!.textContent).toBe('The date 2019-06-21 is not in the quote: check it against the report before accepting.');
    expect(edited.querySelector('[data-testid="draft-decision"]')!.textContent).toBe('pending, edited');
    expect(latest().find((i) => i.edit)!.edit).toEqual({ stage: 'adopted', date: '2019-06-21', document: 'COM(2018) 209' });
  });
});
