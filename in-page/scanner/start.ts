import { config as zodConfig } from 'zod/mini';
import { onPageMessage } from '../../messaging/to-page';
import { isSiteDisabled } from '../../storage/settings';
import { PageScanner } from './page-scanner';
import { STOPPED_ATTRIBUTE } from '../marks/mark';
import { recordVisits } from './record-visit';
import { onSettingsChanged, readSettings } from './settings-client';
import { followSettings } from './settings-follower';
import { POPOVER_HOST, publishCore, type SentinelOffer } from '../contract';
import { loadUiOnFirstIntent } from '../popover/load-on-first-intent';
import { yieldToPage } from '../yield';
import { referenceLabel } from '../../components/labels';
import { ReferenceNavigator } from '../keyboard/move-to-reference';
import { Announcer } from '../keyboard/announcer';
import { wordsOnFirstUse } from '../popover/words';


/**
 * The page scanner: finds, marks and looks up every reference, keeps marking as the page changes,
 * answers the popup, and brings in the popover on first use. It starts from what the content
 * script offers the page (contract.ts): the background injects it (entrypoints/page-scanner)
 * once the content script has seen text that could hold a reference, so a page with none never
 * loads the grammar or the schemas; on EUR-Lex's document pages, which all but always hold
 * references, it comes as a content script of its own (entrypoints/document-scanner.content.ts).
 */
export function startScanner(sentinel: SentinelOffer): void {
  // Injected twice, or into a page the content script never ran on: nothing to do.
  if (sentinel.scannerStarted || sentinel.signal.aborted || !document.body) return;
  // A content script may not eval: zod would otherwise try `new Function` on its first parse, and
  // the page's console would get a CSP violation for it.
  zodConfig({ jitless: true });
  const controller = new AbortController();
  sentinel.signal.addEventListener('abort', () => controller.abort());
  const { signal } = controller;

  // The settings are a round trip to the browser; finding references needs no settings, so the
  // first slices run while the answer is on its way, and marking waits for it.
  const followed = followSettings(readSettings(), (listener) => onSettingsChanged(listener, signal));
  const scanner = new PageScanner(POPOVER_HOST, signal, sentinel.loadedAt);
  const allowed = followed.initial.then((settings) => {
    // The reader switched Eurefs off here: not a mark, not a listener.
    if (isSiteDisabled(settings, location.hostname)) {
      controller.abort();
      return false;
    }
    scanner.applySettings(settings);
    // The marks' stylesheet stays with the page (it comes with the content scripts): marks this
    // scanner leaves behind when it stops lose their look (marks/marks.css), and a scanner that
    // may mark again gives it back. Only here, where marks may be made: a site switched off at
    // load keeps its root element as it was.
    document.documentElement.removeAttribute(STOPPED_ATTRIBUTE);
    signal.addEventListener('abort', () => document.documentElement.setAttribute(STOPPED_ATTRIBUTE, ''));
    return true;
  });
  // Evaluating this script is one task of 25-40 ms on a long page; the first slice of finding
  // (with the grammar's first compilation) in the same task made it a long one.
  const started = yieldToPage().then(() => scanner.start(document.body!, allowed));

  sentinel.scannerStarted = true;
  // The popup's questions come here, not to the content script: listening costs a page the
  // browser's extension API, which a page without references never touches. Until the scanner is
  // in, nobody answers, and the popup has it brought in (messaging/ask-page.ts).
  onPageMessage(
    {
      'list-references': () =>
        scanner.ready.then(() => scanner.lookUpThisPage()).then(() => scanner.listReferences()),
      reveal: ({ id }) => scanner.reveal(id),
      'move-to-reference': ({ direction }) => keyboard.then((navigator) => navigator?.move(direction) ?? { moved: false }),
    },
    signal,
  );

  const keyboard = allowed.then((yes) => {
    if (!yes) return null;
    const core = {
      referenceOf: (mark: HTMLElement) => scanner.referenceOf(mark),
      isShown: (reference: Parameters<PageScanner['isShown']>[0]) => scanner.isShown(reference),
      signal,
    };
    publishCore(core);
    const openPopover = loadUiOnFirstIntent(core);
    followed.follow((changed) => {
      scanner.applySettings(changed);
      if (isSiteDisabled(changed, location.hostname)) controller.abort();
    });
    // Reading history (issue #7): one message per visit, once the first scan and lookup are done,
    // and again for each address a single-page app moves to; the background decides by the
    // reader's per-site switch whether to keep it.
    void started.then(() => recordVisits(scanner, signal));
    return new ReferenceNavigator(
      {
        referenceOf: (mark) => scanner.referenceOf(mark),
        isShown: (reference) => scanner.isShown(reference),
        summaryOf: (reference) => scanner.lookups.get(reference.id),
        labelOf: (reference) => referenceLabel(reference),
        openPopover,
        isOwnHost: (element) => element.localName === POPOVER_HOST,
        waiting: () =>
          scanner.waitingMentions().map((waiting) => ({ anchor: waiting.anchor, reference: waiting.reference, markNow: () => scanner.markNow(waiting) })),
      },
      new Announcer(signal),
      wordsOnFirstUse(signal),
      signal,
    );
  });
}
