import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../scripts/launch-browser';
import { servePages } from '../../scripts/launch-browser';
import { expect, openOptions, openServed, popover, test } from './fixtures';

/** The reference is marked once, and hovering it opens a popover with the document's status and title. */
async function expectStatusOnHover(page: Page, id: string, url: string): Promise<void> {
  const mark = page.locator(`[data-euref="${id}"]`);
  await expect(mark, url).toHaveCount(1);
  await mark.hover();
  const dialog = popover(page);
  await expect(dialog.locator('[data-stage]'), url).toBeVisible();
  await expect(dialog.locator('.title'), url).not.toHaveText('');
}

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

/** Sends a message to the background from an extension page, as the options page does. */
async function ask<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

async function extensionPage(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  return page;
}

const CITING = '<p>The ETIAS proposal, COM(2016) 731 final, became Regulation (EU) 2018/1240.</p>';

/**
 * Elements whose names are the extension API's: each becomes a named property of the page's
 * window, with the fields a careless check reads (`runtime`, `id`, `sendMessage`) nested inside.
 */
const CLOBBERING: Record<string, string> = {
  'form-browser': '<form name="browser"><input name="runtime" id="x"></form>',
  'form-chrome': '<form name="chrome"><input name="runtime" id="x"><input name="sendMessage"><input name="id" value="y"></form>',
  'img-chrome': '<img name="chrome" alt="" id="runtime">',
  'div-browser': '<div id="browser"><span id="runtime"></span></div>',
  'iframe-browser': `<iframe name="browser" srcdoc="<form name='runtime' id='x'><input name='sendMessage'><input name='id'></form>"></iframe>`,
  'iframe-chrome': '<iframe name="chrome"></iframe>',
  'embed-chrome': '<embed name="chrome" type="text/plain">',
  all: '',
};
CLOBBERING.all = Object.values(CLOBBERING).join('');

for (const [name, elements] of Object.entries(CLOBBERING)) {
  test(`a page with ${name === 'all' ? 'every one of those elements' : name} is still marked, and its popover shows the status`, async ({ ext }) => {
    const html = `<!doctype html><html><head><title>${name}</title></head><body>${elements}${CITING}</body></html>`;
    // Both ways a page gets Eurefs: the lookout and the scanner it brings in, and EUR-Lex's
    // document pages, where the scanner is a content script of its own.
    const urls = [`https://eur-lex.europa.eu/eurefs-clobber/${name}.html`, `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52016PC0731&clobber=${name}`];
    await servePages(ext.context, Object.fromEntries(urls.map((url) => [url, { body: html }])));
    for (const url of urls) {
      const page = await ext.context.newPage();
      await page.goto(url);
      // The window's named properties hold the page's elements under the API's names (the main
      // world's own `chrome` hides them there; an isolated world without one of its own sees them).
      const seen = await page.evaluate(() => {
        const named = Object.getPrototypeOf(Window.prototype) as Record<string, unknown>;
        return [String(named.browser), String(named.chrome)];
      });
      expect(seen.some((s) => s.startsWith('[object HTML') || s === '[object Window]'), `${url}: ${seen.join(', ')}`).toBe(true);
      await expectStatusOnHover(page, 'COM(2016) 731', url);
      if (name === 'all') await page.screenshot({ path: `${ARTIFACTS}/hostile-api-clobbered-${url.includes('legal-content') ? 'document' : 'page'}.png` });
      await page.close();
    }
  });
}

/**
 * Holds a read-write transaction on the dataset's metadata from an extension page, so every
 * lookup of the background waits behind it: a worker that is slow to answer. The page must be
 * one that has shown the dataset: opened any sooner, `indexedDB.open` could create an empty
 * database before the background has made its own, and the background's would then wait on it.
 */
