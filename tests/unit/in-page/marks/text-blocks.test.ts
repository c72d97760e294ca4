import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockNodes, collectTextBlocks, createTextBlockCollector, MAY_HOLD_REFERENCE } from '../../../../in-page/marks/text-blocks';
import { installPageDom } from '../scanner/page-dom';

/** The prefilter as first written, case-insensitive under Unicode folding. */
const WITH_FLAGS = new RegExp(MAY_HOLD_REFERENCE.source.replace('mnckdMNCKD\\u212a', 'mnckd').replace(/%3\[aA\]/g, '%3a').replace('a-zA-Z\\u017f\\u212a', 'a-z'), 'iu');

describe('the prefilter without flags', () => {
  it('is the iu form spelled out', () => {
    expect(MAY_HOLD_REFERENCE.flags).toBe('');
    expect(WITH_FLAGS.source).toBe(String.raw`\d\/\d|[mnckd]\s*\(\s*\d\d|(?:19|20)\d\d\s*\(\s*\d|(?::|%3a)\d{4}(?::|%3a)\d|[035](?:19|20)\d\d[a-z]{1,2}\d{4}`);
  });

  it('matches every character the iu form matches in each letter position', () => {
    // Every code point of the Basic Multilingual Plane in place of the letters.
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`${c}(2017`, `32016${c}0679`, `32016a${c}0679`, `CELEX%3${c}2016%3a1`]) {
        if (WITH_FLAGS.test(text) !== MAY_HOLD_REFERENCE.test(text)) expect.fail(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
  });

  it('agrees with the iu form on mixed text', () => {
    const piece = fc.constantFrom('COM', 'com', 'C', 'K', '\u212a', '\u017f', '(', ' ', '\u00a0', '2017', '19', '/', ':', '%3A', '%3a', 'R', 'r', '0679', 'x', '5');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(MAY_HOLD_REFERENCE.test(text)).toBe(WITH_FLAGS.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});

/*
 * The collector against the walk it stands for, written out plainly: the text nodes under the
 * root in document order (what is skipped left out), in runs of the same nearest block element,
 * each run a block where the prefilter passes its text. The collector reads a paragraph with one
 * `textContent` where nothing in it is skipped or a block, keeps a block's first and last nodes,
 * and reads its nodes again for marking (`blockNodes`): every shape of page must come out the same.
 */
const BLOCK_TAGS = new Set(['p', 'div', 'td', 'li', 'body']);
const isSkippedHere = (element: Element) =>
  ['script', 'textarea', 'eurefs-popover'].includes(element.localName) || element.hasAttribute('data-euref') || element.getAttribute('contenteditable') === 'true';

function plainWalk(root: Element): { runs: Text[][]; links: Element[] } {
  const runs: Text[][] = [];
  const links: Element[] = [];
  let run: Text[] = [];
  let runBlock: Node | null = null;
  const visit = (node: Node, block: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if ((child as Text).data === '') continue;
        if (block !== runBlock) {
          if (run.length) runs.push(run);
          run = [];
          runBlock = block;
        }
        run.push(child as Text);
      } else if (child.nodeType === 1 && !isSkippedHere(child as Element)) {
        if ((child as Element).localName === 'a' && (child as Element).hasAttribute('href')) links.push(child as Element);
        visit(child, BLOCK_TAGS.has((child as Element).localName) && child.firstChild ? child : block);
      }
    }
  };
  visit(root, root);
  if (run.length) runs.push(run);
  return { runs: runs.filter((nodes) => MAY_HOLD_REFERENCE.test(nodes.map((n) => n.data).join(''))), links };
}

type Shape = string | { tag: string; children: Shape[] };
const TEXTS = ['COM(2017) 793', ' final', '2016/679', 'Article 5', ' ', '', 'x', 'C(2018) 1177'];
const TAGS = ['p', 'div', 'td', 'li', 'b', 'span', 'a href', 'script', 'textarea', 'span data-euref', 'div contenteditable', 'eurefs-popover'];
const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

function build(document: Document, parent: Node, node: Shape): void {
  if (typeof node === 'string') {
    parent.appendChild(document.createTextNode(node));
    return;
  }
  const [tag, attribute] = node.tag.split(' ');
  // A table cell parsed outside a table would be dropped; built here, it stays where it is put.
  const element = document.createElement(tag!);
  if (attribute === 'href') element.setAttribute('href', '#n1');
  else if (attribute === 'contenteditable') element.setAttribute('contenteditable', 'true');
  else if (attribute) element.setAttribute(attribute, 'COM(2000) 1');
  parent.appendChild(element);
  for (const child of node.children) build(document, element, child);
}

describe('the collector reads what the plain walk reads', () => {
  beforeAll(installPageDom);

  it('the same blocks, texts, nodes and links, on any shape of page', () => {
    fc.assert(
      fc.property(fc.array(shape, { maxLength: 6 }), (shapes) => {
        const { document } = parseHTML('<html><body></body></html>');
        for (const node of shapes) build(document, document.body, node);
        const expected = plainWalk(document.body);
        const links: Element[] = [];
        const blocks = createTextBlockCollector(document.body, 'eurefs-popover', (link) => links.push(link)).next(Infinity);
        expect(blocks.map((block) => block.text)).toEqual(expected.runs.map((nodes) => nodes.map((n) => n.data).join('')));
        for (const [i, block] of blocks.entries()) {
          const nodes = blockNodes(block, 'eurefs-popover');
          expect(nodes?.nodes).toEqual(expected.runs[i]);
          expect(nodes?.starts).toEqual(expected.runs[i]!.map((_, j) => expected.runs[i]!.slice(0, j).reduce((sum, n) => sum + n.data.length, 0)));
        }
        expect(links).toEqual(expected.links);
      }),
      { numRuns: 400 },
    );
  });

  it('reads no nodes back where the page changed a block\'s text since', () => {
    const { document } = parseHTML('<html><body><p>See COM(2017) <b>793</b> final.</p><p>And COM(2016) 731.</p></body></html>');
    const [first, second] = collectTextBlocks(document.body, 'eurefs-popover');
    expect(blockNodes(first!, 'eurefs-popover')?.nodes.map((n) => n.data)).toEqual(['See COM(2017) ', '793', ' final.']);
    // The middle node, which neither end's check sees.
    document.querySelector('b')!.firstChild!.textContent = '794';
    expect(blockNodes(first!, 'eurefs-popover')).toBeNull();
    // Gone from the page.
    document.querySelectorAll('p')[1]!.remove();
    expect(blockNodes(second!, 'eurefs-popover')).toBeNull();
  });

  it('reads no nodes back where part of a block has been marked since', () => {
    const { document } = parseHTML('<html><body><p>See COM(2017) <b>793</b> final.</p></body></html>');
    const [block] = collectTextBlocks(document.body, 'eurefs-popover');
    const b = document.querySelector('b')!;
    const mark = document.createElement('span');
    mark.setAttribute('data-euref', 'COM(2017) 793');
    b.replaceWith(mark);
    mark.appendChild(b);
    expect(blockNodes(block!, 'eurefs-popover')).toBeNull();
  });
});
