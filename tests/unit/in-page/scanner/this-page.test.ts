import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readThisPage } from '../../../../in-page/scanner/this-page';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../../../scripts/shared-dir';

const doc = (head: string, body = '') => new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;
const ELI = 'http://data.europa.eu/eli/reg/2018/1240/oj';

if (!HAVE_FIXTURES) console.warn(`[this-page] ${NO_FIXTURES}`);

describe('the page the reader is on', () => {
  it.skipIf(!HAVE_FIXTURES)('reads the real EUR-Lex portal page of Regulation (EU) 2017/2403: in force, made on 12.12.2017', () => {
    const html = readFileSync(join(FIXTURES_DIR, '32017R2403-EN-ALL-portal-2018.html'), 'utf8');
    const page = new JSDOM(html).window.document;
    // its address, and, with an address that says nothing, its metadata alone
    for (const address of ['https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:32017R2403', 'https://eur-lex.europa.eu/saved.html']) {
      expect(readThisPage(page, address)).toEqual({
        id: '32017R2403',
        type: 'regulation',
        label: 'Regulation (EU) 2017/2403',
        inForce: true,
        dateDocument: '2017-12-12',
      });
    }
  });

  it.skipIf(!HAVE_FIXTURES)('reads an old LexUriServ page by its DC.identifier, and a consolidated text by its address', () => {
    const legacy = new JSDOM(readFileSync(join(FIXTURES_DIR, '32002F0584-DE-legacy-page.html'), 'utf8')).window.document;
    expect(readThisPage(legacy, 'https://eur-lex.europa.eu/saved.html')?.label).toBe('Framework Decision 2002/584');
    const consolidated = new JSDOM(readFileSync(join(FIXTURES_DIR, '02009L0065-EN-consolidated-body.html'), 'utf8')).window.document;
    expect(readThisPage(consolidated, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02009L0065-20130620')?.id).toBe('32009L0065');
  });

  it('says "not in force" where the metadata says so, and nothing where it is silent', () => {
    const notInForce = doc(`<meta about="${ELI}" property="eli:in_force" resource="http://data.europa.eu/eli/ontology#InForce-notInForce"/>`);
    expect(readThisPage(notInForce, 'https://eur-lex.europa.eu/eli/reg/2018/1240/oj')).toEqual({
      id: '32018R1240',
      type: 'regulation',
      label: 'Regulation (EU) 2018/1240',
      inForce: false,
    });
    expect(readThisPage(doc(''), 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2016:731:FIN')).toEqual({
      id: 'COM(2016) 731',
      type: 'com',
      label: 'COM(2016) 731',
    });
  });

  it('does not take metadata about another document for this one\'s', () => {
    const other = doc(
      `<meta about="http://data.europa.eu/eli/reg/2008/1006/oj" property="eli:in_force" resource="http://data.europa.eu/eli/ontology#InForce-notInForce"/>` +
        `<meta about="http://data.europa.eu/eli/reg/2008/1006/oj" property="eli:date_document" content="2008-09-29"/>`,
    );
    expect(readThisPage(other, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017R2403')).toEqual({
      id: '32017R2403',
      type: 'regulation',
      label: 'Regulation (EU) 2017/2403',
    });
  });

  it('is no document on a page that names none (a search, a home page)', () => {
    expect(readThisPage(doc('<title>Search results</title>'), 'https://eur-lex.europa.eu/search.html?text=ETIAS')).toBeNull();
    expect(readThisPage(doc('<meta property="eli:id_local" content="not a celex"/>'), 'https://home-affairs.ec.europa.eu/')).toBeNull();
  });
});
