/**
 * The background as the rest of the extension meets it: messages in, answers out, scripts
 * injected, the dataset loaded and refreshed. Each test starts the background's main on WXT's
 * fake browser and a fresh in-memory IndexedDB, and talks to it only through browser events.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Browser } from 'wxt/browser';
import type { Dataset } from '../../../../storage/dataset/schema';
import { EurefsDb } from '../../../../storage/dataset/db';
import { REFRESH_ALARM, setRefreshSchedule } from '../../../../storage/import/refresh';
import { dataset, doc } from '../../storage/import/helpers';
import { fakeCommands, fakeSiteAccess, type FakeCommands, type FakeSiteAccess } from './helpers';
import { catalogueFile } from '../../i18n/helpers';
import { SETTINGS_KEY } from '../../../../storage/settings';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
// WXT's build provides defineBackground to every entrypoint without an import.
vi.stubGlobal('defineBackground', defineBackground);

const background = (await import('../../../../entrypoints/background/index')).default;

const ROOT = fakeBrowser.runtime.getURL('/');
const BUNDLED_URL = fakeBrowser.runtime.getURL('/dataset.json');
const PAGE = 'https://eur-lex.europa.eu/procedure/EN/2017_330';

const contentScript = (tab = 7, frameId = 3): Browser.runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: PAGE, tab: { id: tab } as Browser.tabs.Tab, frameId });
const ownPage = (page = 'popup.html'): Browser.runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: `${ROOT}${page}` });

/**
 * Sends a message the way the browser delivers it, and resolves to the answer the sender would
 * get: a listener's returned promise (webextension-polyfill), or what it passes to sendResponse
 * after returning true (Chromium's own API); undefined when no listener answers.
 */
async function send(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  let respond!: (answer: unknown) => void;
  const responded = new Promise((resolve) => (respond = resolve));
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, respond);
  if (results.some((result) => result === true)) return responded;
  return results.find((result) => result !== undefined);
}

/** The files the extension serves; anything else is not there. */
function serve(files: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!(url in files)) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(files[url]), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const BUNDLED: Dataset = dataset('2026-01', [doc('COM(2017) 793', 'adopted', { title: 'Interoperability between EU information systems' })]);

let sites: FakeSiteAccess;
let commands: FakeCommands;

beforeEach(() => {
  fakeBrowser.reset();
  sites = fakeSiteAccess();
  commands = fakeCommands();
  // A profile of its own per test: nothing one test stored is seen by the next.
  Dexie.dependencies.indexedDB = new IDBFactory();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.stubGlobal('defineBackground', defineBackground);
});

async function installed(files: Record<string, unknown> = { [BUNDLED_URL]: BUNDLED }) {
  const fetched = serve(files);
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  return fetched;
}

