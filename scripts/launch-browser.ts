/**
 * Starts Debian's Chromium with the built extension loaded (docs/ARCHITECTURE.md, "Browsers and tests").
 * Shared by the end-to-end tests, the benchmark and the demo so that all three run the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The built extension; EUREFS_EXTENSION_DIR points elsewhere (a copy that a rebuild won't wipe). */
export const EXTENSION_DIR = resolve(process.env.EUREFS_EXTENSION_DIR ?? resolve(import.meta.dirname, '../.output/chrome-mv3'));

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(
  (p): p is string => Boolean(p),
);

export function chromiumPath(): string {
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${CANDIDATES.join(', ')}). Install Debian's: apt-get install -y chromium`,
    );
  }
  return found;
}

/**
 * The id Chromium gives an extension loaded unpacked from `dir`: the first 128 bits of the
 * SHA-256 of its absolute path, each hex digit written as a letter from a to p. A policy that
 * names the extension must know it before the browser starts.
 */
export function unpackedExtensionId(dir: string): string {
  const hash = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hash].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

export async function launchWithExtension({
  headless = true,
  colorScheme = 'light',
  extensionDir = EXTENSION_DIR,
  args = [],
  language,
}: {
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  extensionDir?: string;
  args?: string[];
  /** the browser's own language (`de`, `pt-BR`): Linux Chromium takes it from the environment, not from `--lang` alone, and needs Debian's chromium-l10n */
  language?: string;
} = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'eurefs-profile-')), {
    executablePath: chromiumPath(),
    headless,
    colorScheme,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      ...(language ? [`--lang=${language}`] : []),
      ...args,
    ],
    // Playwright's own locale too: it otherwise emulates en-US in every page it drives.
    ...(language ? { env: { ...process.env, LANGUAGE: language.replace('-', '_') }, locale: language } : {}),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

/**
 * Serves `pages` at their real addresses and refuses everything else: the manifest's match
 * patterns apply as on the real site, and nothing is fetched from the network.
 */
export async function servePages(context: BrowserContext, pages: Record<string, { body: string; headers?: Record<string, string> }>): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const page = pages[url];
    if (page) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.body, headers: page.headers ?? {} });
    } else if (url.startsWith('chrome-extension://')) {
      await route.continue();
    } else {
      await route.abort('blockedbyclient');
    }
  });
}
