import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { FIXTURES_DIR as dir, HAVE_FIXTURES as present, NO_FIXTURES } from '../../../scripts/shared-dir';
import { htmlToText } from './helpers';

if (!present) console.warn(`[references] real EUR-Lex pages: ${NO_FIXTURES}`);

function refsOf(file: string) {
  const text = htmlToText(readFileSync(join(dir, file), 'utf8'));
  const refs = findReferences(text);
  for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
  return { text, refs, ids: new Set(refs.map((r) => r.id)), texts: new Set(refs.map((r) => r.text.replace(/\s+/g, ' '))) };
}

describe.skipIf(!present)('real EUR-Lex pages', () => {
  it('52021PC0206: the AI Act proposal', () => {
    const { ids, refs } = refsOf('52021PC0206-EN-proposal-body.html');
    for (const id of ['COM(2021) 206', 'SWD(2021) 84', 'SWD(2021) 85', 'SEC(2021) 167', '2021/0106(COD)', 'COM(2020) 767', '32016R0679', '32016L0680', '32018R1725'])
      expect(ids, id).toContain(id);
    expect(refs.some((r) => r.id === '2021/0106(COD)' && r.text === '2021/0106 (COD)')).toBe(true);
    // this rendition's annexes are in German
    expect(refs.some((r) => r.id === '32002F0584' && r.text.replace(/\s+/g, ' ') === 'Rahmenbeschluss 2002/584/JI')).toBe(true);
  });

  it('32017R2403, English portal page', () => {
    const { ids, texts } = refsOf('32017R2403-EN-ALL-portal-2018.html');
    for (const id of ['32017R2403', '31995L0046', '32008R1006', '2015/0289(COD)', 'COM(2015) 636', '32009R1224'])
      expect(ids, id).toContain(id);
    expect(texts).toContain('Directive 95/46/EC');
    expect(texts).toContain('Council Regulation (EC) No 1006/2008');
    expect(texts).toContain('http://data.europa.eu/eli/reg/2017/2403/oj');
  });

  it('32017R2403, French text', () => {
    const { ids, texts } = refsOf('32017R2403-FR-TXT-portal-2018.html');
    expect(texts).toContain('directive 95/46/CE');
    expect(texts).toContain('Règlement (UE) 2017/2403');
    expect(texts).toContain('décision 2004/585/CE');
    for (const id of ['31995L0046', '32004D0585', '32008R1006']) expect(ids, id).toContain(id);
  });

  it('32002F0584, German legacy page', () => {
    const { ids, texts, refs } = refsOf('32002F0584-DE-legacy-page.html');
    // the title "2002/584/JI: Rahmenbeschluss des Rates" and the heading "Rahmenbeschluss des Rates (2002/584/JI)"
    expect(refs.filter((r) => r.id === '32002F0584' && r.text === '2002/584/JI' && r.type === 'framework-decision')).toHaveLength(2);
    expect(texts).toContain('Beschluss 2002/187/JI');
    expect(ids).toContain('32002D0187');
  });

  it('02009L0065, consolidated UCITS directive', () => {
    const { refs, ids } = refsOf('02009L0065-EN-consolidated-body.html');
    expect(refs.filter((r) => r.text === 'Directive 85/611/EEC').length).toBeGreaterThanOrEqual(5);
    for (const id of ['32009L0065', '32004L0039']) expect(ids, id).toContain(id);
  });

  it('32013R0575, Official Journal text', () => {
    const { ids } = refsOf('32013R0575-EN-oj-body.html');
    for (const id of ['32013L0036', '32012R0648']) expect(ids, id).toContain(id);
  });
});