describe('the background', () => {
  it('loads the bundled dataset from the extension on install and answers a lookup from it at once', async () => {
    const fetched = await installed();
    const answer = await send({ type: 'lookup', ids: ['COM(2017) 793', 'COM(2099) 1'] }, contentScript());
    expect(fetched).toHaveBeenCalledWith(BUNDLED_URL);
    expect(answer).toMatchObject({
      datasetVersion: '2026-01',
      documents: {
        'COM(2017) 793': { title: 'Interoperability between EU information systems', status: { stage: 'adopted' } },
        'COM(2099) 1': null,
      },
    });
  });

  it('after an update, answers from the dataset the update shipped, even under the same version', async () => {
    await installed();
    expect(await send({ type: 'lookup-summary', ids: ['COM(2017) 793'] }, contentScript())).toMatchObject({
      documents: { 'COM(2017) 793': { stage: 'adopted' } },
    });
    serve({ [BUNDLED_URL]: dataset('2026-01', [doc('COM(2017) 793', 'proposed', { title: 'Interoperability, corrected' })]) });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    expect(await send({ type: 'lookup', ids: ['COM(2017) 793'] }, contentScript())).toMatchObject({
      documents: { 'COM(2017) 793': { title: 'Interoperability, corrected', status: { stage: 'proposed' } } },
    });
  });

  it("hands a page's popover its words in the reader's language, from the extension's own files", async () => {
    const localeUrl = (language: string) => fakeBrowser.runtime.getURL(`/_locales/${language}/messages.json`);
    await installed({ [BUNDLED_URL]: BUNDLED, [localeUrl('en')]: catalogueFile('en'), [localeUrl('de')]: catalogueFile('de') });
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(await send({ type: 'ui-catalogue' }, contentScript())).toMatchObject({ language: 'en', catalogue: { stageInForce: { message: 'in force' } } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'de' } });
    const answer = await send({ type: 'ui-catalogue' }, contentScript());
    expect(answer).toMatchObject({ language: 'de', catalogue: { stageInForce: { message: 'in Kraft' } } });
    // What only translators read stays at home.
    expect(JSON.stringify(answer)).not.toContain('description');
  });

  it('ignores a message that is none of its own', async () => {
    await installed();
    expect(await send({ type: 'lookup', ids: 'COM(2017) 793' }, contentScript())).toBeUndefined();
    expect(await send({ type: 'delete-everything' }, contentScript())).toBeUndefined();
  });

  it("answers the reader's notes to its own pages and gives a content script asking for them no answer", async () => {
    await installed();
    const note = { type: 'notes:save', note: { documentId: 'COM(2017) 793', label: 'COM(2017) 793', text: 'Check the recitals', page: { url: PAGE, title: 'Procedure 2017/0351' } } };
    const saved = await send(note, ownPage('options.html'));
    expect(saved).toBeDefined();
    const asked = { type: 'notes:list-for-document', documentId: 'COM(2017) 793' };
    expect(JSON.stringify(await send(asked, ownPage('notes-frame.html')))).toContain('Check the recitals');
    expect(await send(asked, contentScript())).toBeUndefined();
    // Nor from a page of another extension that knows the address.
    expect(await send(asked, { id: 'another-extension', url: `${ROOT}options.html` })).toBeUndefined();
  });

  it('opens the report page at the words a popover asks for, beside its tab, at an address it builds itself', async () => {
    await installed();
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const sender = { ...contentScript(7), tab: { id: 7, index: 2 } as Browser.tabs.Tab };
    const asked = { type: 'open-report', report: 'COM(2018) 470', quote: 'a political agreement & more', footnote: 12 };
    expect(await send(asked, sender)).toEqual({ opened: true });
    expect(created).toHaveBeenCalledTimes(1);
    const { url, openerTabId, index } = created.mock.calls[0]![0];
    expect({ openerTabId, index }).toEqual({ openerTabId: 7, index: 3 });
    const opened = new URL(url!);
    expect(url!.split('?')[0]).toBe(`${ROOT}report.html`);
    expect(Object.fromEntries(opened.searchParams)).toEqual({ report: 'COM(2018) 470', quote: 'a political agreement & more', footnote: '12' });

    // A report the dataset does not have, a page's own address, another extension: no tab.
    expect(await send({ ...asked, report: 'COM(2099) 1' }, sender)).toEqual({ opened: false });
    expect(await send({ ...asked, url: 'https://evil.example/' }, sender)).toBeUndefined();
    expect(await send(asked, { ...sender, id: 'another-extension' })).toBeUndefined();
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('injects the popover and the page scanner into the frame of the page that asked, without waiting for its images', async () => {
    await installed();
    expect(await send({ type: 'load-ui' }, contentScript(7, 3))).toEqual({ loaded: true });
    expect(await send({ type: 'load-scanner' }, contentScript(8, 0))).toEqual({ loaded: true });
    expect(sites.executeScript.mock.calls.map(([injection]) => injection)).toEqual([
      { target: { tabId: 7, frameIds: [3] }, files: ['/popover-ui.js'], injectImmediately: true },
      { target: { tabId: 8, frameIds: [0] }, files: ['/page-scanner.js'], injectImmediately: true },
    ]);
  });

  it('injects the scanner into a tab the popup names, and never into one a content script names', async () => {
    await installed();
    expect(await send({ type: 'load-scanner', tabId: 12 }, ownPage('popup.html'))).toEqual({ loaded: true });
    expect(await send({ type: 'load-scanner', tabId: 12 }, contentScript(7, 3))).toEqual({ loaded: true });
    expect(sites.executeScript.mock.calls.map(([injection]) => injection.target)).toEqual([
      { tabId: 12, frameIds: [0] },
      { tabId: 7, frameIds: [3] },
    ]);
    // The popup without a tab, or a sender outside any tab: nothing to inject into.
    expect(await send({ type: 'load-scanner' }, ownPage('popup.html'))).toEqual({ loaded: false, error: 'no tab to load into' });
    expect(sites.executeScript).toHaveBeenCalledTimes(2);
  });

  it("passes the reader's shortcut on to the page of the tab it was pressed on", async () => {
    await installed();
    await commands.press('next-reference', { id: 7 } as Browser.tabs.Tab);
    expect(commands.sent.mock.calls).toEqual([[7, { type: 'move-to-reference', direction: 'next' }, { frameId: 0 }]]);
  });

  it('tells the page when the browser refuses the injection', async () => {
    await installed();
    sites.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await send({ type: 'load-ui' }, contentScript())).toEqual({ loaded: false, error: 'Cannot access contents of the page' });
  });

  it('on its refresh alarm, imports the scheduled address, and lookups answer from the import', async () => {
    const address = 'https://data.example.eu/eurefs.json';
    const refreshed = dataset('staff-1', [doc('COM(2020) 605', 'proposed', { title: 'EU Security Union Strategy' })]);
    const fetched = await installed({ [BUNDLED_URL]: BUNDLED, [address]: refreshed });
    await setRefreshSchedule(new EurefsDb(), { url: address, everyHours: 24, mode: 'merge' });

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'some-other-alarm', scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () =>
      expect(await send({ type: 'lookup', ids: ['COM(2020) 605', 'COM(2017) 793'] }, contentScript())).toMatchObject({
        documents: { 'COM(2020) 605': { title: 'EU Security Union Strategy' }, 'COM(2017) 793': { title: 'Interoperability between EU information systems' } },
      }),
    );
    // Once, for its own alarm: the other alarm is not the refresh's.
    expect(fetched.mock.calls.filter(([url]) => url === address)).toHaveLength(1);
  });
});
