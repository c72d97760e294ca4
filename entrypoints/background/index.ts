import { browser, type Browser, type PublicPath } from 'wxt/browser';
import type { LoadResponse, PageToBackground } from '../../messaging/page-to-background';
import type { Request } from '../../messaging/exchange';
import { REPORT_PAGE, ReportAddressSchema, reportPageUrl } from '../report/address';
import { EurefsDb } from '../../storage/dataset/db';
import { ensureBundledDataset } from '../../storage/dataset/load-bundled';
import { datasetStats, hasReport, lookupDocuments } from '../../storage/dataset/lookup';
import { summarize } from '../../storage/dataset/summary';
import { onBackgroundMessage } from '../../messaging/to-background';
import { REFRESH_ALARM, runScheduledRefresh, setRefreshAlarm } from '../../storage/import/refresh';
import { applyManagedPolicy } from '../../storage/import/managed-refresh';
import { onManagedPolicyChanged, readManagedPolicy } from '../../storage/managed-area';
import { AnnotationsDb } from '../../storage/annotations/db';
import type { AnnotationMessage } from '../../messaging/annotations';
import { mayAsk, mayOpenReport } from './sender-gate';
import { handleAnnotationMessage } from '../../storage/annotations/service';
import { watchExtraSites } from './extra-sites';
import { watchCommands } from './commands';
import { migrateSettings } from '../../storage/settings-migration';
import { readSettings } from '../../storage/settings';
import { readCatalogue } from '../../i18n/catalogue-files';
import { readerLanguage } from '../../i18n/reader-language';

const POPOVER_SCRIPT = '/popover-ui.js';
const SCANNER_SCRIPT = '/page-scanner.js';

/** The bundled dataset ships as a file beside the bundles, not inside them (docs/ARCHITECTURE.md, "Where the data lives"). */
async function readBundledDataset(): Promise<unknown> {
  // Added to the build by a hook in wxt.config.ts, so WXT's list of public paths can't know it.
  const response = await fetch(browser.runtime.getURL('/dataset.json' as PublicPath));
  if (!response.ok) throw new Error(`bundled dataset missing: HTTP ${response.status}`);
  // Its bytes, not its parse: ensureBundledDataset reads them a document at a time.
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * One of the scripts a page brings in on demand (the page scanner, the popover), into the frame
 * that asked; or, asked by one of the extension's own pages (the popup, or its list opened in a
 * tab), into the top frame of the tab it names.
 */
