import popoverCss from '../../components/popover.css?inline';
import { adoptStyles } from '../content/page-styles';
import { POPOVER_HOST, publishedCore } from '../content/ui-contract';
import { LookupClient } from './lookup-client';
import notesFrameCss from './notes-frame.css?inline';
import { PopoverController } from './popover-controller';
import { mountShadowHost } from './shadow-host';

/**
 * The popover's script. Not a content script of the manifest: the background injects it into a
 * page (same isolated world as the content script) when the reader first hovers or focuses a
 * reference there (entrypoints/content/ui-loader.ts). It finds the content script's offer on the
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
