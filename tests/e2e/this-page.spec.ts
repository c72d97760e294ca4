import { readFileSync } from 'node:fs';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../scripts/shared-dir';
import { activeTabId, expect, openList, openServed, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';

test('the list of the real EUR-Lex page of Regulation (EU) 2017/2403 starts with "This page", and EUR-Lex\'s own word that it is in force', async ({ ext }) => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES);
  const html = readFileSync(`${FIXTURES_DIR}/32017R2403-EN-ALL-portal-2018.html`, 'utf8');
  await openServed(ext, 'https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:32017R2403', html);
  const list = await openList(ext, await activeTabId(ext));
  const thisPage = list.getByRole('region', { name: 'This page' });
  await expect(thisPage).toContainText('This page: Regulation (EU) 2017/2403');
  await expect(thisPage.locator('[data-this-page="dataset"]')).toHaveText('Not in the dataset.');
  await expect(thisPage.locator('[data-this-page="eur-lex"]')).toHaveText(
    "EUR-Lex says: In force; document of 12 Dec 2017 (this page's own ELI metadata, eli:in_force)",
  );
  // it comes first, before the references the page makes
  expect(await list.locator('main > :is(section, p)').first().getAttribute('aria-label')).toBe('This page');
  await list.screenshot({ path: `${ARTIFACTS}/this-page-2403.png`, fullPage: true });
});

test('a page the dataset tracks: its status from the dataset, the page\'s own "not in force" as the page\'s word, and the visit records which document it was', async ({ ext }) => {
  const url = 'https://eur-lex.europa.eu/eli/reg/2018/1240/oj';
  const eli = 'http://data.europa.eu/eli/reg/2018/1240/oj';
  await openServed(
    ext,
    url,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Regulation (EU) 2018/1240 - EUR-Lex</title>
      <meta about="${eli}" typeof="eli:LegalResource"/>
      <meta about="${eli}" property="eli:id_local" content="32018R1240" lang=""/>
      <meta about="${eli}" property="eli:in_force" resource="http://data.europa.eu/eli/ontology#InForce-notInForce"/>
      </head><body><h1>Regulation (EU) 2018/1240 establishing ETIAS</h1>
      <p>The Commission proposed it in COM(2016) 731 final.</p></body></html>`,
  );
  const tabId = await activeTabId(ext);
  const list = await openList(ext, tabId);
  const thisPage = list.getByRole('region', { name: 'This page' });
  await expect(thisPage).toContainText('This page: Regulation (EU) 2018/1240');
  await expect(thisPage).toContainText('European Travel Information and Authorisation System');
  await expect(thisPage.locator('[data-this-page="dataset"]')).toHaveText(/^Status in the dataset: \w/);
  await expect(thisPage.locator('[data-this-page="eur-lex"]')).toHaveText(/^EUR-Lex says: Not in force \(this page's own ELI metadata/);
  await list.screenshot({ path: `${ARTIFACTS}/this-page-1240.png`, fullPage: true });

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const visits = async () =>
    ((await options.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'history:list', query: '' }),
    )) as { visits: { url: string; documentId?: string }[] }).visits;
  await expect.poll(async () => (await visits()).map((v) => [v.url, v.documentId])).toEqual([[url, '32018R1240']]);
});

test('a page that is no document has no "This page" line', async ({ ext }) => {
  await openServed(
    ext,
    'https://eur-lex.europa.eu/search.html?text=ETIAS',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><p>COM(2016) 731 final</p></body></html>',
  );
  const list = await openList(ext, await activeTabId(ext));
  await expect(list.getByText('1 document, 1 mention')).toBeVisible();
  await expect(list.getByRole('region', { name: 'This page' })).toHaveCount(0);
});
