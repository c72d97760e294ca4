/**
 * A page's own scripts can click anything in the popover's open shadow root, but the events they
 * make are not trusted: the popover acts only on the reader's own clicks and keys (a key on a
 * button is a trusted click too). A synthetic click on a link must not navigate either.
 */
export function trusted<E extends Event>(act: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) act(event);
    else event.preventDefault();
  };
}

/** A plain link of the popover: the reader's click follows it, a page script's goes nowhere. */
export const onlyTrustedNavigation = trusted<MouseEvent>(() => undefined);
