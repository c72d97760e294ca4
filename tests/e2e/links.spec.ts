import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../scripts/shared-dir';
import { activeTabId, expect, openList, openServed, popover, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
const SEARCH_URL = 'https://eur-lex.europa.eu/search.html?scope=EURLEX&text=ETIAS&lang=en&type=quick&qid=1700000000000';

/** One result as EUR-Lex's search lists it: the title links the document, the details name it. */
function result(n: number, celex: string, title: string, extra = ''): string {
  return `<div class="SearchResult"><h2><a class="title" id="cellar_${n}" href="./legal-content/AUTO/?uri=CELEX:${celex}&amp;qid=1700000000000&amp;rid=${n}">${title}</a></h2>
    <div class="row"><dl><dt>CELEX number:</dt><dd>${celex}</dd><dt>Form:</dt><dd>Document</dd></dl>
    <ul class="SearchResultLinks"><li><a href="./legal-content/EN/TXT/HTML/?uri=CELEX:${celex}&amp;qid=1700000000000&amp;rid=${n}">HTML</a></li>${extra}</ul></div></div>`;
}

/** A EUR-Lex search page for "ETIAS", as the fixtures' portal chrome and result lists look; more results arrive later. */
function searchPage(late: boolean): string {
  const first = [
    result(1, '32018R1240', 'Regulation (EU) 2018/1240 of the European Parliament and of the Council of 12 September 2018 establishing a European Travel Information and Authorisation System (ETIAS)',
      '<li><a href="/eli/reg/2018/1240/oj">ELI</a></li>'),
    result(2, '52016PC0731', 'Establishing a European Travel Information and Authorisation System (ETIAS)',
      '<li><a href="./legal-content/EN/TXT/?uri=COM:2016:731:FIN">Proposal for a legislative act</a></li>'),
    `<div class="SearchResult"><h2><a class="title" href="./legal-content/EN/AUTO/?uri=CELEX:32018R1240&amp;qid=2">Establishing a European Travel Information and Authorisation System (ETIAS)</a></h2></div>`,
  ].join('');
  const later = [
    result(4, '52017PC0793', 'Proposal for a Regulation on establishing a framework for interoperability between EU information systems (borders and visa)'),
    result(5, '32016L0680', 'Protection of natural persons with regard to the processing of personal data by competent authorities'),
  ].join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search results - EUR-Lex</title></head><body>
    <header><a href="./homepage.html">EUR-Lex</a> <a href="./search.html?type=advanced&amp;LP_LEGAL_BASIS=32018R1240&amp;lbStatus=CELEX">Legal basis</a></header>
    <main><h1>Search results</h1><p class="resultNumber">Results 1-5 of 5</p><div id="results">${first}</div></main>
    ${late ? `<script>setTimeout(() => document.getElementById('results').insertAdjacentHTML('beforeend', ${JSON.stringify(later)}), 1500);</script>` : ''}
    </body></html>`;
}

/** What a reader sees marked: each mark's document and text, the links marked as a whole apart. */
const marked = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-euref]:not([data-euref-part])')].map((mark) => ({
      id: mark.dataset.euref!,
      text: (mark.textContent ?? '').replace(/\s+/g, ' ').trim(),
      link: mark.hasAttribute('data-euref-link'),
    })),
  );

test('a search page: result titles, "Proposal for a legislative act" and "ELI" are marked as the documents they link to', async ({ ext }) => {
  const page = await openServed(ext, SEARCH_URL, searchPage(false));
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
  const marks = await marked(page);
  expect(marks.filter((m) => m.link)).toEqual([
    { id: '32018R1240', text: 'HTML', link: true },
    { id: '32018R1240', text: 'ELI', link: true },
    { id: 'COM(2016) 731', text: 'Establishing a European Travel Information and Authorisation System (ETIAS)', link: true },
    { id: 'COM(2016) 731', text: 'HTML', link: true },
    { id: 'COM(2016) 731', text: 'Proposal for a legislative act', link: true },
    { id: '32018R1240', text: 'Establishing a European Travel Information and Authorisation System (ETIAS)', link: true },
  ]);
  console.log(`search page: ${marks.length} marks, ${marks.filter((m) => m.link).length} of them links`);
  // the title that names its act in words keeps its text mark, and is not marked twice
  const title = page.locator('#cellar_1');
  await expect(title).not.toHaveAttribute('data-euref');
  await expect(title.locator('[data-euref]')).toHaveText('Regulation (EU) 2018/1240');
  // a link that carries a CELEX number but leads to a search is no reference
  await expect(page.getByRole('link', { name: 'Legal basis' })).not.toHaveAttribute('data-euref');

  // the reader hovers a result title: the popover says what it is and where it stands
  const resultTitle = page.locator('a[data-euref="COM(2016) 731"]').first();
  await resultTitle.hover();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('COM(2016) 731');
  await expect(dialog.locator('[data-stage]')).toHaveText(/\w/);
  await page.screenshot({ path: `${ARTIFACTS}/links-search-popover.png` });
  // the link is still the page's: it takes focus as before, and Tab does not stop inside it
  await expect(resultTitle).toHaveAttribute('href', './legal-content/AUTO/?uri=CELEX:52016PC0731&qid=1700000000000&rid=2');
  expect(await resultTitle.locator('[tabindex]').count()).toBe(0);
});

test('the list and the reading history count the results a search page loads later alike', async ({ ext }) => {
  const page = await openServed(ext, SEARCH_URL, searchPage(true));
  await expect(page.locator('[data-euref="COM(2017) 793"]').first()).toBeAttached({ timeout: 10_000 });
  const tabId = await activeTabId(ext);
  const marks = (await marked(page)).length;
  const list = await openList(ext, tabId);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const documents = Number((await list.locator('.summary').textContent())?.match(/^(\d+) documents?/)?.[1]);
  type Visit = { documentId?: string; references: { id: string; count: number; occurrences?: unknown[] }[] };
  const visit = async () =>
    ((await options.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'history:list', query: '' }),
    )) as { visits: Visit[] }).visits[0];
  await expect.poll(async () => (await visit())?.references.length, { timeout: 10_000 }).toBe(documents);
  const recorded = (await visit())!;
  const mentions = recorded.references.reduce((sum, r) => sum + r.count, 0);
  const positions = recorded.references.reduce((sum, r) => sum + (r.occurrences?.length ?? 0), 0);
  console.log(`late search page: ${marks} marks, list ${documents} documents, history ${recorded.references.length} documents, ${mentions} mentions, ${positions} positions`);
  expect(mentions).toBe(marks);
  expect(positions).toBe(marks);
  expect(recorded.references.map((r) => r.id)).toEqual(expect.arrayContaining(['COM(2017) 793', '32016L0680']));
});

test('German prose linking to the GDPR, on a page whose text holds no reference, is marked', async ({ ext }) => {
  const url = 'https://commission.europa.eu/law/law-topic/data-protection_de';
  const page = await openServed(
    ext,
    url,
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Datenschutz</title></head><body><main><h1>Datenschutz in der EU</h1>' +
      '<p>Die <a href="https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679">Datenschutz-Grundverordnung</a> gilt seit Mai 2018.</p></main></body></html>',
  );
  await expect(page.getByRole('link', { name: 'Datenschutz-Grundverordnung' })).toHaveAttribute('data-euref', '32016R0679');
  await page.getByRole('link', { name: 'Datenschutz-Grundverordnung' }).focus();
  await expect(popover(page)).toContainText('Regulation (EU) 2016/679');
  await page.screenshot({ path: `${ARTIFACTS}/links-gdpr-de.png` });
});

test('the consolidated UCITS Directive: the amendment markers are marked as the acts they link to, the base act\'s not', async ({ ext }) => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES);
  const html = readFileSync(`${FIXTURES_DIR}/02009L0065-EN-consolidated-body.html`, 'utf8');
  const page = await openServed(ext, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02009L0065-20130620', html);
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
  const links = (await marked(page)).filter((m) => m.link);
  console.log(`02009L0065: ${links.length} links marked: ${links.map((l) => `${l.text}→${l.id}`).join(', ')}`);
  expect(links).toContainEqual({ id: '32010L0078', text: '►M1', link: true });
  expect(links.map((l) => l.id)).not.toContain('32009L0065');
  await page.locator('a[data-euref="32010L0078"]').first().hover();
  await expect(popover(page)).toContainText('Directive 2010/78');
  await page.screenshot({ path: `${ARTIFACTS}/links-consolidated-m1.png` });
});
