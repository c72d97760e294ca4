// First, so that it reads the clock before the rest of the bundle is evaluated.
import { loadedAt } from './loaded-at';
import { browser } from 'wxt/browser';
import { config as zodConfig } from 'zod/mini';
import { toContentSchema } from '../../storage/content-protocol';
import { isSiteDisabled } from '../../storage/settings';
import { recordVisitWhenReady } from './record-visit';
import { Annotator } from './annotator';
import { adoptMarkStyles } from './page-styles';
import { onSettingsChanged, readSettings } from './settings-client';
import { loadUiOnFirstIntent } from './ui-loader';
import { POPOVER_HOST, publishCore } from './ui-contract';

// A content script may not eval: zod would otherwise try `new Function` on its first parse, and
// the page's console would get a CSP violation for it.
zodConfig({ jitless: true });

/**
 * Runs on every page Eurefs may read, so it holds only what every page needs: the grammar, the
 * scan, the marks, one batched lookup and the page's list for the popup. The popover (and the
 * libraries behind it) comes in on the reader's first hover or focus of a reference (ui-loader.ts).
 */
export default defineContentScript({
  // EUR-Lex and the other europa.eu sites; other sites come later, by the reader's grant.
  matches: ['https://eur-lex.europa.eu/*', 'https://*.europa.eu/*'],
  // At document_end, right at DOMContentLoaded: document_idle would wait for Chrome's idle time
  // (up to the load event), and the scan runs in slices anyway, so starting early costs nothing.
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  // WXT tells an older copy of this script (after an extension update) to stop with a DOM event;
  // its second signal, a window.postMessage to the page, cost 10-80 ms on every page measured, and
  // reaches the page's own message listeners. The event alone does the job.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (!document.body) return;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const { signal } = controller;

    // The settings are a round trip to the browser; finding references needs no settings, so the
    // first slices run while the answer is on its way, and marking waits for it.
    const settingsRead = readSettings();
    const annotator = new Annotator(POPOVER_HOST, signal, loadedAt);
    const started = annotator.start(
      document.body,
      settingsRead.then((settings) => {
        // The reader switched Eurefs off here: not a mark, not a listener.
        if (isSiteDisabled(settings, location.hostname)) {
          controller.abort();
          return false;
        }
        annotator.applySettings(settings);
        const removeMarkStyles = adoptMarkStyles();
        signal.addEventListener('abort', removeMarkStyles);
        return true;
      }),
    );
    if (!(await settingsRead.then((settings) => !isSiteDisabled(settings, location.hostname)))) return;

    browser.runtime.onMessage.addListener((raw: unknown) => {
      if (signal.aborted) return undefined;
      const parsed = toContentSchema().safeParse(raw);
      if (!parsed.success) return undefined;
      const message = parsed.data;
      switch (message.type) {
        case 'list-references':
          return annotator.ready.then(() => annotator.listReferences());
        case 'reveal':
          return Promise.resolve(annotator.reveal(message.id));
      }
    });

    const core = {
      referenceOf: (mark: HTMLElement) => annotator.referenceOf(mark),
      isShown: (reference: Parameters<Annotator['isShown']>[0]) => annotator.isShown(reference),
      signal,
    };
    publishCore(core);
    loadUiOnFirstIntent(core);
    onSettingsChanged((changed) => {
      annotator.applySettings(changed);
      if (isSiteDisabled(changed, location.hostname)) controller.abort();
    }, signal);

    await started;
    // Reading history (issue #7): one message per page, once the first scan and lookup are done;
    // the background decides by the reader's per-site switch whether to keep it.
    recordVisitWhenReady(annotator, signal);
  },
});
