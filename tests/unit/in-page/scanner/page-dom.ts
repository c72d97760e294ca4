/**
 * What the scanner's unit tests need of a page that linkedom lacks: the DOM's global `Node` (the
 * scanner names node types through it, as in a page) and Text#splitText, as the standard defines it.
 */
import { parseHTML } from 'linkedom';

export function installPageDom(): void {
  const { Node, document } = parseHTML('<html><body></body></html>');
  (globalThis as { Node?: unknown }).Node ??= Node;
  const text = Object.getPrototypeOf(document.createTextNode('')) as { splitText?: (this: Text, offset: number) => Text };
  text.splitText ??= function (this: Text, offset: number): Text {
    const rest = this.ownerDocument.createTextNode(this.data.slice(offset));
    this.data = this.data.slice(0, offset);
    this.parentNode?.insertBefore(rest, this.nextSibling);
    return rest;
  };
}
