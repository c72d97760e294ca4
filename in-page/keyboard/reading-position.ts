/**
 * Where the reader is on the page, for the shortcuts: what has keyboard focus, else the end of
 * what they selected (or the caret, where they clicked), else the top of the window. Focus or a
 * selection the reader has since scrolled away from no longer says where they read: then the
 * window does.
 */
import type { ReadingPosition } from './next-reference';

export interface PositionSources {
  /** Eurefs' own hosts in the page (the popover's): focus inside one is on the reference it shows */
  isOwnHost(element: Element): boolean;
  /** the reference the reader last moved to or focused, which the popover belongs to */
  lastMark(): HTMLElement | null;
}

function inView(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return false;
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  return rect.bottom >= 0 && rect.top <= window.innerHeight;
}

/** The node the selection ends at (or the caret is in), if the reader made one. */
function selectionNode(doc: Document): Node | null {
  const selection = doc.getSelection();
  const node = selection?.focusNode;
  if (!selection || !node || selection.rangeCount === 0) return null;
  if (node.nodeType === Node.TEXT_NODE) return node;
  // An element and an offset: the position is before its child at that offset.
  return node.childNodes[selection.focusOffset] ?? node;
}

export function readingPosition(doc: Document, sources: PositionSources): ReadingPosition {
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) {
    const node = sources.isOwnHost(active) ? sources.lastMark() : active;
    if (node?.isConnected && inView(node)) return { kind: 'node', node };
  }
  const selected = selectionNode(doc);
  if (selected && selected.isConnected && inView(selected)) return { kind: 'node', node: selected };
  return { kind: 'viewport' };
}
