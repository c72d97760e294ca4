/**
 * The text of an HTML file, two ways. `htmlPageText` is what a browser gives as
 * `document.body.textContent` for the file (jsdom parses it as a browser does), with the text
 * blocks the page scanner reads in it: `refs` finds references block by block, as the scanner
 * does, and reports offsets into that text, the same offsets the reading history and the CSV
 * export record. `htmlToText` is a reader's view for the grammar's golden record: markup,
 * scripts and styles gone, entities decoded, a line break between blocks.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { blockNodes, collectTextBlocks } from '../in-page/marks/text-blocks';
import { POPOVER_HOST } from '../in-page/contract';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MinimalNode>;
}

export function htmlToText(html: string): string {
  // linkedom builds no body for a fragment; a browser would, so give it one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const visit = (node: MinimalNode) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) parts.push('\n');
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i]!);
    if (block) parts.push('\n');
  };
  const root = (document.body ?? document.documentElement) as unknown as MinimalNode | null;
  if (root) visit(root);
  return parts.join('');
}

/** A block of the page's text (text-blocks.ts), and where its characters stand in the body's text. */
export interface PageTextBlock {
  text: string;
  /** the offset in `document.body.textContent` of the block's character at `offset` */
  at(offset: number): number;
}

export interface PageText {
  /** `document.body.textContent` */
  text: string;
  blocks: PageTextBlock[];
}

export function htmlPageText(html: string): PageText {
  // A console of its own, unwired: the pages' own stylesheet and script errors are not ours to print.
  const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const body = window.document.body;
  const nodeStart = new Map<Node, number>();
  const walker = window.document.createTreeWalker(body, window.NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodeStart.set(node, length);
    length += (node as Text).data.length;
  }
  // text-blocks.ts reads the node-type constants from the global `Node`, which a page has and
  // Node.js has not: lend it jsdom's for the walk.
  const global = globalThis as { Node?: unknown };
  const had = 'Node' in global;
  const previous = global.Node;
  global.Node = window.Node;
  let collected;
  try {
    collected = collectTextBlocks(body, POPOVER_HOST).map((block) => ({ text: block.text, ...blockNodes(block, POPOVER_HOST)! }));
  } finally {
    if (had) global.Node = previous;
    else delete global.Node;
  }
  const blocks = collected.map(({ nodes, starts, text }): PageTextBlock => ({
    text,
    at(offset: number) {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
      return nodeStart.get(nodes[i]!)! + offset - starts[i]!;
    },
  }));
  return { text: body.textContent ?? '', blocks };
}