async function inject(
  file: typeof POPOVER_SCRIPT | typeof SCANNER_SCRIPT,
  sender: Browser.runtime.MessageSender,
  namedTab?: number,
): Promise<LoadResponse> {
  const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
  const tabId = fromOwnPage ? namedTab : sender.tab?.id;
  if (tabId === undefined) return { loaded: false, error: 'no tab to load into' };
  const frameId = fromOwnPage ? 0 : (sender.frameId ?? 0);
  try {
    // At once: by default the browser holds an injection until the page's idle time, which is its
    // load event or 200 ms after DOMContentLoaded (Chromium) while images and scripts still load,
    // and every page that asks has its text in already (the lookout runs at document_end).
    if (import.meta.env.MANIFEST_VERSION === 2) {
      await browser.tabs.executeScript(tabId, { file, frameId, runAt: 'document_start' });
    } else {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file], injectImmediately: true });
    }
    return { loaded: true };
  } catch (error) {
    return { loaded: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Opens the report page at a passage, in a new tab beside the one that asked: the address is
 * built here from the parsed report id and quote, and only for a report the dataset has.
 */
async function openReport(
  { type: _type, ...passage }: Request<PageToBackground, 'open-report'>,
  sender: Browser.runtime.MessageSender,
  known: (id: string) => Promise<boolean>,
): Promise<{ opened: boolean }> {
  const address = ReportAddressSchema.safeParse(passage);
  if (!address.success || !(await known(address.data.report))) return { opened: false };
  const tab = sender.tab;
  await browser.tabs.create({
    url: reportPageUrl(browser.runtime.getURL(REPORT_PAGE), address.data),
    ...(tab?.id !== undefined ? { openerTabId: tab.id, index: tab.index + 1 } : {}),
  });
  return { opened: true };
}

export default defineBackground(() => {
  const db = new EurefsDb();
  // Every answer waits for the dataset: the first lookup after install must not see an empty db.
  let ready = ensureBundledDataset(db, readBundledDataset);
  ready.catch((error: unknown) => console.error('Eurefs: could not load the bundled dataset', error));

  watchExtraSites();
  watchCommands();

  // Staff's scheduled refresh of an imported dataset from its address (options page, "Import").
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void ready
      .catch(() => undefined)
      // An extension API call now and then keeps Chrome from stopping the worker mid-refresh.
      .then(() => runScheduledRefresh(db, { keepAwake: () => browser.runtime.getPlatformInfo() }))
      .then((outcome) => console.info('Eurefs: scheduled dataset refresh:', outcome.message))
      .catch((error: unknown) => console.error('Eurefs: scheduled dataset refresh failed', error));
  });

  // An administrator's policy (storage/managed-policy.ts) sets the team's dataset address: applied
  // on every start, so the first start after install already fetches it, and whenever it changes.
  // One application at a time: Chromium reports the policy as changed just after start, and two
  // at once would both see the address not yet fetched.
  let policyApplied: Promise<unknown> = Promise.resolve();
  const followPolicy = () =>
    void (policyApplied = Promise.all([ready.catch(() => undefined), policyApplied])
      .then(readManagedPolicy)
      .then((reading) => {
        for (const problem of reading.problems) console.warn(`Eurefs: ${problem}`);
        return applyManagedPolicy(db, reading, {
          keepAwake: () => browser.runtime.getPlatformInfo(),
          scheduleAlarm: setRefreshAlarm,
        });
      })
      .then((outcome) => {
        if (outcome.kind === 'scheduled') console.info('Eurefs: the managed policy set the dataset address:', outcome.refresh?.message ?? 'already fetched');
      })
      .catch((error: unknown) => console.error('Eurefs: could not apply the managed policy', error)));
  followPolicy();
  onManagedPolicyChanged(followPolicy);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      ready = ready
        .catch(() => undefined)
        .then(() => ensureBundledDataset(db, readBundledDataset, { force: true }));
    }
    // Settings an older version kept in the databases move into the one store (storage/settings.ts).
    if (reason === 'update') {
      void migrateSettings({ dataset: db, annotations }).catch((error: unknown) => console.error('Eurefs: could not move the settings', error));
    }
  });

  // Researchers' notes and history live in a database of their own (storage/annotations/db.ts).
  const annotations = new AnnotationsDb();
  const self = { id: browser.runtime.id, root: browser.runtime.getURL('/') };

  const documents = (ids: string[]) => ready.then(() => lookupDocuments(db, ids));
  // The reader's notes and history go to the extension's own pages only (sender-gate.ts):
  // a content script asking for them gets no answer at all.
  const annotation = <M extends AnnotationMessage>(message: M, sender: Browser.runtime.MessageSender) =>
    mayAsk(message, sender, self)
      ? handleAnnotationMessage(annotations, message, { documents: (ids) => documents(ids).then((answer) => answer.documents) })
      : undefined;

  onBackgroundMessage({
    lookup: ({ ids }) => documents(ids),
    stats: () => ready.then(() => datasetStats(db)),
    'lookup-summary': ({ ids }) => documents(ids).then(summarize),
    'ui-catalogue': async () => readCatalogue(readerLanguage(await readSettings())),
    'load-ui': (_message, sender) => inject(POPOVER_SCRIPT, sender),
    'load-scanner': ({ tabId }, sender) => inject(SCANNER_SCRIPT, sender, tabId),
    'open-report': (request, sender) =>
      mayOpenReport(sender, self) ? openReport(request, sender, (id) => ready.then(() => hasReport(db, id))) : undefined,
    'notes:save': annotation,
    'notes:delete': annotation,
    'notes:list-for-document': annotation,
    'notes:search': annotation,
    'history:record-visit': annotation,
    'history:list': annotation,
    'history:clear': annotation,
    'history:get-settings': annotation,
    'history:set-site': annotation,
    'annotations:export': annotation,
  });
});
