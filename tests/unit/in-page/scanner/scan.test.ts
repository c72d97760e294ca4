import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../../in-page/scanner/scan';
import { installPageDom } from './page-dom';

const page = () =>
  parseHTML('<html><body><p>The proposal COM(2017) 793 final amends Directive (EU) 2017/541.</p><p>Nothing here.</p></body></html>');

beforeAll(installPageDom);

describe('scan waits for the settings before it marks', () => {
  it('finds while the settings are on their way, and marks once they allow it', async () => {
    const { document } = page();
    const before = document.body.textContent;
    let allow!: (yes: boolean) => void;
    const mayMark = new Promise<boolean>((resolve) => (allow = resolve));
    const scanning = scan(document.body, { ownHost: 'eurefs-popover', signal: new AbortController().signal, mayMark });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelectorAll('[data-euref]')).toHaveLength(0);
    allow(true);
    const found = await scanning;
    expect(found.map((o) => o.reference.id)).toEqual(['COM(2017) 793', '32017L0541']);
    expect([...document.querySelectorAll('[data-euref]')].map((m) => m.getAttribute('data-euref'))).toEqual(['COM(2017) 793', '32017L0541']);
    expect(document.body.textContent).toBe(before);
  });

  it('leaves the page untouched on a site the reader switched off', async () => {
    const { document } = page();
    const html = document.body.innerHTML;
    const found = await scan(document.body, { ownHost: 'eurefs-popover', signal: new AbortController().signal, mayMark: Promise.resolve(false) });
    expect(found).toEqual([]);
    expect(document.body.innerHTML).toBe(html);
  });
});
