/**
 * A reader's notes are theirs alone. Each test acts as a hostile page would: its own script (a
 * <script> in the served HTML, or `page.evaluate`, which runs in the page's main world) does
 * whatever it can with the marks and the popover's open shadow root. The reader's side is
 * Playwright's real mouse and keyboard, and `frameLocator`, which reaches into the Notes frame as
 * a reader's eyes do and a page's script cannot.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Frame, Page } from '@playwright/test';
import { servePages, type ExtensionBrowser } from '../../scripts/launch-browser';
import { expect, popover, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

/** Where the reader keeps a reading list, and what they noted there: nothing a page may learn. */
const READING_URL = 'https://eur-lex.europa.eu/reading/private-list.html';
const READING_TITLE = 'Reading list: questions for the data protection officer';
const NOTE_TEXT = 'Ask the DPO whether ETIAS keeps the screening rules — Ω Ж';
const NOTE_TAG = 'dpo-followup';
const SECRETS = [NOTE_TEXT, NOTE_TAG, READING_TITLE, READING_URL, '/reading/private-list'];

/** A page on a europa.eu site (Eurefs runs there without asking) whose own script is hostile. */
const HOSTILE_URL = 'https://home-affairs.ec.europa.eu/news/etias-explained.html';

const readingHtml = `<!doctype html><html lang="en"><head><title>${READING_TITLE}</title></head><body>
<h1>To read</h1>
<p>The ETIAS proposal, COM(2016) 731 final, and what became of it: Regulation (EU) 2018/1240.</p>
</body></html>`;

/**
 * The hostile page. From its first line it listens to every message posted to its window (the
 * Notes frame posts there) and, with `strike()`, throws every synthetic event it can at the marks.
 */
function hostileHtml({ invisible = false }: { invisible?: boolean } = {}): string {
  return `<!doctype html><html lang="en"><head><title>ETIAS explained</title>
${invisible ? '<style>eurefs-popover { opacity: 0 }</style>' : ''}
<script>
  window.__messages = [];
  window.addEventListener('message', (event) => {
    window.__messages.push({ origin: event.origin, data: JSON.stringify(event.data) });
  });
  window.__strikes = 0;
  window.strike = () => {
    for (const mark of document.querySelectorAll('[data-euref]')) {
      for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove']) {
        mark.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      }
      mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      mark.dispatchEvent(new FocusEvent('focus'));
      mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      mark.click();
    }
    window.__strikes++;
  };
</script></head><body>
<h1>ETIAS explained</h1>
<p>The ETIAS proposal, COM(2016) 731 final, became Regulation (EU) 2018/1240.</p>
<p>See also Directive (EU) 2017/541 on combating terrorism.</p>
</body></html>`;
}

async function serve(ext: ExtensionBrowser, pages: Record<string, string>): Promise<void> {
  await servePages(ext.context, Object.fromEntries(Object.entries(pages).map(([url, body]) => [url, { body }])));
}

async function openMarked(ext: ExtensionBrowser, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.eurefsScanned !== undefined);
  return page;
}

/** An extension page, from which the reader's own messages to the background go, as the options page's do. */
async function readerPage(ext: ExtensionBrowser): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  return options;
}

async function ask<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

interface StoredNote { id: string; text: string; tags: string[]; documentId: string; page: { url: string; title: string } }
const allNotes = async (reader: Page) => (await ask<{ total: number; notes: StoredNote[] }>(reader, { type: 'notes:search', query: '' })).notes;

const notesFrame = (page: Page) => page.frameLocator('eurefs-popover iframe.notes-frame');

/** The Notes frame as a Playwright frame: the reader's view of what has focus inside it. */
async function frameOf(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/notes-frame.html'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/notes-frame.html'))!;
}

/** What the reader's focus is on in the frame: a button's text, a field's label. */
function focusedIn(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = (el as HTMLTextAreaElement).labels?.[0]?.textContent;
    return (labelled ?? el.textContent ?? el.tagName).trim();
  });
}

