import popoverCss from '../../in-page/popover/popover.css?inline';
import { adoptStyles } from '../../in-page/styles';
import { POPOVER_HOST, publishedCore } from '../../in-page/contract';
import { LookupClient } from '../../in-page/popover/lookup-client';
import notesFrameCss from '../../in-page/popover/notes-frame.css?inline';
import { PopoverController } from '../../in-page/popover/controller';
import { mountShadowHost } from '../../in-page/popover/shadow-host';

/**
 * The popover's script. Not a content script of the manifest: the background injects it into a
 * page (same isolated world as the content script) when the reader first hovers or focuses a
 * reference there (in-page/popover/load-on-first-intent.ts). It finds the content script's offer on the
 * global object, mounts the shadow root, and answers with the popover's two entry points.
 */
export default defineUnlistedScript(() => {
  const core = publishedCore();
  // Injected twice (two quick intents), or into a page the content script never ran on: nothing to do.
  if (!core || core.ui || core.signal.aborted) return;
  const surface = mountShadowHost(POPOVER_HOST, core.signal);
  // All styles go in as constructed stylesheets: a <style> element would fall to a strict CSP.
  adoptStyles(surface.shadow, `${popoverCss}\n${notesFrameCss}`);
  const lookups = new LookupClient();
  const popover = new PopoverController(
    { host: surface.host, container: surface.container },
    {
      referenceOf: (mark) => core.referenceOf(mark),
      documentOf: (id) => lookups.get(id),
      resolve: (ids) => lookups.resolve(ids),
      isShown: (reference) => core.isShown(reference),
      unreachable: (id) => lookups.unreachable(id),
    },
  );
  popover.attach(core.signal);
  core.ui = {
    hover: (mark, since) => popover.hover(mark, since),
    focus: (mark) => popover.focus(mark),
  };
});
