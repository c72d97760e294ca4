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
import { findActs } from '../../../references/acts';
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

  it('on the fixtures blocks and the reports (paragraphs and whole)', { timeout: 30_000 }, () => {
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

  // The acts expression runs only on windows around numbers (references/act-windows.ts): texts
  // whose acts begin or end at the block's edges, lie close together or far apart, have long white
  // space between name and number, letters, digits, punctuation or surrogates right before a
  // window, families of letters two code units long (the most a window must hold after the number).
  const space = fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2028', '\u3000', ' \n ');
  const spaces = fc.tuple(space, fc.integer({ min: 1, max: 150 })).map(([s, n]) => s.repeat(n));
  const digits = fc.oneof(fc.constantFrom('2016', '1234', '95', '1'), fc.stringMatching(/^[0-9]{1,6}$/));
  const family = fc.constantFrom('EU', 'EC', 'JHA', 'ΔΕΥ', 'Euratom', '𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇', '𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈', '𝐀𝐁𝐂');
  const number = fc
    .tuple(digits, digits, fc.option(family, { nil: '' }), fc.constantFrom('', '/', '/1', '.5', ',', '.', 'x', '𝐀', '1'))
    .map(([a, b, f, after]) => `${a}/${b}${f && `/${f}`}${after}`);
  const edge = fc.constantFrom('', '1', '12345', 'x', 'é', '𝐀', '\ud835', '\udc00', '/', '.', ',', ';', ':', '?', '“', '(', ')', '-', "'", 'ͅ', 'ſ', '. ', ', ');
  const qualifier = fc.constantFrom('(EU)', '( EU )', '(EU, Euratom)', '(EU,Euratom, EC / CFSP, EU, EEC, EU, EC)', '(ΕΕ)', '(2016)');
  const mark = fc.constantFrom('No ', 'Nr.', 'n.º ', 'n. o', 'nº', '№', 'č. ', 'Nos', 'N:o');
  const name = fc.tuple(fc.constantFrom(...pieces.slice(0, 60)), casing).map(([p, f]) => f(p));
  const act = fc
    .tuple(edge, name, fc.option(spaces, { nil: ' ' }), fc.option(qualifier, { nil: '' }), fc.option(spaces, { nil: '' }), fc.option(mark, { nil: '' }), fc.option(spaces, { nil: '' }), number, edge)
    .map((parts) => parts.join(''));
  const windowSoup = fc
    .array(fc.oneof({ weight: 4, arbitrary: act }, spaces, number, piece, edge, qualifier, mark), { minLength: 1, maxLength: 8 })
    .map((a) => a.join(''));

  it('on texts that test the edges of the act windows', () => {
    fc.assert(
      fc.property(windowSoup, (text) => {
        expect(findActs(text)).toEqual(before.findActs(text));
        expect(findReferences(text)).toEqual(findReferencesBefore(text));
      }),
      { numRuns: 3000 },
    );
  });
});
