/**
 * Tells screen readers where the shortcut went. Focus on the reference reads its text; the
 * popover beside it is not read, since focus stays on the reference. A polite live region in a
 * shadow root of Eurefs' own says the rest: which of the page's references this is, and what the
 * dataset says of it, public facts only (docs/ARCHITECTURE.md, "Page UI").
 */
import { mountShadowHost } from '../popover/shadow-host';

export const ANNOUNCER_HOST = 'eurefs-announcer';

/**
 * Screen readers announce a change to a live region they already know; a region made and
 * filled in the same moment is often not read at all. So the first message waits a little.
 */
const FIRST_MESSAGE_DELAY_MS = 150;

const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0';

export class Announcer {
  private region: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly signal: AbortSignal) {}

  say(message: string): void {
    const fresh = this.region === null || !this.region.isConnected;
    const region = fresh ? this.mount() : this.region!;
    clearTimeout(this.timer);
    // Emptied first, so that the same words twice (one reference, pressed twice) are read twice.
    region.textContent = '';
    this.timer = setTimeout(() => (region.textContent = message), fresh ? FIRST_MESSAGE_DELAY_MS : 50);
  }

  private mount(): HTMLElement {
    const { host, container } = mountShadowHost(ANNOUNCER_HOST, this.signal);
    // CSSOM, not a style attribute: a strict page CSP blocks the attribute, never the CSSOM.
    host.style.cssText = VISUALLY_HIDDEN;
    const region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    container.append(region);
    this.region = region;
    return region;
  }
}
