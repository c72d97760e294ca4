import { browser, type PublicPath } from 'wxt/browser';
import { EurefsDb } from '../storage/db';
import { ensureBundledDataset } from '../storage/load-dataset';
import { datasetStats, lookupDocuments } from '../storage/lookup';
import { ToBackgroundSchema } from '../storage/protocol';

/** The bundled dataset ships as a file beside the bundles, not inside them (DESIGN.md). */
async function readBundledDataset(): Promise<unknown> {
  // Added to the build by a hook in wxt.config.ts, so WXT's list of public paths can't know it.
  const response = await fetch(browser.runtime.getURL('/dataset.json' as PublicPath));
  if (!response.ok) throw new Error(`bundled dataset missing: HTTP ${response.status}`);
  return response.json();
}

export default defineBackground(() => {
  const db = new EurefsDb();
  // Every answer waits for the dataset: the first lookup after install must not see an empty db.
  let ready = ensureBundledDataset(db, readBundledDataset);
  ready.catch((error: unknown) => console.error('Eurefs: could not load the bundled dataset', error));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      ready = ready
        .catch(() => undefined)
        .then(() => ensureBundledDataset(db, readBundledDataset, { force: true }));
    }
  });

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const parsed = ToBackgroundSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'lookup':
        return ready.then(() => lookupDocuments(db, message.ids));
      case 'stats':
        return ready.then(() => datasetStats(db));
    }
  });
});