/** What the reader's focus is on in the popover's shadow root (or the page). */
function focusedOnPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const inner = document.querySelector('eurefs-popover')?.shadowRoot?.activeElement;
    if (inner) return `popover:${inner.tagName.toLowerCase()}:${(inner.textContent ?? '').trim()}`;
    const el = document.activeElement;
    return el?.getAttribute('data-euref') ? `mark:${el.getAttribute('data-euref')}` : `page:${el?.tagName.toLowerCase() ?? ''}`;
  });
}

/** The reader's setting that puts references in the Tab order (off by default: the shortcuts reach them). */
async function marksInTabOrder(ext: ExtensionBrowser): Promise<void> {
  await ext.serviceWorker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
    const stored = (await storage.get('eurefs:settings'))['eurefs:settings'] ?? {};
    await storage.set({ 'eurefs:settings': { ...stored, marksInTabOrder: true } });
  });
}

async function pressTabUntil(page: Page, reached: () => Promise<boolean>, { shift = false, max = 25 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await reached()) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  expect(await reached(), 'focus never got there with Tab').toBe(true);
}

/** The reader writes a note on COM(2016) 731 on their reading list, in the Notes frame. */
async function writeNoteAsReader(ext: ExtensionBrowser): Promise<void> {
  const reading = await openMarked(ext, READING_URL);
  await reading.locator('[data-euref="COM(2016) 731"]').hover();
  await popover(reading).getByRole('button', { name: 'Notes' }).click();
  const notes = notesFrame(reading);
  await notes.getByLabel('New note').fill(NOTE_TEXT);
  await notes.getByLabel('Tags (comma-separated)').fill(NOTE_TAG);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.locator('.eurefs-note-text')).toHaveText(NOTE_TEXT);
  await reading.close();
}

/**
 * What the page's script sees of the popover without touching anything: the shadow root's
 * markup and text, and the size of the popover and of the Notes frame in it.
 */
function publicView(): string {
  const root = document.querySelector('eurefs-popover')?.shadowRoot;
  if (!root) return 'no popover';
  const frame = root.querySelector('iframe');
  const rect = (el: Element | null) => {
    const r = el?.getBoundingClientRect();
    return r ? [r.x, r.y, r.width, r.height] : null;
  };
  return JSON.stringify({ html: root.innerHTML, text: root.textContent, frame: rect(frame), dialog: rect(root.querySelector('[role="dialog"]')) });
}

/**
 * Everything a hostile script can try on the popover: click (synthetically) every control in the
 * shadow root, open every <details>, then read all it can reach — the shadow root's markup, text
 * and attributes, every frame's document (directly, through its window, by loading its address
 * in a frame of its own, by fetching it), every message posted to the page's window, its own
 * DOM. Returns all of it as one string, to be searched for the reader's secrets.
 */
