/**
 * Starts Debian's Firefox ESR with the built extension installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (Playwright's Firefox needs its own patched build, which
 * cannot be downloaded here). The Firefox end-to-end suite and anyone trying the Firefox build
 * by hand start it the same way.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.EUREFS_FIREFOX_EXTENSION_DIR ?? resolve(import.meta.dirname, '../.output/firefox-mv3'),
);

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'].filter(
  (p): p is string => Boolean(p),
);

export function firefoxPath(): string {
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`No Firefox found (looked at ${CANDIDATES.join(', ')}). Install Debian's: apt-get install -y firefox-esr`);
  }
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** the add-on id from the manifest (browser_specific_settings.gecko.id) */
  addonId: string;
}

export async function launchFirefoxWithExtension({
  headless = true,
  extensionDir = FIREFOX_EXTENSION_DIR,
  prefs = {},
  acceptInsecureCerts = false,
}: { headless?: boolean; extensionDir?: string; prefs?: Record<string, string | number | boolean>; acceptInsecureCerts?: boolean } = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension in ${extensionDir}: run "npm run build:firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    acceptInsecureCerts,
    userDataDir: mkdtempSync(join(tmpdir(), 'eurefs-firefox-')),
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // an unsigned, unpacked build may be installed as a temporary add-on
      'xpinstall.signatures.required': false,
      // no first-run pages, no update or telemetry traffic (there is no network here)
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...prefs,
    },
  });
  const addonId = await browser.installExtension(extensionDir);
  return { browser, addonId };
}

export type ServedPages = Record<string, { body: string; headers?: Record<string, string>; contentType?: string }>;

/**
 * Serves `pages` at their real addresses in `page` and refuses every other web address, so the
 * manifest's match patterns apply as on the real site and nothing is fetched from the network.
 * Pages may be added later: the map is read at each request.
 */
export async function servePagesIn(page: Page, pages: ServedPages): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    const served = pages[url];
    if (served) {
      void request.respond({
        status: 200,
        contentType: served.contentType ?? 'text/html; charset=utf-8',
        body: served.body,
        headers: served.headers ?? {},
      });
    } else if (/^(https?|wss?):/.test(url)) {
      void request.abort('blockedbyclient');
    } else {
      void request.continue();
    }
  });
}
