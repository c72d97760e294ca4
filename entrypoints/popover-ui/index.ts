import { publishedCore } from '../../in-page/contract';
import { mountPopover } from '../../in-page/popover/mount';

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
  core.ui = mountPopover(core);
});
