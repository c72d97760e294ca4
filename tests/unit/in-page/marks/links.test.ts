import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isLinkMark, linkReference, markLink } from '../../../../in-page/marks/links';

const PAGE = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02009L0065-20130620';
const link = (html: string) => {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`, { url: PAGE }).window;
  return document.querySelector('a')!;
};

describe('a link as a reference', () => {
  it('is the document its address names, with its text as the mention', () => {
    const reference = linkReference(link('<a href="./../../../legal-content/EN/AUTO/?uri=celex:32010L0078">►<b>M1</b></a>'), '32009L0065');
    expect(reference).toMatchObject({ id: '32010L0078', type: 'directive', text: '►M1', start: 0, end: 3 });
  });

  it('is nothing when it leads to the page\'s own document, names none, or its text names one', () => {
    expect(linkReference(link('<a href="https://eur-lex.europa.eu/legal-content/EN/AUTO/?uri=celex:32009L0065">►B</a>'), '32009L0065')).toBeNull();
    expect(linkReference(link('<a href="/homepage.html">Home</a>'), null)).toBeNull();
    expect(linkReference(link('<a href="?uri=CELEX:32016R0679">  </a>'), null)).toBeNull();
    expect(linkReference(link('<a href="?uri=CELEX:32016R0679">Regulation (EU) 2016/679</a>'), null)).toBeNull();
  });

  it("is nothing when it leads to a place in the page itself, even where the page's own document is not known", () => {
    expect(linkReference(link('<a href="#ntr1-L_2009302EN.01003201-E0001">(1)</a>'), null)).toBeNull();
    // a <base> elsewhere makes the same address another document's
    const { document } = new JSDOM(
      '<!doctype html><head><base href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"></head><body><a href="#d1e40">(1)</a></body>',
      { url: PAGE },
    ).window;
    expect(linkReference(document.querySelector('a')!, null)).toMatchObject({ id: '32016R0679', text: '(1)' });
  });

  it('keeps at most 1,000 characters of a long link text', () => {
    const reference = linkReference(link(`<a href="?uri=CELEX:32016R0679">${'x'.repeat(1500)}</a>`), null);
    expect(reference?.text).toHaveLength(1000);
  });

  it('is marked on the link itself, which keeps its address and focus, and is then not read again', () => {
    const a = link('<a href="/eli/reg/2018/1240/oj">ELI</a>');
    const mark = markLink(a, '32018R1240');
    expect(mark).toBe(a);
    expect(a.outerHTML).toBe('<a href="/eli/reg/2018/1240/oj" data-euref="32018R1240" data-euref-link="" class="eurefs-ref">ELI</a>');
    expect(isLinkMark(a)).toBe(true);
    expect(linkReference(a, null)).toBeNull();
  });
});
