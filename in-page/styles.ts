/**
 * Styles for a shadow root of Eurefs' own (the popover's). Applied as a constructed stylesheet:
 * CSSOM is not subject to a page's Content-Security-Policy, where an inserted <style> element
 * would be blocked. The marks' styles come with the content scripts instead (marks/marks.css).
 */
export function adoptStyles(target: ShadowRoot, cssText: string): () => void {
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
    target.append(style);
    return () => style.remove();
  }
}
