import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { quoteOf } from '../../../entrypoints/content/quote';

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
