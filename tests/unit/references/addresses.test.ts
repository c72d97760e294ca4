import { describe, expect, it } from 'vitest';
import { documentOfAddress } from '../../../references/addresses';

const PORTAL = 'https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:32017R2403';

describe('documentOfAddress: the document an address names', () => {
  it.each([
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32018R1240', '32018R1240'],
    ['https://eur-lex.europa.eu/legal-content/EN/AUTO/?uri=celex:32010L0078', '32010L0078'],
    ['https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX%3A52020PC0767', 'COM(2020) 767'],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02009L0065-20130620', '32009L0065'],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?qid=1&uri=CELEX:32016R0679&from=EN', '32016R0679'],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32016R0679', '32016R0679'],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2016:731:FIN', 'COM(2016) 731'],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2017:0793:FIN', 'COM(2017) 793'],
    ['https://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=CELEX:32002F0584:DE:HTML', '32002F0584'],
    ['http://data.europa.eu/eli/reg/2017/2403/oj', '32017R2403'],
    ['https://eur-lex.europa.eu/eli/reg/2018/1240/oj', '32018R1240'],
    ['https://eur-lex.europa.eu/eli/dir/2017/541/oj/eng', '32017L0541'],
    ['https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?lang=en&reference=2020/2016(INI)', '2020/2016(INI)'],
    ['https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2017/0351(COD)', '2017/0351(COD)'],
    ['http://www.europarl.europa.eu/oeil/FindByProcnum.do?lang=en&procnum=COD/2015/0289', '2015/0289(COD)'],
  ])('%s names %s', (href, id) => {
    expect(documentOfAddress(href)?.id).toBe(id);
  });

  it('resolves a relative EUR-Lex address against the page it is on', () => {
    expect(documentOfAddress('./../../../legal-content/EN/AUTO/?uri=CELEX:52017PC0793', PORTAL)?.id).toBe('COM(2017) 793');
    expect(documentOfAddress('/eli/reg/2018/1240/oj', 'https://eur-lex.europa.eu/search.html?text=etias')?.id).toBe('32018R1240');
  });

  it('reads an anchor into the page as the page\'s own address (the marking leaves those alone)', () => {
    expect(documentOfAddress('#ntr1-L_2017088EN.01000601-E0001', PORTAL)?.id).toBe('32017R2403');
  });

  it('gives the identity a marked reference needs: type, CELEX, address', () => {
    expect(documentOfAddress('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679')).toEqual({
      type: 'regulation',
      year: 2016,
      number: '679',
      id: '32016R0679',
      celex: '32016R0679',
      url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679',
    });
  });

  it.each([
    // addresses that carry a CELEX number without naming the document they lead to
    ['./../../../search.html?type=advanced&LP_LEGAL_BASIS=32017R2403&lbStatus=CELEX&lang=en', PORTAL],
    ['./../../../true/select-store-cookies.html?callingUrl=%2Flegal-content%2FEN%2FALL%2F%3Furi%3DCELEX%3A32017R2403', PORTAL],
    ['./../../../protected/homepage.html?url=%2Flegal-content%2FEN%2FALL%2F%3Furi%3DCELEX%253A32017R2403', PORTAL],
    // EUR-Lex's procedure page does not say the procedure's type, which its id needs
    ['./../../../procedure/EN/2015_289', PORTAL],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2018:236:TOC', undefined],
    ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62014CJ0362', undefined],
    ['https://example.org/legal-content/EN/TXT/?uri=CELEX:32016R0679', undefined],
    ['https://eur-lex.europa.eu.example.org/legal-content/EN/TXT/?uri=CELEX:32016R0679', undefined],
    ['javascript:alert("CELEX:32016R0679")', undefined],
    ['https://data.europa.eu/eli/xyz/2017/541/oj', undefined],
    ['https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=hello', undefined],
    ['http://[not a url', undefined],
  ])('%s names nothing', (href, base) => {
    expect(documentOfAddress(href, base)).toBeNull();
  });
});
