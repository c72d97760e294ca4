// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLANCE_MAX_ELEMENTS, holdsDocumentLink, mayHoldReferenceAtAGlance, readableText } from '../../../../in-page/lookout/glance';
import { collectTextBlocks } from '../../../../in-page/marks/text-blocks';

const HOST = 'eurefs-popover';

function body(html: string): HTMLElement {
  document.designMode = 'off';
  document.body.innerHTML = html;
  return document.body;
}

/** What the walk finds: the blocks that pass the prefilter. */
const walkFinds = (root: Element) => collectTextBlocks(root, HOST).length > 0;

describe('the glance reads the text the walk reads', () => {
  it('leaves out scripts, styles, form fields, editable text and its own popover', () => {
    const root = body(
      '<p>Before <script>var d = "2017/541";</script>after.</p><style>.x{}</style><textarea>COM(2017) 5</textarea>' +
        '<div contenteditable="TRUE">Directive 2016/680</div><eurefs-popover>C(2018) 1177</eurefs-popover><p>End</p>',
    );
    expect(readableText(root, HOST)).toBe('Before after.End');
    expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(false);
    expect(walkFinds(root)).toBe(false);
  });

  it('keeps text of elements the walk enters: contenteditable="false", comments dropped', () => {
    const root = body('<p contenteditable="false">COM(2017)<!-- 1/2 --> 793</p>');
    expect(readableText(root, HOST)).toBe('COM(2017) 793');
    expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(true);
  }, 60_000);

  it('joins the text on both sides of a skipped element, as the walk joins a block', () => {
    const root = body('<p>Directive (EU) 2017/<script>ignored()</script>541 and COM(<svg><text>x</text></svg>2017) 793</p>');
    expect(readableText(root, HOST)).toBe('Directive (EU) 2017/541 and COM(2017) 793');
    expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(true);
    expect(walkFinds(root)).toBe(true);
  });

  it('skips nested skipped elements once', () => {
    const root = body('<p>a<noscript><p>1/2</p><textarea>3/4</textarea></noscript>b<select><option>5/6</option></select>c</p>');
    expect(readableText(root, HOST)).toBe('abc');
  });

  it('reads nothing inside a skipped root or a document in design mode', () => {
    const root = body('<textarea>COM(2017) 793 final</textarea>');
    expect(mayHoldReferenceAtAGlance(root.querySelector('textarea')!, HOST)).toBe(false);
    body('<p>COM(2017) 793 final</p>');
    document.designMode = 'on';
    expect(mayHoldReferenceAtAGlance(document.body, HOST)).toBe(false);
    expect(walkFinds(document.body)).toBe(false);
    document.designMode = 'off';
  });

  it('leaves a subtree too large for one short task to the walk', () => {
    const root = body('<p>1 2 3</p>'.repeat(GLANCE_MAX_ELEMENTS + 1));
    expect(readableText(root, HOST)).toBeNull();
    expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(true);
  });

  it('still glances at a subtree of exactly the largest size', () => {
    const root = body(`${'<i></i>'.repeat(GLANCE_MAX_ELEMENTS - 1)}<p>1 2 3</p>`);
    expect(readableText(root, HOST)).toBe('1 2 3');
    expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(false);
    // jsdom's ranges over 8,000 siblings take seconds where Chromium takes milliseconds.
  }, 60_000);
});

/** Pieces of references and of plain text, to be cut up by markup the walk skips or enters. */
const TEXT = fc.constantFrom(
  'COM(2017) 793 final', 'C(2018) 1177', 'Directive (EU) 2017/541', '2018/0105(COD)', 'CELEX:32016R0679',
  'COM:2017:663', '32016R0679', 'SWD (2018) 5', 'COM 2017 (555)', 'Article 5(3)', '12 December 2017',
  'EUR 12 000', '(b)', 'point (c)', ' ', '\n  ', 'Regulation', 'No 45', '/', '(', ')', '20', '17', '5', 'final',
);
const SKIPPED_TAGS = ['script', 'style', 'textarea', 'noscript', 'title', HOST];
const ENTERED_TAGS = ['b', 'span', 'a', 'p', 'div', 'li', 'td'];

type Tree = { text: string } | { tag: string; attrs: string; children: Tree[] };

const REFERENCES = ['COM(2017) 793 final', 'Directive (EU) 2017/541', 'C(2018) 1177', 'CELEX:32016R0679', '32016R0679', 'COM:2017:663'];

/** A reference cut in two with markup between the halves: skipped (text and all) or entered. */
const cutReference: fc.Arbitrary<Tree> = fc
  .record({
    reference: fc.constantFrom(...REFERENCES),
    at: fc.nat(),
    between: fc.record({
      tag: fc.constantFrom(...SKIPPED_TAGS, 'b', 'span'),
      attrs: fc.constantFrom('', ' contenteditable', ' data-euref="x"'),
      children: fc.constantFrom<Tree[]>([{ text: ' 9/9 ' }], [{ text: 'x' }], []),
    }),
  })
  .map(({ reference, at, between }): Tree => {
    const cut = 1 + (at % (reference.length - 1));
    return { tag: 'span', attrs: '', children: [{ text: reference.slice(0, cut) }, between, { text: reference.slice(cut) }] };
  });

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT.map((text) => ({ text })),
    cutReference,
    fc.record({
      tag: fc.constantFrom(...SKIPPED_TAGS, ...ENTERED_TAGS, ...ENTERED_TAGS),
      attrs: fc.constantFrom('', '', '', ' contenteditable', ' contenteditable="false"', ' data-euref="x"'),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
})).node;

function render(node: Tree): string {
  if ('text' in node) return node.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // Elements whose content the parser reads as raw text hold text only.
  const raw = ['script', 'style', 'textarea', 'title'].includes(node.tag);
  const inner = raw ? node.children.map((child) => ('text' in child ? child.text : '')).join('') : node.children.map(render).join('');
  return `<${node.tag}${node.attrs}>${inner}</${node.tag}>`;
}

describe('the glance never rules out what the walk would find', () => {
  it('holds on random markup cutting references up', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), (nodes) => {
        const root = body(nodes.map(render).join(''));
        if (walkFinds(root)) expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(true);
        for (const element of root.querySelectorAll('*')) {
          if (walkFinds(element)) expect(mayHoldReferenceAtAGlance(element, HOST)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // 400 jsdom documents: seconds on a busy 2-core machine, past vitest's 5 s default.
  }, 60_000);

  it('rules a page out exactly when its readable text fails the prefilter', () => {
    const root = body('<p>Article 5(3) applies from 12 December 2017.</p><p>(b) within 30 days<script>x="1/2"</script></p>');
    expect(mayHoldReferenceAtAGlance(root, HOST)).toBe(false);
    expect(walkFinds(root)).toBe(false);
  });
});

describe('a page whose only references are links', () => {
  it('is seen by its links, whose text and page hold nothing the walk would find', () => {
    const root = body('<p>Die <a href="https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679">Datenschutz-Grundverordnung</a> gilt.</p>');
    expect(walkFinds(root)).toBe(false);
    expect(holdsDocumentLink(root)).toBe(true);
    for (const href of ['./legal-content/EN/TXT/?uri=COM:2016:731:FIN', '/eli/reg/2018/1240/oj', 'https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=2017/0351(COD)'])
      expect(holdsDocumentLink(body(`<a href="${href}">a link</a>`)), href).toBe(true);
  });

  it('is not seen in links that name no document', () => {
    expect(holdsDocumentLink(body('<a href="/homepage.html">Home</a> <a href="https://example.org/?reference=1">x</a>'))).toBe(false);
  });
});