async function hostileSweep(): Promise<string> {
  const loot: string[] = [];
  const keep = (label: string, value: unknown) => loot.push(`${label}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const attempt = async (label: string, read: () => unknown) => {
    try {
      keep(label, await read());
    } catch (error) {
      keep(`${label} (refused)`, String(error));
    }
  };
  const deep = (root: ParentNode): Element[] =>
    [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
  const root = document.querySelector('eurefs-popover')?.shadowRoot;
  for (let round = 0; round < 2 && root; round++) {
    for (const el of deep(root)) {
      if (el instanceof HTMLDetailsElement) el.open = true;
      if (!(el instanceof HTMLElement) || !el.matches('button, summary, a, [role="button"], [aria-expanded], [tabindex]')) continue;
      el.click();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    }
    await new Promise((resolve) => setTimeout(resolve, 800));
  }
  if (root) {
    keep('shadow html', root.innerHTML);
    keep('shadow text', root.textContent);
    for (const el of deep(root)) {
      for (const { name, value } of el.attributes) keep(`attr ${el.tagName} ${name}`, value);
      if (el instanceof HTMLElement) keep(`innerText ${el.tagName}`, el.innerText);
    }
  }
  const frames = [...document.querySelectorAll('iframe'), ...(root ? root.querySelectorAll('iframe') : [])];
  keep('frames', frames.length);
  for (const frame of frames) {
    keep('frame src', frame.src);
    await attempt('contentDocument', () => frame.contentDocument?.documentElement.outerHTML ?? null);
    await attempt('contentWindow.document', () => (frame.contentWindow as unknown as { document: Document }).document.documentElement.outerHTML);
    await attempt('contentWindow.location', () => frame.contentWindow?.location.href);
    await attempt('contentWindow.name', () => frame.contentWindow?.name);
    await attempt('contentWindow.length', () => frame.contentWindow?.length);
    await attempt('fetch', async () => (await fetch(frame.src)).text());
    // The same address in a frame of the page's own, where it might read what loads.
    await attempt('own frame', async () => {
      const own = document.createElement('iframe');
      own.src = frame.src;
      document.body.append(own);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      try {
        return own.contentDocument?.documentElement.outerHTML ?? (own.contentWindow as unknown as { document: Document }).document.body.outerHTML;
      } finally {
        own.remove();
      }
    });
  }
  keep('messages', (window as unknown as { __messages?: unknown[] }).__messages ?? []);
  keep('resources', performance.getEntriesByType('resource').map((entry) => entry.name));
  keep('page', document.documentElement.outerHTML);
  keep('chrome.runtime', typeof (window as unknown as { chrome?: { runtime?: unknown } }).chrome?.runtime);
  return loot.join('\n');
}

test('a page\'s synthetic events on a mark open no popover and load none; the reader\'s hover and Tab still do', async ({ ext }) => {
  await serve(ext, { [HOSTILE_URL]: hostileHtml() });
  const page = await openMarked(ext, HOSTILE_URL);
  await page.evaluate(() => (window as unknown as { strike(): void }).strike());
  // Longer than the hover delay and the loading of the popover's script put together.
  await page.waitForTimeout(1200);
  await page.evaluate(() => (window as unknown as { strike(): void }).strike());
  await page.waitForTimeout(800);
  // No popover, and no popover script: it mounts its host the moment it is loaded.
  await expect(page.locator('eurefs-popover')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __strikes: number }).__strikes)).toBe(2);

  await page.locator('[data-euref="COM(2016) 731"]').hover();
  await expect(popover(page)).toContainText('European Travel Information and Authorisation System');
  // Nor can the page close it on the reader with a synthetic Escape.
  await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  await page.waitForTimeout(400);
  await expect(popover(page)).toBeVisible();
  await page.mouse.move(2, 2);
  await expect(popover(page)).toHaveCount(0);
  // Once the popover's script is in, its own listeners do not take synthetic events either.
  await page.evaluate(() => (window as unknown as { strike(): void }).strike());
  await page.waitForTimeout(1000);
  await expect(popover(page)).toHaveCount(0);

  // A fresh page: the reader's keyboard focus loads the popover as well as opening it.
  await marksInTabOrder(ext);
  const fresh = await openMarked(ext, HOSTILE_URL);
  await fresh.evaluate(() => (window as unknown as { strike(): void }).strike());
  await fresh.waitForTimeout(1200);
  await expect(fresh.locator('eurefs-popover')).toHaveCount(0);
  await pressTabUntil(fresh, async () => (await focusedOnPage(fresh)) === 'mark:COM(2016) 731');
  await expect(popover(fresh)).toContainText('European Travel Information and Authorisation System');
});

test('the page\'s script gets no note text, tag, page or count, however it drives the popover, even an invisible one', async ({ ext }) => {
  await serve(ext, { [READING_URL]: readingHtml, [HOSTILE_URL]: hostileHtml() });

  // Before the reader has any note: what the page sees of the popover with the Notes frame open.
  const page = await openMarked(ext, HOSTILE_URL);
  const mark = page.locator('[data-euref="COM(2016) 731"]');
  await mark.hover();
  await popover(page).getByRole('button', { name: 'Notes' }).click();
  await expect(notesFrame(page).getByLabel('New note')).toBeVisible();
  await expect(notesFrame(page).locator('.eurefs-notes-list')).toHaveCount(0);
  const before = await page.evaluate(publicView);
  await page.mouse.move(2, 2);
  await expect(popover(page)).toHaveCount(0);

  await writeNoteAsReader(ext);

  // The reader opens the same popover and its notes: the note is there, for the reader.
  await page.bringToFront();
  await mark.hover();
  await popover(page).getByRole('button', { name: 'Notes' }).click();
  await expect(notesFrame(page).locator('.eurefs-note-text')).toHaveText(NOTE_TEXT);
  await expect(notesFrame(page).locator('.eurefs-note-tags')).toHaveText(NOTE_TAG);
  await expect(notesFrame(page).getByRole('link', { name: READING_TITLE })).toHaveAttribute('href', READING_URL);
  // The reader presses Escape in the frame: the frame tells the popover, and the page hears it too.
  await notesFrame(page).getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedOnPage(page)).toBe('popover:button:Notes');

  // Not a character more in what the page can see: no count, no marker, no change of size.
  expect(await page.evaluate(publicView)).toBe(before);
  const loot = await page.evaluate(hostileSweep);
  // The sweep reached all it could: the public text, the frame's address, the frame's message.
  expect(loot).toContain('shadow text=Commission document (COM)');
  expect(loot).toContain('European Travel Information and Authorisation System');
  expect(loot).toContain('frame src=chrome-extension://');
  expect(loot).toContain('contentDocument=null');
  expect(loot).toMatch(/^messages=.*eurefs-notes-frame.*escape/m);
  for (const secret of SECRETS) expect(loot, `the page got hold of "${secret}"`).not.toContain(secret);

  // The invisible popover of the issue: the page's CSS hides it, and its script opens it with a
  // focus() of its own (a focus event the browser marks as trusted) and then drives it.
  await ext.context.unrouteAll();
  await serve(ext, { [HOSTILE_URL]: hostileHtml({ invisible: true }) });
  const hidden = await openMarked(ext, HOSTILE_URL);
  await hidden.evaluate(() => (document.querySelector('[data-euref="COM(2016) 731"]') as HTMLElement).focus());
  await expect(popover(hidden)).toContainText('European Travel Information and Authorisation System');
  expect(await hidden.evaluate(() => getComputedStyle(document.querySelector('eurefs-popover')!).opacity)).toBe('0');
  const hiddenLoot = await hidden.evaluate(hostileSweep);
  // Its synthetic clicks opened no Notes frame at all.
  expect(hiddenLoot).toContain('frames=0');
  await expect(hidden.locator('eurefs-popover iframe')).toHaveCount(0);
  for (const secret of SECRETS) expect(hiddenLoot, `the page got hold of "${secret}"`).not.toContain(secret);
});

test('the page\'s script can neither add nor delete a note, nor follow the popover\'s links', async ({ ext }) => {
  await serve(ext, { [HOSTILE_URL]: hostileHtml() });
  const reader = await readerPage(ext);
  const saved = await ask<StoredNote>(reader, {
    type: 'notes:save',
    note: { documentId: 'COM(2016) 731', label: 'COM(2016) 731', text: NOTE_TEXT, tags: [NOTE_TAG], page: { url: READING_URL, title: READING_TITLE }, quote: null },
  });

  const page = await openMarked(ext, HOSTILE_URL);
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  const dialog = popover(page);
  await dialog.getByRole('button', { name: 'Notes' }).click();
  await expect(notesFrame(page).locator('.eurefs-note-text')).toHaveText(NOTE_TEXT);
  const tabs = ext.context.pages().length;

  const tried = await page.evaluate(async ({ noteId }) => {
    const log: string[] = [];
    const root = document.querySelector('eurefs-popover')!.shadowRoot!;
    const frame = root.querySelector('iframe')!;
    // Fields and forms of the note editor, if any were in reach.
    for (const field of root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')) {
      field.value = 'planted by the page';
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      log.push('filled a field');
    }
    for (const form of root.querySelectorAll('form')) form.requestSubmit();
    // The Notes frame's window: what the page can post to it.
    const planted = { documentId: 'COM(2016) 731', label: 'x', text: 'planted by the page', tags: ['planted'], page: { url: location.href, title: '' }, quote: null };
    for (const message of [
      { type: 'notes:save', note: planted },
      { type: 'notes:delete', id: noteId },
      { source: 'eurefs-notes-frame', type: 'escape' },
      { type: 'submit' },
    ]) {
      frame.contentWindow!.postMessage(message, '*');
    }
    // The extension's messaging, from the page's own world.
    const api = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
    log.push(`runtime.sendMessage: ${typeof api?.runtime?.sendMessage}`);
    // A frame of the page's own at the Notes frame's address, with a document of its choosing.
    const own = document.createElement('iframe');
    own.src = frame.src.replace(/#.*/, `#${encodeURIComponent(JSON.stringify({ ...planted, stage: null }))}`);
    document.body.append(own);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      own.contentDocument!.querySelector('textarea');
      log.push('reached into its own frame');
    } catch {
      log.push('its own frame is closed to it');
    }
    own.contentWindow!.postMessage({ type: 'notes:save', note: planted }, '*');
    const strike = (window as unknown as { strike(): void }).strike;
    strike();
    return log;
  }, { noteId: saved.id });
  // Every synthetic click on every control of the popover, twice over.
  await page.evaluate(hostileSweep);
  await page.waitForTimeout(1000);

  expect(tried).not.toContain('filled a field');
  expect(tried).not.toContain('reached into its own frame');
  expect(tried).toContain('runtime.sendMessage: undefined');
  // The popover did nothing the page clicked: the same document, no citation copied, no tab
  // opened by its links, the Notes frame still open.
  await expect(dialog).toHaveAttribute('data-euref-popover', 'COM(2016) 731');
  await expect(dialog.getByRole('button', { name: 'Copy citation' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Notes' })).toHaveAttribute('aria-expanded', 'true');
  expect(ext.context.pages().length).toBe(tabs);

  const notes = await allNotes(reader);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ id: saved.id, text: NOTE_TEXT, tags: [NOTE_TAG] });
  await reader.reload();
  const listed = reader.getByTestId('annotations-notes');
  await expect(listed).toContainText(NOTE_TEXT);
  await expect(listed).not.toContainText('planted');
});

