/**
 * The optimised grammar (references/) finds exactly what the grammar found before the performance
 * work (the frozen copy in tests/unit/grammar-reference-impl/): same references, same spans, same
 * ids, on the EUR-Lex fixtures' blocks, the reports, every string of the reference tests, and
 * random strings made of reference-like pieces in many languages and cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { actGrammarFor } from '../../../references/act-grammar';
import { AFTER_WORDS, AUTHORS, COMPOUNDS, DECISION, DIRECTIVE, FRAMEWORK_DECISION, HUNGARIAN, KINDS, REGULATION } from '../../../references/act-words';
import { stemOf } from '../../../references/stems';
import { findReferences as findReferencesBefore } from '../grammar-reference-impl';
import * as before from '../grammar-reference-impl/acts';
import { loadGrammarCorpus } from '../../../scripts/bench/grammar-corpus';

function expectSame(text: string): void {
  expect(findReferences(text), JSON.stringify(text.slice(0, 300))).toEqual(findReferencesBefore(text));
}

/** String literals of the reference tests (as scripts/bench/check-prefilter.ts reads them). */
function testStrings(): string[] {
  const dir = join(__dirname);
  const out: string[] = [];
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file === 'equivalence.test.ts') continue;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      out.push((m[1] ?? m[2] ?? m[3] ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'));
    }
  }
  return out;
}

describe('optimised grammar = grammar before', () => {
  it('builds the very same expressions when a text holds every word', () => {
    const lists = [FRAMEWORK_DECISION, DIRECTIVE, REGULATION, DECISION, AUTHORS, KINDS, COMPOUNDS, AFTER_WORDS, HUNGARIAN];
    const stems = lists.flat().map(stemOf);
    const text = `${stems.filter((s) => s !== null).join(' ')} (2002/584/JI: x 2002/584/JI:`;
    const g = actGrammarFor(text);
    expect(g.act?.source).toBe(before.ACT_RE.source);
    expect(g.nameAfter?.source).toBe(before.NAME_AFTER_RE.source);
    expect(g.nameThenParen?.source).toBe(before.NAME_THEN_PAREN_RE.source);
  });

  it('on the fixtures blocks and the reports (paragraphs and whole)', () => {
    const { all } = loadGrammarCorpus();
    expect(all.length).toBeGreaterThan(1000);
    for (const text of all) expectSame(text);
  });

  it('on every string of the reference tests', () => {
    for (const text of testStrings()) expectSame(text);
  });

  const pieces = [
    // names, authors and kinds in several languages and cases
    'Directive', 'directives', 'Regulation', 'REGULATIONS', 'Decision', 'decisions', 'Framework Decision',
    'Council', 'Commission', 'European Parliament and of the Council', 'Implementing', 'Delegated',
    'Richtlinie', 'Verordnung', 'Durchführungsverordnung', 'Beschluss', 'Rahmenbeschluss', 'delegierte',
    'règlement', 'Règlement', 'décision-cadre', 'directive', "d'exécution", 'délégué',
    'rozporządzenie', 'wykonawcze', 'Komisji', 'Rady', 'nařízení', 'směrnice', 'uredba', 'Vijeća',
    'irányelv', 'rendelet', 'határozat', 'kerethatározat', 'κανονισμός', 'οδηγία', 'απόφαση-πλαίσιο',
    'ΚΑΝΟΝΙΣΜΟΣ', 'регламент', 'директива', 'решение', 'за изпълнение', 'asetus', 'neuvoston',
    'förordning', 'Rådets', 'genomförandeförordning', 'Padomes', 'regula', 'Tarybos', 'reglamentas',
    'deċiżjoni', 'tal-Kunsill', 'rialachán', 'treoir', 'cinneadh réime', 'decisione quadro', 'decisión marco',
    // numbers, qualifiers, marks, families
    '2014/41', '95/46', '2002/584', '1/2', '767/2008', '2016/679', '2018/1240', '(EU)', '(EC)', '(UE)',
    '(EU, Euratom)', '(ΕΕ)', '(ЕС)', '(CFSP)', 'No', 'Nr.', 'n.º', 'nº', '№', 'č.', '/EU', '/EC', '/EEC',
    '/JHA', '/JI', '/ΔΕΥ', '(2002/584/JI)',
    // documents, procedures, identifiers
    'COM(2017) 793 final', 'COM (2018)23', 'SWD(2021) 84', 'C(2019) 12', 'K(2007) 1234 endgültig',
    'COM/2017/0793', 'com:2017:793:fin', 'final', '2017/0351(COD)', 'COD 2007/0234', '2015/0289/COD',
    '32016R0679', 'CELEX:52017PC0793', 'celex%3A32016L0680', '/eli/dir/2017/541/oj', 'data.europa.eu',
    // letters whose case folding is special, and separators
    'ſ', 'K', 'İ', 'ı', 'ß', 'ẞ', 'ς', 'Σ', 'é', 'É', 'ͅ', '𝐀', '😀',
    ' ', ' ', '  ', '\n', '\n\n', ', ', ' and ', ' et ', ' und ', ':', ': ', '(', ')', '/', '-', '.', ',', ';',
  ];
  const casing = fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase());
  const piece = fc.tuple(fc.constantFrom(...pieces), casing).map(([p, f]) => f(p));
  const soup = fc.array(fc.oneof({ weight: 6, arbitrary: piece }, fc.integer({ min: 0, max: 9999 }).map(String), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((a) => a.join(''));

  it('on random strings of reference-like pieces', () => {
    fc.assert(
      fc.property(soup, (text) => {
        expect(findReferences(text)).toEqual(findReferencesBefore(text));
      }),
      { numRuns: 3000 },
    );
  });
});