async function holdDataset(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('eurefs');
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('the dataset is being upgraded'));
        open.onsuccess = () => {
          try {
            const store = open.result.transaction(['meta'], 'readwrite').objectStore('meta');
            const scope = globalThis as { eurefsRelease?: boolean };
            scope.eurefsRelease = false;
            // A transaction lives while it has requests: one after another until released.
            const spin = () => {
              if (!scope.eurefsRelease) store.get('bundled').onsuccess = spin;
            };
            spin();
            resolve();
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
      }),
  );
  return () => page.evaluate(() => void ((globalThis as { eurefsRelease?: boolean }).eurefsRelease = true));
}

async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

test('a lookup pending when the service worker stops fills the popover in once the worker is back, with no second hover', async ({ ext }) => {
  const page = await openServed(ext, 'https://eur-lex.europa.eu/eurefs-worker.html', `<!doctype html><title>Worker</title>${CITING}`);
  await expect(page.locator('html')).toHaveAttribute('data-eurefs-scanned', '2');
  const options = await openOptions(ext);
  const release = await holdDataset(options);

  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog.getByText('Looking it up…')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(dialog.getByText('Looking it up…')).toBeVisible();

  await stopServiceWorker(options);
  // Long enough for the answer that was on its way to be lost and for a second attempt to wake
  // the worker, whose lookup then waits behind the held transaction too.
  await page.waitForTimeout(1_000);
  await release();

  await expect(dialog.locator('[data-stage]')).toBeVisible();
  await expect(dialog.getByText('Looking it up…')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/hostile-api-worker-back.png` });
});

test("the page's batched lookup, pending when the service worker stops, still gives the marks their status", async ({ ext }) => {
  const options = await openOptions(ext);
  const release = await holdDataset(options);
  const url = 'https://eur-lex.europa.eu/eurefs-worker-summary.html';
  const page = await openServed(ext, url, `<!doctype html><title>Summary</title>${CITING}<p>The AI Act proposal, COM(2021) 206 final.</p>`);
  // Marked, and the lookup of stage and title on its way behind the held transaction.
  await page.waitForTimeout(500);
  await expect(page.locator('html')).not.toHaveAttribute('data-eurefs-scanned', /.*/);

  await stopServiceWorker(options);
  await page.waitForTimeout(1_000);
  await release();

  // The untracked document's mark says so once the dataset has answered.
  await expect(page.locator('[data-euref="COM(2021) 206"]')).toHaveAttribute('data-euref-untracked', '');
  await expect(page.locator('[data-euref="COM(2016) 731"]')).not.toHaveAttribute('data-euref-untracked', /.*/);
  await expect(page.locator('html')).toHaveAttribute('data-eurefs-scanned', '3');
});

test('a lookup that never answers ends in a plain error, and a real click on "Try again" asks again', async ({ ext }) => {
  test.setTimeout(90_000);
  const page = await openServed(ext, 'https://eur-lex.europa.eu/eurefs-hang.html', `<!doctype html><title>Hang</title>${CITING}`);
  await expect(page.locator('html')).toHaveAttribute('data-eurefs-scanned', '2');
  const options = await openOptions(ext);
  const release = await holdDataset(options);

  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await expect(dialog.getByText('Looking it up…')).toBeVisible();
  await expect(dialog.getByText('Eurefs could not reach its dataset.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Looking it up…')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/hostile-api-unreachable.png` });
  await release();

  // The page's own script clicks the button through the open shadow root: not the reader.
  await page.evaluate(() => {
    const button = document.querySelector('eurefs-popover')?.shadowRoot?.querySelector<HTMLButtonElement>('button.retry');
    if (!button) throw new Error('no Try again button');
    button.click();
  });
  await page.waitForTimeout(1_500);
  await expect(dialog.getByText('Eurefs could not reach its dataset.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.locator('[data-stage]')).toBeVisible();
  await expect(dialog.getByText('Eurefs could not reach its dataset.')).toHaveCount(0);
});

interface VisitList {
  total: number;
  visits: { url: string; title: string; references: { id: string; stage: string | null; count: number }[] }[];
}

const SPA_ONE = 'https://eur-lex.europa.eu/eurefs-spa/one.html';
const SPA_TWO = 'https://eur-lex.europa.eu/eurefs-spa/two.html';
const SPA_HTML = `<!doctype html><html><head><title>One: ETIAS</title></head><body>
<main><p>The ETIAS proposal, COM(2016) 731 final, and Directive (EU) 2017/541 on terrorism.</p></main>
<script>
  // The site's router: a new address, a new title, new content, and no page load.
  window.goTo = (path) => {
    history.pushState({}, '', path);
    setTimeout(() => {
      document.title = 'Two: interoperability';
      const p = document.createElement('p');
      p.textContent = 'Interoperability: COM(2017) 793 final, and the AI Act proposal COM(2021) 206 final.';
      document.querySelector('main').replaceChildren(p);
    }, 50);
  };
</script>
</body></html>`;

test('a single-page navigation with history.pushState is a visit of its own, with its address, title and references', async ({ ext }) => {
  const reader = await openServed(ext, SPA_ONE, SPA_HTML);
  const options = await extensionPage(ext);
  const visitList = () => ask<VisitList>(options, { type: 'history:list', query: '' });
  await expect.poll(async () => (await visitList()).total).toBe(1);

  await reader.evaluate((path) => (window as unknown as { goTo(path: string): void }).goTo(path), new URL(SPA_TWO).pathname);
  await expect(reader.locator('[data-euref="COM(2017) 793"]')).toHaveCount(1);
  await expect.poll(async () => (await visitList()).total).toBe(2);

  const { visits } = await visitList();
  const byUrl = new Map(visits.map((visit) => [visit.url, visit]));
  const one = byUrl.get(SPA_ONE);
  const two = byUrl.get(SPA_TWO);
  expect(one?.title).toBe('One: ETIAS');
  expect(one?.references.map((r) => r.id).sort()).toEqual(['32017L0541', 'COM(2016) 731']);
  expect(two?.title).toBe('Two: interoperability');
  expect(two?.references.map((r) => r.id).sort()).toEqual(['COM(2017) 793', 'COM(2021) 206']);
  // The status each had at that moment: the interoperability proposal is tracked, the AI Act not.
  expect(two?.references.find((r) => r.id === 'COM(2017) 793')?.stage).toEqual(expect.any(String));
  expect(two?.references.find((r) => r.id === 'COM(2021) 206')?.stage).toBeNull();

  // The same address again (replaceState) and a jump to an anchor are no new visits.
  await reader.evaluate(() => {
    history.replaceState({}, '', location.href);
    location.hash = 'top';
  });
  await reader.waitForTimeout(2_000);
  expect((await visitList()).total).toBe(2);
});

test('a page that forges WXT\'s "newer content script started" event is still marked as it changes, and its popover still opens', async ({ ext }) => {
  // Both ways a page gets Eurefs, each under its content script's name.
  const pages = [
    { url: 'https://eur-lex.europa.eu/eurefs-forged-restart.html', script: 'content' },
    { url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52016PC0731&forged=restart', script: 'document-scanner' },
  ];
  const html = `<!doctype html><html><head><title>Forged restart</title></head><body><main>${CITING}</main></body></html>`;
  for (const { url, script } of pages) {
    const page = await openServed(ext, url, html);
    // The page's own script: WXT names the event after the extension's public id and the script.
    await page.evaluate(
      ([extensionId, contentScriptName]) => {
        document.dispatchEvent(
          new CustomEvent(`${extensionId}:${contentScriptName}:wxt:content-script-started`, { detail: { contentScriptName, messageId: 'x' } }),
        );
      },
      [ext.extensionId, script] as const,
    );
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Added later: the interoperability proposal, COM(2017) 793 final.';
      document.querySelector('main')!.append(p);
    });
    await expectStatusOnHover(page, 'COM(2017) 793', url);
    await page.screenshot({ path: `${ARTIFACTS}/hostile-api-forged-restart-${script}.png` });
    await page.close();
  }
});
