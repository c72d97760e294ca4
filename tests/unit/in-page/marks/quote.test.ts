import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { positionsOf, quoteOf } from '../../../../in-page/marks/quote';

describe('quoteOf', () => {
  it('gives the marked text, its context and its offsets in the page text', () => {
    const { document } = parseHTML(
      '<html><body><p>The Commission proposed <span data-euref="x">COM(2016) <b>731</b> final</span> in November.</p><p>Κείμενο.</p></body></html>',
    );
    const mark = document.querySelector('[data-euref]')!;
    const quote = quoteOf(mark, document.body, 10);
    const text = document.body.textContent!;
    expect(quote.exact).toBe('COM(2016) 731 final');
    expect(text.slice(quote.start, quote.end)).toBe(quote.exact);
    expect(quote.prefix).toBe(' proposed ');
    expect(quote.suffix).toBe(' in Novemb');
  });
});

describe('positionsOf', () => {
  it('places every mention in one walk, a reference split by markup and repeated ones included', async () => {
    const { document } = parseHTML(
      '<html><body><p>See <span data-euref="a">COM(2016) <b>731</b> final</span> and <span data-euref="b">Directive (EU) 2017/541</span>.</p>' +
        '<p>Again <span data-euref="a">COM(2016) 731 final</span>; Ελληνικά.</p></body></html>',
    );
    const marks = [...document.querySelectorAll('[data-euref]')];
    const texts = ['COM(2016) 731 final', 'Directive (EU) 2017/541', 'COM(2016) 731 final'];
    const positions = await positionsOf(marks.map((firstMark, i) => ({ firstMark, text: texts[i]! })), document.body);
    const text = document.body.textContent!;
    expect(positions.map((p) => p && text.slice(p.start, p.end))).toEqual(texts);
    expect(positions[0]!.start).toBeLessThan(positions[1]!.start);
    expect(positions[2]!.start).toBeGreaterThan(positions[1]!.end);
  });

  it('gives the page the main thread back on a long page, and places the mentions all the same', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} cites <span data-euref="x">COM(2016) 731 final</span>.</p>`);
    const { document } = parseHTML(`<html><body>${paragraphs.join('')}</body></html>`);
    const marks = [...document.querySelectorAll('[data-euref]')];
    let pauses = 0;
    const positions = await positionsOf(
      marks.map((firstMark) => ({ firstMark, text: 'COM(2016) 731 final' })),
      document.body,
      async () => {
        pauses++;
      },
      0,
    );
    const text = document.body.textContent!;
    expect(positions.every((p) => p !== null && text.slice(p.start, p.end) === 'COM(2016) 731 final')).toBe(true);
    expect(pauses).toBeGreaterThan(10);
  });
});
