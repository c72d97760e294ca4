import { browser } from 'wxt/browser';
import noteEditorCss from '../../components/note-editor.css?inline';
import popoverCss from '../../components/popover.css?inline';
import { ToContentSchema } from '../../storage/protocol';
import { recordVisitWhenReady } from './record-visit';
import { Annotator } from './annotator';
import { adoptMarkStyles, adoptStyles } from './page-styles';
import { PopoverController } from './popover-controller';
import { onSettingsChanged, readSettings } from './settings-client';
import { isSiteDisabled } from '../../storage/settings';

const HOST_NAME = 'eurefs-popover';

export default defineContentScript({
  // EUR-Lex and the other europa.eu sites; other sites come later, by the reader's grant.
  matches: ['https://eur-lex.europa.eu/*', 'https://*.europa.eu/*'],
  // At document_end, right at DOMContentLoaded: document_idle would wait for Chrome's idle time
  // (up to the load event), and the scan runs in slices anyway, so starting early costs nothing.
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!document.body) return;
    const settings = await readSettings();
    // The reader switched Eurefs off here: not a mark, not a listener.
    if (isSiteDisabled(settings, location.hostname)) return;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const { signal } = controller;

    const removeMarkStyles = adoptMarkStyles();
    signal.addEventListener('abort', removeMarkStyles);

    const annotator = new Annotator(HOST_NAME, signal);
    annotator.applySettings(settings);
    // Marking starts before the popover exists: the reader sees marks first, hovers later.
    const started = annotator.start(document.body);

    browser.runtime.onMessage.addListener((raw: unknown) => {
      const parsed = ToContentSchema.safeParse(raw);
      if (!parsed.success) return undefined;
      const message = parsed.data;
      switch (message.type) {
        case 'list-references':
          return annotator.ready.then(() => annotator.listReferences());
        case 'reveal':
          return Promise.resolve(annotator.reveal(message.id));
      }
    });

    const ui = await createShadowRootUi(ctx, {
      name: HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // All styles go in through adoptStyles: a <style> element would fall to a strict CSP.
      inheritStyles: true,
      // Keys typed into a note must not reach the page's own shortcuts.
      isolateEvents: true,
      onMount: (container) => container,
    });
    ui.mount();
    adoptStyles(ui.shadow, `${popoverCss}\n${noteEditorCss}`);
    const popover = new PopoverController(
      { host: ui.shadowHost, container: ui.uiContainer },
      {
        referenceOf: (mark) => annotator.referenceOf(mark),
        documentOf: (id) => annotator.lookups.get(id),
        resolve: (ids) => annotator.lookups.resolve(ids),
        isShown: (reference) => annotator.isShown(reference),
      },
    );
    popover.attach(signal);
    annotator.setPopover(popover);
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
