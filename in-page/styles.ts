/**
 * The marks' look on the page. Applied as a constructed stylesheet: CSSOM is not subject to a
 * page's Content-Security-Policy, where an inserted <style> element would be blocked.
 */
const MARK_CSS = `
[data-euref] {
  text-decoration: underline dotted;
  text-decoration-thickness: 1.5px;
  text-underline-offset: 2px;
  cursor: help;
}
[data-euref]:focus-visible { outline: 2px solid #0b4fa8; outline-offset: 1px; border-radius: 2px; }
[data-euref].eurefs-flash { background: #ffe58a; color: #000; }
:root[data-eurefs-hide-untracked] [data-euref][data-euref-untracked] { text-decoration: none; cursor: auto; }
@media (prefers-reduced-motion: no-preference) {
  [data-euref] { transition: background-color 400ms ease-out; }
}
`;

export function adoptStyles(target: Document | ShadowRoot, cssText: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    return () => {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    // Firefox's content-script sandbox may refuse a sheet from another realm; fall back.
    const style = document.createElement('style');
    style.textContent = cssText;
    (target instanceof Document ? target.head ?? target.documentElement : target).append(style);
    return () => style.remove();
  }
}

export function adoptMarkStyles(): () => void {
  return adoptStyles(document, MARK_CSS);
}
