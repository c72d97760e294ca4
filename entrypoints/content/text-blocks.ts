/**
 * Collects the page's text as blocks: the text nodes under one block-level element, in document
 * order, joined, so that a reference split across inline elements (`COM(2017) <b>793</b> final`)
 * reads as one string. Offsets into a block's text map back to (text node, offset).
 */

/** Elements whose text is never ours to touch: code, form fields, hidden templates. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME',
  'OBJECT', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Boundaries across which a reference cannot run (a table cell, a paragraph, a list item). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BUTTON',
]);

export const MARK_ATTRIBUTE = 'data-euref';

export interface TextBlock {
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text` */
  starts: number[];
  text: string;
}

function isSkipped(element: Element, ownHost: string): boolean {
  if (SKIPPED.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute(MARK_ATTRIBUTE)) return true;
  if (element.localName === ownHost) return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return false;
}

function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root) {
    if (current.nodeType === Node.ELEMENT_NODE && BLOCKS.has((current as Element).tagName.toUpperCase())) {
      return current;
    }
    current = current.parentNode;
  }
  return root;
}

/** True when text can contain a reference at all: digits are in every form we know. */
const MAY_HOLD_REFERENCE = /\d/;

export function collectTextBlocks(root: Node, ownHost: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkipped(node as Element, ownHost) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let current: TextBlock | null = null;
  let currentBlock: Node | null = null;
  let textLength = 0;
  const parts: string[] = [];
  const flush = () => {
    if (current) {
      current.text = parts.join('');
      if (MAY_HOLD_REFERENCE.test(current.text)) blocks.push(current);
    }
    parts.length = 0;
  };
  // A root that is itself inside a skipped element (a mutation inside a textarea) yields nothing.
  for (let el = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, ownHost)) return blocks;
  }
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    return MAY_HOLD_REFERENCE.test(text.data) ? [{ nodes: [text], starts: [0], text: text.data }] : [];
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0) continue;
    const block = blockOf(text, root);
    if (block !== currentBlock || !current) {
      flush();
      current = { nodes: [], starts: [], text: '' };
      currentBlock = block;
      textLength = 0;
    }
    current.nodes.push(text);
    current.starts.push(textLength);
    parts.push(text.data);
    textLength += text.data.length;
  }
  flush();
  return blocks;
}