/**
 * The background's side, tried from the content script's own world (Chromium's isolated world
 * for Eurefs, reached over the DevTools protocol): what a page that found its way into the
 * content script would get. The Notes frame and the options page get answers; it gets none.
 */
async function inContentScript(cdp: CDPSession, expression: string): Promise<unknown> {
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'Eurefs')).toBe(true);
  const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const context = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Eurefs' && c.auxData.frameId === frameId)!;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: context.id, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

test('the background tells a content script nothing of the reader\'s notes or history', async ({ ext }) => {
  await serve(ext, { [READING_URL]: readingHtml, [HOSTILE_URL]: hostileHtml() });
  const reader = await readerPage(ext);
  await ask(reader, {
    type: 'notes:save',
    note: { documentId: 'COM(2016) 731', label: 'COM(2016) 731', text: NOTE_TEXT, tags: [NOTE_TAG], page: { url: READING_URL, title: READING_TITLE }, quote: null },
  });
  // A visit to the reading list, recorded as every EUR-Lex visit is.
  await openMarked(ext, READING_URL);
  await expect.poll(async () => (await ask<{ total: number }>(reader, { type: 'history:list', query: '' })).total).toBe(1);

  const page = await openMarked(ext, HOSTILE_URL);
  const cdp = await ext.context.newCDPSession(page);
  const answers = (await inContentScript(
    cdp,
    `(async () => {
      const tryOne = (message) => chrome.runtime.sendMessage(message).then((answer) => JSON.stringify(answer ?? null), (error) => 'error: ' + error.message);
      return {
        search: await tryOne({ type: 'notes:search', query: '' }),
        forDocument: await tryOne({ type: 'notes:list-for-document', documentId: 'COM(2016) 731' }),
        history: await tryOne({ type: 'history:list', query: '' }),
        exported: await tryOne({ type: 'annotations:export', request: { scope: { kind: 'all' }, format: 'json' } }),
        save: await tryOne({ type: 'notes:save', note: { documentId: 'COM(2016) 731', label: 'x', text: 'planted', tags: [], page: { url: location.href, title: '' }, quote: null } }),
        clear: await tryOne({ type: 'history:clear' }),
        elsewhere: await tryOne({ type: 'history:record-visit', url: 'https://eur-lex.europa.eu/planted.html', title: 'planted', references: [] }),
        lookup: await tryOne({ type: 'lookup', ids: ['COM(2016) 731'] }),
      };
    })()`,
  )) as Record<string, string>;
  // The dataset is public and still answered; nothing of the reader's is.
  expect(answers.lookup).toContain('European Travel Information and Authorisation System');
  for (const [asked, answer] of Object.entries(answers)) {
    if (asked === 'lookup') continue;
    expect(answer, asked).not.toMatch(/"(notes|visits|total|content|deleted|recorded|id)"/);
    for (const secret of SECRETS) expect(answer, asked).not.toContain(secret);
  }
  const notes = await allNotes(reader);
  expect(notes.map((n) => n.text)).toEqual([NOTE_TEXT]);
  const history = await ask<{ total: number; visits: { url: string }[] }>(reader, { type: 'history:list', query: '' });
  expect(history.visits.map((v) => v.url)).toEqual([READING_URL]);
});

