import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../../in-page/scanner/scan';

const SEARCH = 'https://eur-lex.europa.eu/search.html?text=ETIAS&scope=EURLEX&type=quick&lang=en';

/** A page as the reader would have it, at its real address (links resolve against it). */
function page(body: string, url = SEARCH): Document {
  return new JSDOM(`<!doctype html><html><head><title>Search</title></head><body>${body}</body></html>`, { url }).window.document;
}

beforeAll(() => {
  (globalThis as { Node?: unknown }).Node ??= new JSDOM('').window.Node;
});

const run = (doc: Document, pageDocument: string | null = null) =>
  scan(doc.body, { ownHost: 'eurefs-popover', signal: new AbortController().signal, pageDocument });

/** What a reader's eye sees marked: each mark's document and its text. */
const marks = (doc: Document) =>
  [...doc.querySelectorAll('[data-euref]')].map((mark) => [mark.getAttribute('data-euref'), mark.textContent?.trim()]);

describe('links that name a document only in their address', () => {
  it('marks a search result title as the document it links to, once, as the whole link', async () => {
    const doc = page(
      '<div class="SearchResult"><h2><a class="title" href="./../../../legal-content/EN/AUTO/?uri=CELEX:32018R1240&amp;qid=1">' +
        'Establishing a European Travel Information and <b>Authorisation</b> System (ETIAS)</a></h2>' +
        '<ul><li><a href="./legal-content/EN/TXT/?uri=COM:2016:731:FIN">Proposal for a legislative act</a></li>' +
        '<li><a href="/eli/reg/2018/1240/oj">ELI</a></li></ul></div>',
    );
    const found = await run(doc);
    expect(marks(doc)).toEqual([
      ['32018R1240', 'Establishing a European Travel Information and Authorisation System (ETIAS)'],
      ['COM(2016) 731', 'Proposal for a legislative act'],
      ['32018R1240', 'ELI'],
    ]);
    // the link is its own mark: no span inside it, no Tab stop added, the address untouched
    const title = doc.querySelector('a.title')!;
    expect(title.getAttribute('data-euref-link')).toBe('');
    expect(title.querySelector('span')).toBeNull();
    expect(title.hasAttribute('tabindex')).toBe(false);
    expect(title.getAttribute('href')).toBe('./../../../legal-content/EN/AUTO/?uri=CELEX:32018R1240&qid=1');
    expect(found.map((o) => [o.reference.id, o.marks.length])).toEqual([['32018R1240', 1], ['COM(2016) 731', 1], ['32018R1240', 1]]);
    expect(found[0]!.reference.type).toBe('regulation');
  });

  it('keeps the text marks of a link whose text names a document, the same one or another', async () => {
    const doc = page(
      '<p>See <a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679">Regulation (EU) 2016/679</a> and ' +
        '<a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32018R1240">COM(2016) 731 final</a>.</p>',
    );
    await run(doc);
    expect(marks(doc)).toEqual([
      ['32016R0679', 'Regulation (EU) 2016/679'],
      ['COM(2016) 731', 'COM(2016) 731 final'],
    ]);
    expect(doc.querySelectorAll('a[data-euref]')).toHaveLength(0);
  });

  it('leaves links to the page\'s own document, and links that name none, alone', async () => {
    const doc = page(
      '<p><a href="./../../../legal-content/SV/TXT/?uri=CELEX:32017R2403">SV</a> ' +
        '<a href="./../../../search.html?LP_LEGAL_BASIS=32017R2403&amp;lbStatus=CELEX">Legal basis</a> ' +
        '<a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"><img alt=""></a> ' +
        '<a href="./../../../legal-content/EN/AUTO/?uri=CELEX:52015PC0636">Proposal</a></p>',
      'https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:32017R2403',
    );
    await run(doc, '32017R2403');
    expect(marks(doc)).toEqual([['COM(2015) 636', 'Proposal']]);
  });

  it('marks German prose linking to the GDPR, and amendment markers, in page order with the text references', async () => {
    const doc = page(
      '<p>Nach der <a href="https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679">Datenschutz-Grundverordnung</a> ' +
        'gilt:</p><p>Die Richtlinie (EU) 2016/680 auch.</p>' +
        '<p><a href="https://eur-lex.europa.eu/legal-content/EN/AUTO/?uri=celex:32010L0078" class="modref">►M1</a> text</p>',
      'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02009L0065-20130620',
    );
    const found = await run(doc, '32009L0065');
    expect(found.map((o) => o.reference.id)).toEqual(['32016R0679', '32016L0680', '32010L0078']);
    expect(marks(doc)).toEqual([
      ['32016R0679', 'Datenschutz-Grundverordnung'],
      ['32016L0680', 'Richtlinie (EU) 2016/680'],
      ['32010L0078', '►M1'],
    ]);
  });

  it('marks a link added later once, and a second scan adds nothing', async () => {
    const doc = page('<ul id="results"></ul>');
    const list = doc.getElementById('results')!;
    list.innerHTML = '<li><a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679">General Data Protection Regulation</a></li>';
    expect((await scan(list.firstElementChild!.firstChild!, { ownHost: 'eurefs-popover', signal: new AbortController().signal })).length).toBe(1);
    expect(await run(doc)).toEqual([]);
    expect(marks(doc)).toEqual([['32016R0679', 'General Data Protection Regulation']]);
  });
});
