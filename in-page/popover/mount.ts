import popoverCss from './popover.css?inline';
import notesFrameCss from './notes-frame.css?inline';
import { adoptStyles } from '../styles';
import { POPOVER_HOST, type PageCore, type PopoverUi } from '../contract';
import { LookupClient } from './lookup-client';
import { PopoverController } from './controller';
import { mountShadowHost } from './shadow-host';
import { openReport } from './report-client';
import { PopoverWords } from './words';

/**
 * Mounts the one popover of a document over what its scanner offers (`core`), and returns the
 * popover's two entry points. For the popover's script in a web page (entrypoints/popover-ui) and
 * for the report page, where no script is injected (entrypoints/report).
 */
export function mountPopover(core: PageCore): PopoverUi {
  const surface = mountShadowHost(POPOVER_HOST, core.signal);
  // All styles go in as constructed stylesheets: a <style> element would fall to a strict CSP.
  adoptStyles(surface.shadow, `${popoverCss}\n${notesFrameCss}`);
  const lookups = new LookupClient();
  const words = new PopoverWords();
  const popover = new PopoverController(
    { host: surface.host, container: surface.container },
    {
      referenceOf: (mark) => core.referenceOf(mark),
      documentOf: (id) => lookups.get(id),
      resolve: (ids) => lookups.resolve(ids),
      isShown: (reference) => core.isShown(reference),
      unreachable: (id) => lookups.unreachable(id),
      openReport: (passage) => void openReport(passage),
      words: () => words.current,
    },
  );
  popover.attach(core.signal);
  words.follow(core.signal, () => popover.refresh());
  return {
    hover: (mark, since) => popover.hover(mark, since),
    focus: (mark) => popover.focus(mark),
  };
}
