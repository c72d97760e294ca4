import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { findUnmarked } from '../../../../in-page/scanner/scan';

beforeAll(() => {
  // The walk names node types through the DOM's global `Node`, as in a page.
  (globalThis as { Node?: unknown }).Node ??= parseHTML('<html></html>').Node;
});

describe('findUnmarked', () => {
  it('finds the references under a root without touching the page, and leaves out those already marked', async () => {
    const { document } = parseHTML(
      '<html><body><div id="part"><p>Guarded text citing COM(2017) 793 final and <b>Directive (EU) 2017/541</b>.</p>' +
        '<p>Marked before: <span data-euref="COM(2016) 731">COM(2016) 731 final</span>.</p><textarea>COM(2018) 225 final</textarea></div></body></html>',
    );
    const part = document.getElementById('part')!;
    const html = part.innerHTML;
    const found = await findUnmarked(part, 'eurefs-popover', new AbortController().signal);
    expect(found.map((reference) => reference.id)).toEqual(['COM(2017) 793', '32017L0541']);
    expect(part.innerHTML).toBe(html);
  });
});
