/**
 * The Notes frame in Firefox: an extension page (moz-extension://, a per-install address) inside
 * the popover, which the page it sits in cannot read. BiDi exposes no extension frames to a test,
 * so what is inside it is tested in Chromium (tests/e2e/private-notes.spec.ts); here the page's
 * view of it, which is what differs between the browsers.
 */
import { mkdirSync } from 'node:fs';
import { DEMO_URL, demoHtml, expect, openServed, popover, test, until } from './fixtures';

mkdirSync('tests/artifacts', { recursive: true });

test('the Notes frame opens from the popover and the page cannot read into it', async ({ firefox }) => {
  const page = await openServed(firefox, DEMO_URL, demoHtml());
  await (await page.$('[data-euref="COM(2016) 731"]'))!.hover();
  const dialog = await popover(page);
  const buttons = await dialog.$$('button');
  const names = await Promise.all(buttons.map((b) => b.evaluate((el) => el.textContent)));
  expect(names).toContain('Notes');
  await buttons[names.indexOf('Notes')]!.click();
  await until(page, () => Boolean(document.querySelector('eurefs-popover')?.shadowRoot?.querySelector('iframe')));

  const seen = await page.evaluate(() => {
    const frame = document.querySelector('eurefs-popover')!.shadowRoot!.querySelector('iframe')!;
    let body: string;
    try {
      body = String(frame.contentWindow?.document.body.textContent);
    } catch (error) {
      body = `blocked: ${(error as Error).name}`;
    }
    return { protocol: new URL(frame.src).protocol, contentDocument: frame.contentDocument, body, height: frame.getBoundingClientRect().height };
  });
  expect(seen.protocol).toBe('moz-extension:');
  expect(seen.contentDocument).toBeNull();
  expect(seen.body).toMatch(/^blocked: SecurityError/);
  // A fixed height, so the size of the frame tells the page nothing about the notes in it.
  expect(seen.height).toBe(300);
  await page.screenshot({ path: 'tests/artifacts/firefox-notes-frame.png' });
});
