/**
 * npm run demo: opens Chromium with the built extension on the demo page that ships with it,
 * served at a EUR-Lex address so the content script runs exactly as on EUR-Lex. Works offline.
 * With no display (a server, CI), it runs headless, hovers a reference and saves a screenshot.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, servePages } from './launch-browser';

const DEMO_URL = 'https://eur-lex.europa.eu/eurefs-demo.html';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const { context } = await launchWithExtension({ headless });
await servePages(context, { [DEMO_URL]: { body: readFileSync(join(EXTENSION_DIR, 'demo.html'), 'utf8') } });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);
await page.locator('[data-euref]').first().waitFor();
const marked = await page.locator('[data-euref]').count();
console.log(`Eurefs demo at ${DEMO_URL}: ${marked} references marked.`);

if (headless) {
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  await page.locator('eurefs-popover [role="dialog"]').waitFor();
  const file = resolve('demo-screenshot.png');
  await page.screenshot({ path: file });
  console.log(`No display here, so the demo ran headless: the popover is in ${file}`);
  await context.close();
} else {
  console.log('Hover or tab to an underlined reference. Close the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}
