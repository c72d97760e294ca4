/**
 * What a reader does in Firefox, on the pages the Chromium suite uses: marks, the popover on
 * hover and on keyboard focus, Escape, content that arrives later, a strict-CSP page and a real
 * EUR-Lex document in quirks mode.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../scripts/shared-dir';
import { DEMO_URL, count, demoHtml, expect, openServed, popover, popoverText, test, textOf, until } from './fixtures';
import { appendResultsLater } from '../e2e/page-scripts';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

test('marks references on a EUR-Lex page without changing its text', async ({ firefox }) => {
  const html = demoHtml();
  const page = await openServed(firefox, DEMO_URL, html);
  expect(await textOf(page, '[data-euref="COM(2016) 731"]')).toBe('COM(2016) 731 final');
  expect(await textOf(page, '[data-euref="32018R1240"]')).toBe('Regulation (EU) 2018/1240');
  expect(await textOf(page, '[data-euref="C(2018) 1177"]')).toBe('C(2018) 1177 final');
  expect(await textOf(page, '[data-euref="32002F0475"]')).toContain('Framework Decision 2002/475/JHA');
  const [seen, original] = await page.evaluate((source) => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('eurefs-popover').forEach((host) => host.remove());
    return [clone.textContent, new DOMParser().parseFromString(source, 'text/html').body.textContent];
  }, html);
  expect(seen).toBe(original);
});

test('a reference split by markup is one mark; forms and editable text are left alone', async ({ firefox }) => {
  const page = await openServed(firefox, DEMO_URL, demoHtml());
  expect(await count(page, '#split [data-euref="COM(2018) 640"]')).toBe(1);
  expect(await textOf(page, '#split [data-euref="COM(2018) 640"]')).toBe('COM(2018) 640 final');
  expect(await textOf(page, '#split [data-euref="COM(2018) 640"] b')).toBe('640');
  expect(await page.$eval('#notes', (el) => (el as HTMLTextAreaElement).value)).toBe('Compare COM(2017) 793 final with COM(2017) 794 final.');
  expect(await count(page, '#editable [data-euref]')).toBe(0);
  await page.click('#editable');
  await page.keyboard.type(' And COM(2018) 225 final.');
  await new Promise((r) => setTimeout(r, 600));
  expect(await count(page, '#editable [data-euref]')).toBe(0);
});

test('hovering a tracked reference shows its title, status and timeline', async ({ firefox }) => {
  const page = await openServed(firefox, DEMO_URL, demoHtml());
  await (await page.$('[data-euref="COM(2016) 731"]'))!.hover();
  const dialog = await popover(page);
  const text = (await dialog.evaluate((el) => el.textContent)) ?? '';
  expect(text).toContain('European Travel Information and Authorisation System');
  expect(await dialog.$eval('[data-stage]', (el) => el.textContent?.trim())).toMatch(/\w/);
  expect(text).toMatch(/Timeline \(\d+ events?\)/);
  const eurlex = await dialog.$$eval('a', (links) => links.filter((a) => a.textContent === 'Open in EUR-Lex').map((a) => a.getAttribute('href')));
  expect(eurlex[0]).toMatch(/^https:\/\/eur-lex\.europa\.eu\//);
  await page.screenshot({ path: `${ARTIFACTS}/firefox-popover.png` });
  // One popover at a time.
  await (await page.$('[data-euref="32017L0541"]'))!.hover();
  await until(page, () => /terrorism/i.test(document.querySelector('eurefs-popover')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? ''));
  expect(await count(page, 'eurefs-popover')).toBe(1);
});

test('keyboard focus on a link to a document opens its popover, Tab goes into it, and Escape closes it', async ({ firefox }) => {
  // Marks are out of the Tab order unless the reader asks (the options page, which BiDi cannot
  // open); a link whose address names a document is its own mark and keeps its place in it.
  const html = `<!doctype html><html lang="en"><body><p><a href="#top">Top</a></p>
    <p>See <a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32018R1240">the ETIAS Regulation</a> and COM(2016) 731 final.</p>
    <p><a href="#end">End</a></p></body></html>`;
  const page = await openServed(firefox, 'https://eur-lex.europa.eu/eurefs-keyboard.html', html);
  let focused: string | null = null;
  const stops: string[] = [];
  for (let i = 0; i < 10 && !focused; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => ({ id: document.activeElement?.getAttribute('data-euref') ?? null, text: document.activeElement?.textContent ?? '' }));
    stops.push(at.text);
    focused = at.id;
  }
  // The text reference is no Tab stop: the link is the first after "Top".
  expect(stops).toEqual(['Top', 'the ETIAS Regulation']);
  expect(focused).toBe('32018R1240');
  const dialog = await popover(page);
  expect(await dialog.evaluate((el) => el.textContent)).toContain('2018/1240');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.querySelector('eurefs-popover')?.shadowRoot?.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('eurefs-popover')?.shadowRoot?.querySelector('[role="dialog"]'));
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-euref'))).toBe('32018R1240');
});

test('a reference the dataset does not track says so and links to EUR-Lex', async ({ firefox }) => {
  const page = await openServed(firefox, DEMO_URL, demoHtml());
  await (await page.$('[data-euref="COM(2021) 206"]'))!.hover();
  const dialog = await popover(page);
  expect(await dialog.evaluate((el) => el.textContent)).toContain('Not in the Eurefs dataset');
  const hrefs = await dialog.$$eval('a', (links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2021:206:FIN');
});

test('references added after load are marked as they arrive and open their popover', async ({ firefox }) => {
  const page = await openServed(firefox, DEMO_URL, demoHtml());
  await page.evaluate(appendResultsLater);
  await page.waitForSelector('#results [data-euref="COM(2018) 225"]', { timeout: 10_000 });
  expect(await textOf(page, '#results [data-euref="COM(2018) 225"]')).toBe('COM(2018) 225 final');
  expect(await count(page, '#results [data-euref="32017L0853"]')).toBe(1);
  await (await page.$('#results [data-euref="COM(2018) 225"]'))!.hover();
  await popover(page);
  expect(await popoverText(page)).toMatch(/electronic evidence|e-evidence|production/i);
});

test('a page with a strict Content-Security-Policy still gets marks and a styled popover', async ({ firefox }) => {
  const page = await openServed(firefox, 'https://eur-lex.europa.eu/strict.html', demoHtml(), {
    'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'",
  });
  await (await page.$('[data-euref="COM(2016) 731"]'))!.hover();
  const dialog = await popover(page);
  const style = await dialog.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { radius: cs.borderTopLeftRadius, background: cs.backgroundColor, position: getComputedStyle(el.parentElement!).position };
  });
  expect(style).toEqual({ radius: '8px', background: 'rgb(255, 255, 255)', position: 'fixed' });
  expect(await page.$eval('[data-euref="COM(2016) 731"]', (el) => getComputedStyle(el).textDecorationStyle)).toBe('dotted');
  await page.screenshot({ path: `${ARTIFACTS}/firefox-strict-csp.png` });
});

test('the first hover opens the popover on a real EUR-Lex document in quirks mode', async ({ firefox }) => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES);
  const html = readFileSync(`${FIXTURES_DIR}/52021PC0206-EN-proposal-body.html`, 'utf8');
  const page = await openServed(firefox, 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52021PC0206', html);
  expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
  const mark = (await page.$('[data-euref="COM(2021) 206"]'))!;
  await mark.scrollIntoView();
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await popover(page);
  expect(await popoverText(page)).toContain('COM(2021) 206');
  await page.screenshot({ path: `${ARTIFACTS}/firefox-eurlex-quirks.png` });
});
