// @vitest-environment jsdom
/**
 * Which reference the shortcut goes to, from where the reader is: after the focused element or
 * the selection, or from the top of the window; round the end of the page; past references the
 * reader cannot see.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickReference, type ReadingPosition } from '../../../../in-page/keyboard/next-reference';

/** A page of paragraphs, some holding a mark; marks[i] sits 100 px * its paragraph below the top. */
function page(html: string) {
  document.body.innerHTML = html;
  const marks = [...document.querySelectorAll<HTMLElement>('[data-euref]')];
  return { marks, at: (selector: string) => document.querySelector(selector)! };
}

const PAGE = `
  <p id="p0">Intro <a id="intro-link" href="#">a link</a></p>
  <p id="p1">First <span data-euref="A">COM(2017) 793</span> and <span data-euref="B">COM(2016) 731</span>.</p>
  <p id="p2"><a id="holder" href="#">See <span data-euref="C">Directive (EU) 2017/541</span></a></p>
  <p id="p3">Nothing here.</p>
  <p id="p4">Last <span data-euref="D">SWD(2021) 84</span>.</p>`;

const ids = (picked: { mark: HTMLElement } | null) => picked?.mark.dataset.euref;
const node = (n: Node): ReadingPosition => ({ kind: 'node', node: n });
const everywhere = { isRendered: () => true };

describe('the next reference from where the reader is', () => {
  it('from a focused link, goes to the first reference after it, and back to the one before', () => {
    const { marks, at } = page(PAGE);
    expect(ids(pickReference(marks, node(at('#intro-link')), 'next', everywhere))).toBe('A');
    expect(ids(pickReference(marks, node(at('#p3')), 'previous', everywhere))).toBe('C');
    expect(ids(pickReference(marks, node(at('#p3')), 'next', everywhere))).toBe('D');
  });

  it('from a reference, goes to its neighbours, never to itself', () => {
    const { marks } = page(PAGE);
    expect(ids(pickReference(marks, node(marks[1]!), 'next', everywhere))).toBe('C');
    expect(ids(pickReference(marks, node(marks[1]!), 'previous', everywhere))).toBe('A');
  });

  it('from a selection inside a reference (its text node), goes on as from the reference', () => {
    const { marks } = page(PAGE);
    const text = marks[2]!.firstChild!;
    expect(ids(pickReference(marks, node(text), 'next', everywhere))).toBe('D');
    expect(ids(pickReference(marks, node(text), 'previous', everywhere))).toBe('B');
  });

  it('from a focused link that holds a reference, goes into it', () => {
    const { marks, at } = page(PAGE);
    expect(ids(pickReference(marks, node(at('#holder')), 'next', everywhere))).toBe('C');
    expect(ids(pickReference(marks, node(at('#holder')), 'previous', everywhere))).toBe('B');
  });

  it('goes round the end of the page, and says so', () => {
    const { marks } = page(PAGE);
    expect(pickReference(marks, node(marks[3]!), 'next', everywhere)).toMatchObject({ index: 0, wrapped: true });
    expect(pickReference(marks, node(marks[0]!), 'previous', everywhere)).toMatchObject({ index: 3, wrapped: true });
    expect(pickReference(marks, node(marks[0]!), 'next', everywhere)).toMatchObject({ index: 1, wrapped: false });
  });

  it('from the top of the window, goes to the first reference below it, or the last above it', () => {
    const { marks } = page(PAGE);
    // The reader scrolled so that the window's top is between B (p1) and C (p2).
    const top = new Map(marks.map((mark, i) => [mark, [-250, -240, 40, 300][i]!]));
    const options = { ...everywhere, topOf: (mark: HTMLElement) => top.get(mark)! };
    expect(ids(pickReference(marks, { kind: 'viewport' }, 'next', options))).toBe('C');
    expect(ids(pickReference(marks, { kind: 'viewport' }, 'previous', options))).toBe('B');
  });

  it('passes over references the reader cannot see, and finds none where there are none', () => {
    const { marks, at } = page(PAGE);
    const hidden = new Set([marks[0]!, marks[1]!]);
    expect(ids(pickReference(marks, node(at('#intro-link')), 'next', { isRendered: (mark) => !hidden.has(mark) }))).toBe('C');
    expect(pickReference(marks, node(at('#p3')), 'next', { isRendered: () => false })).toBeNull();
    expect(pickReference([], { kind: 'viewport' }, 'next', everywhere)).toBeNull();
  });

  it('agrees with a walk through every reference, on any page and from any element', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), fc.nat(), fc.boolean(), (holds, from, forward) => {
        // Paragraphs in order; `holds[i]`: paragraph i has a reference.
        page(holds.map((has, i) => `<p id="q${i}">${has ? `<span data-euref="R${i}">x</span>` : 'text'}</p>`).join(''));
        const marks = [...document.querySelectorAll<HTMLElement>('[data-euref]')];
        const start = from % holds.length;
        const picked = pickReference(marks, node(document.getElementById(`q${start}`)!), forward ? 'next' : 'previous', everywhere);
        if (marks.length === 0) return picked === null;
        // The walk: paragraph by paragraph from the start (the start's own reference counts going
        // forward, since it is inside the focused paragraph), round the end.
        const order = holds.map((_, k) => (forward ? start + k : start - 1 - k + 2 * holds.length) % holds.length);
        const expected = order.find((i) => holds[i]);
        return ids(picked) === `R${expected}`;
      }),
    );
  });
});
