/**
 * The text of an HTML file as a reader sees it: markup, scripts and styles gone, entities
 * decoded, and a line break between blocks so that words of two paragraphs never run together.
 * `refs` reports offsets into this text.
 */
import { parseHTML } from 'linkedom';

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