test('with the keyboard only, a reader writes, edits and deletes a note in the popover', async ({ ext }) => {
  // A long walk (some sixty key presses, each awaited, and an axe run) on a shared 2-core machine.
  test.setTimeout(120_000);
  await serve(ext, { [READING_URL]: readingHtml });
  await marksInTabOrder(ext);
  const page = await openMarked(ext, READING_URL);
  const reader = await readerPage(ext);
  await page.bringToFront();

  // Tab to the reference: its popover opens; Tab on to its Notes button, Enter opens the frame.
  await pressTabUntil(page, async () => (await focusedOnPage(page)) === 'mark:COM(2016) 731');
  await expect(popover(page)).toBeVisible();
  await pressTabUntil(page, async () => (await focusedOnPage(page)) === 'popover:button:Notes');
  await page.keyboard.press('Enter');
  await expect(popover(page).getByRole('button', { name: 'Notes' })).toHaveAttribute('aria-expanded', 'true');
  const frame = await frameOf(page);
  await expect(notesFrame(page).getByLabel('New note')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/notes-frame-open-light.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // From the Notes button, Tab goes into the frame's fields, and Shift+Tab back out of them.
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedIn(frame)).toBe('New note');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedOnPage(page)).toBe('popover:button:Notes');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedIn(frame)).toBe('New note');
  await page.keyboard.type(NOTE_TEXT);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedIn(frame)).toBe('Tags (comma-separated)');
  await page.keyboard.type(`${NOTE_TAG}, etias`);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedIn(frame)).toBe('Add note');
  await page.keyboard.press('Enter');
  const notes = notesFrame(page);
  await expect(notes.locator('.eurefs-note-text')).toHaveText(NOTE_TEXT);
  await expect(notes.locator('.eurefs-note-tags')).toHaveText(`${NOTE_TAG}etias`);
  await expect(notes.locator('.eurefs-note-meta')).toContainText('On this page · “COM(2016) 731 final”');
  // Focus goes on from the emptied form, ready for another note.
  await expect.poll(() => focusedIn(frame)).toBe('New note');
  await page.screenshot({ path: `${ARTIFACTS}/notes-frame-with-note-light.png` });
  expect((await allNotes(reader)).map((n) => [n.text, n.tags])).toEqual([[NOTE_TEXT, [NOTE_TAG, 'etias']]]);

  // Edit: back to the note's Edit button, change the text, save.
  await pressTabUntil(page, async () => (await focusedIn(frame)) === 'Edit', { shift: true });
  await page.keyboard.press('Enter');
  await expect(notes.getByLabel('Edit note')).toHaveValue(NOTE_TEXT);
  await pressTabUntil(page, async () => (await focusedIn(frame)) === 'Edit note');
  await page.keyboard.press('End');
  await page.keyboard.type(' (asked on 3 May)');
  await pressTabUntil(page, async () => (await focusedIn(frame)) === 'Save changes');
  await page.keyboard.press('Enter');
  await expect(notes.locator('.eurefs-note-text')).toHaveText(`${NOTE_TEXT} (asked on 3 May)`);
  expect((await allNotes(reader)).map((n) => n.text)).toEqual([`${NOTE_TEXT} (asked on 3 May)`]);

  // Delete, with its second press to confirm.
  await expect.poll(() => focusedIn(frame)).toBe('New note');
  await pressTabUntil(page, async () => (await focusedIn(frame)) === 'Delete', { shift: true });
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedIn(frame)).toBe('Really delete?');
  await page.keyboard.press('Enter');
  await expect(notes.locator('.eurefs-notes-list')).toHaveCount(0);
  expect(await allNotes(reader)).toEqual([]);

  // Tab past the frame's last control: back to the reference, the popover closed. Down and up
  // apart, the up once focus is back on the page: pressed as one, the key's up can be routed to
  // the frame the popover removes as the focus leaves it, and the browser's answer to the key,
  // which Playwright waits for, never comes.
  await pressTabUntil(page, async () => (await focusedIn(frame)) === 'Add note');
  await page.keyboard.down('Tab');
  await expect.poll(() => focusedOnPage(page)).toBe('mark:COM(2016) 731');
  await page.keyboard.up('Tab');
  await expect(popover(page)).toHaveCount(0);

  // Escape in the frame gives focus back to the popover; Escape again closes it, on the reference.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(popover(page)).toBeVisible();
  await pressTabUntil(page, async () => (await focusedOnPage(page)) === 'popover:button:Notes');
  await page.keyboard.press('Enter');
  await expect(notesFrame(page).getByLabel('New note')).toBeVisible();
  const reopened = await frameOf(page);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedIn(reopened)).toBe('New note');
  await page.keyboard.type('a draft');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedOnPage(page)).toBe('popover:button:Notes');
  await expect(notesFrame(page).getByLabel('New note')).toHaveValue('a draft');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect.poll(() => focusedOnPage(page)).toBe('mark:COM(2016) 731');
});

test('the Notes frame opens on a page whose Content-Security-Policy allows no frames', async ({ ext }) => {
  await servePages(ext.context, {
    [READING_URL]: { body: readingHtml, headers: { 'content-security-policy': "default-src 'none'; frame-src 'none'; child-src 'none'" } },
  });
  const page = await openMarked(ext, READING_URL);
  await page.locator('[data-euref="COM(2016) 731"]').hover();
  await popover(page).getByRole('button', { name: 'Notes' }).click();
  await notesFrame(page).getByLabel('New note').fill(NOTE_TEXT);
  await notesFrame(page).getByRole('button', { name: 'Add note' }).click();
  await expect(notesFrame(page).locator('.eurefs-note-text')).toHaveText(NOTE_TEXT);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('eurefs-popover').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
