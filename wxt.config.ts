import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { manifestCommands } from './entrypoints/background/shortcuts';
import { shippedCatalogue } from './i18n/catalogue';
import { chromiumManagedSchema } from './storage/managed-policy';

/** The sites Eurefs reads without asking: EUR-Lex and the rest of europa.eu. */
const EUROPA = ['https://*.europa.eu/*'];

/**
 * The scripts that run inside web pages use the browser's own promise-based API (Chromium's
 * `chrome.*` in Manifest V3, Firefox's `browser.*`), not webextension-polyfill: the polyfill is
 * evaluated on every page the content script runs on, and cost about 3 ms there of the 5 ms a page
 * without references may take (issue #8). The extension's own pages and the background keep it,
 * because their message listeners answer by returning promises, which Chromium's API does not read.
 * All four take it from one module that a page's DOM cannot shadow (`<form name="browser">` is
 * `window.browser`), where `@wxt-dev/browser` reads `globalThis.browser` as it finds it.
 */
const pageSideBrowser = fileURLToPath(new URL('./in-page/extension-api.ts', import.meta.url));
const NATIVE_API_ENTRYPOINTS: Record<string, string> = {
  content: pageSideBrowser,
  'page-scanner': pageSideBrowser,
  'document-scanner': pageSideBrowser,
  'popover-ui': pageSideBrowser,
};

const datasetFile = fileURLToPath(new URL('./seeds/dataset.json', import.meta.url));
const MANAGED_SCHEMA = 'managed-schema.json';

export default defineConfig({
  // EUREFS_OUT_DIR builds somewhere else, so two builds at once (tests, benchmark) don't collide.
  ...(process.env.EUREFS_OUT_DIR ? { outDir: process.env.EUREFS_OUT_DIR } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip addons.mozilla.org asks for: what builds the add-on, not the tests
  // (scripts/check-sources-zip.ts rebuilds it and compares).
  zip: { excludeSources: ['tests/**', 'test-results*/**', '.ci/**'] },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    // EUREFS_NO_MINIFY=1 keeps function names, for reading CPU profiles (scripts/bench/profile-start.ts).
    ...(process.env.EUREFS_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      const modules = new Set(entrypoints.map((entrypoint) => NATIVE_API_ENTRYPOINTS[entrypoint.name]));
      const [browserModule] = modules;
      if (modules.size !== 1 || !browserModule) return;
      config.resolve ??= {};
      const alias = config.resolve.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: browserModule },
        ...entries.filter((entry) => entry.find !== 'wxt/browser'),
      ];
    },
    // Chromium builds the extension API into a page's isolated world when it creates the world,
    // and a frame named `browser` or `chrome` in the page by then leaves the world without one
    // (no `chrome.runtime`): the first content script would run at document_end. An empty one at
    // document_start has the world created before the page holds any element.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      manifest.content_scripts = [{ matches: EUROPA, js: ['api-world.js'], run_at: 'document_start' }, ...(manifest.content_scripts ?? [])];
    },
    // The dataset ships as a file beside the bundles (the background fetches it on install), so
    // its size never weighs on the scripts' parse time.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: datasetFile, relativeDest: 'dataset.json' });
      // What an administrator's policy may set (storage/managed-policy.ts), for Chromium to check
      // policies against; Firefox reads policies.json without one.
      if (wxt.config.browser !== 'firefox') {
        files.push({ relativeDest: MANAGED_SCHEMA, contents: `${JSON.stringify(chromiumManagedSchema(), null, 2)}\n` });
      }
      // The catalogues ship without their translators' notes: half the add-on's size otherwise.
      for (const [i, file] of files.entries()) {
        if ('absoluteSrc' in file && /^_locales\/[^/]+\/messages\.json$/.test(file.relativeDest)) {
          files[i] = { relativeDest: file.relativeDest, contents: shippedCatalogue(readFileSync(file.absoluteSrc, 'utf8')) };
        }
      }
    },
  },
  // Manifest V3 for Firefox too: one manifest shape for both browsers, and an event page rather
  // than a background that stays loaded. Firefox from 127 grants MV3 host permissions at install
  // (they used to wait for the reader to find a switch), and 140 is Eurefs' minimum anyway.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // From the catalogues (public/_locales, docs/i18n.md), in the browser's language in the stores
    // and the extension list.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // europa.eu as a host permission as well as a content-script match: the background injects the
    // popover's script into those pages on first use (scripting.executeScript needs the host).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: MANAGED_SCHEMA } }),
    host_permissions: EUROPA,
    // Any other site, only once the reader grants it on the options page.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The Notes frame, which the popover holds on any page it runs on; pages cannot read into it.
    // Chromium only lets it load at a per-session address (use_dynamic_url), so a page cannot
    // probe for Eurefs with the fixed one; in Firefox the extension's host is a random
    // per-install UUID anyway.
    web_accessible_resources: [
      { resources: ['notes-frame.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
    ],
    // Keyboard readers' way to the references, which are out of the Tab order (entrypoints/background/shortcuts.ts).
    commands: manifestCommands(3),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'eurefs@eurefs.example',
              // 140 is the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Eurefs sends nothing anywhere: every lookup is answered from the bundled database.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
