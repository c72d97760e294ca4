/**
 * The popover's place in the page: a custom element at the end of <body> with an open shadow
 * root, shaped as WXT's createShadowRootUi shapes it (html > head + body), so the page's styles
 * stay out and the tests' locators still pierce it. Keys typed into a note stop at the shadow's
 * body: they must not reach the page's own shortcuts.
 */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
}

export function mountShadowHost(name: string, signal: AbortSignal): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const container = document.createElement('body');
  html.append(head, container);
  shadow.append(html);
  for (const type of ['keydown', 'keyup', 'keypress']) {
    container.addEventListener(type, (event) => event.stopPropagation());
  }
  document.body.append(host);
  signal.addEventListener('abort', () => host.remove());
  return { host, shadow, container };
}
