/**
 * Brings in the popover's script on the reader's first sign of wanting it: the pointer over a
 * reference, or keyboard focus on one. Until then a page pays nothing for the popover (Preact,
 * Floating UI, the full schemas: most of Eurefs' code), which is what keeps the content script
 * cheap on the many pages a reader only scrolls through (issue #8). Only the reader's own events
 * count (`isTrusted`): a page's script dispatching mouseover on a mark loads nothing.
 */
import { postToBackground } from '../../messaging/post-to-background';
import { pageToBackground } from '../../messaging/page-to-background';
import { MARK_ATTRIBUTE } from '../marks/text-blocks';
import type { PageCore } from '../contract';

/**
 * With the attribute, not `:hover` alone: in quirks mode, a selector of `:hover` alone matches
 * links only, and EUR-Lex serves its documents with an HTML 4.0 Transitional doctype (quirks), so
 * the reader's first hover there never opened the popover.
 */
const STILL_HOVERED = `[${MARK_ATTRIBUTE}]:hover`;

type Intent = { kind: 'hover'; mark: HTMLElement; since: number } | { kind: 'focus'; mark: HTMLElement };

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(`[${MARK_ATTRIBUTE}]`) : null;
}

/**
 * Listens for the first intent, and returns what the keyboard shortcut calls once it moved focus
 * to `mark`: the reader's own intent too (only the extension sends the shortcut's message), which
 * opens the popover whether or not the browser told the page of the focus (it does not while the
 * reader's focus is in the browser's own toolbar).
 */
export function loadUiOnFirstIntent(core: PageCore, load: () => Promise<unknown> = requestUi): (mark: HTMLElement) => void {
  const listening = new AbortController();
  core.signal.addEventListener('abort', () => listening.abort());
  let loading = false;
  let last: Intent | null = null;

  const start = async () => {
    if (loading) return;
    loading = true;
    try {
      const answer = pageToBackground()['load-ui'].answer.parse(await load());
      if (!answer.loaded || !core.ui) throw new Error(answer.error ?? 'the popover did not start');
    } catch (error) {
      // The next hover tries again (the background may have been restarting).
      loading = false;
      console.warn('Eurefs: could not load the popover', error);
      return;
    }
    listening.abort();
    // The popover listens for itself from now on; hand it the intent that brought it here, if
    // the reader is still on that reference.
    const intent = last;
    if (intent?.kind === 'focus' && document.activeElement === intent.mark) core.ui.focus(intent.mark);
    else if (intent?.kind === 'hover' && intent.mark.matches(STILL_HOVERED)) core.ui.hover(intent.mark, intent.since);
  };

  const options = { capture: true, signal: listening.signal } as const;
  document.addEventListener(
    'mouseover',
    (event) => {
      const mark = event.isTrusted ? markOf(event.target) : null;
      if (!mark) return;
      last = { kind: 'hover', mark, since: performance.now() };
      void start();
    },
    options,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const mark = event.isTrusted ? markOf(event.target) : null;
      if (!mark) return;
      last = { kind: 'focus', mark };
      void start();
    },
    options,
  );
  return (mark) => {
    if (core.ui) return core.ui.focus(mark);
    last = { kind: 'focus', mark };
    void start();
  };
}

function requestUi(): Promise<unknown> {
  return postToBackground({ type: 'load-ui' });
}
