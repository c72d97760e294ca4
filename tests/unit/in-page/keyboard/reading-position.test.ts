// @vitest-environment jsdom
/**
 * Where the shortcut starts from: focus, else the selection, else the window's top; focus or a
 * selection scrolled out of view count for nothing; focus in the popover stands for its reference.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readingPosition, type PositionSources } from '../../../../in-page/keyboard/reading-position';

/** Lays the page out: each element's top in the window, 20 px high (jsdom lays out nothing). */
function layout(tops: Map<Element, number>) {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const top = tops.get(this) ?? tops.get(this.parentElement!) ?? -1000;
    return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  });
}

const sources = (last: HTMLElement | null = null): PositionSources => ({ isOwnHost: (el) => el.localName === 'eurefs-popover', lastMark: () => last });

function setUp() {
  document.body.innerHTML = `<p id="far">Far above <a id="far-link" href="#">link</a></p><p id="here">Here <a id="link" href="#">link</a> <span id="mark" data-euref="A" tabindex="-1">COM(2017) 793</span></p><eurefs-popover></eurefs-popover>`;
  const $ = (id: string) => document.getElementById(id)!;
  layout(new Map<Element, number>([[$('far'), -900], [$('far-link'), -900], [$('here'), 100], [$('link'), 100], [$('mark'), 100], [document.querySelector('eurefs-popover')!, 130]]));
  return $;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.getSelection()?.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur();
});

describe('where the reader is', () => {
  it('is the focused element, while it is in view', () => {
    const $ = setUp();
    $('link').focus();
    expect(readingPosition(document, sources())).toEqual({ kind: 'node', node: $('link') });
    $('far-link').focus();
    expect(readingPosition(document, sources())).toEqual({ kind: 'viewport' });
  });

  it('is the reference the popover shows, while focus is in the popover', () => {
    const $ = setUp();
    const host = document.querySelector<HTMLElement>('eurefs-popover')!;
    host.tabIndex = 0;
    host.focus();
    expect(readingPosition(document, sources($('mark')))).toEqual({ kind: 'node', node: $('mark') });
  });

  it('is the end of the selection with nothing focused, and the top of the window once it is out of view', () => {
    const $ = setUp();
    const text = $('here').firstChild!;
    document.getSelection()!.collapse(text, 2);
    expect(readingPosition(document, sources())).toEqual({ kind: 'node', node: text });
    document.getSelection()!.collapse($('far'), 1);
    expect(readingPosition(document, sources())).toEqual({ kind: 'viewport' });
  });

  it('is the top of the window with nothing focused or selected', () => {
    setUp();
    expect(readingPosition(document, sources())).toEqual({ kind: 'viewport' });
  });
});
