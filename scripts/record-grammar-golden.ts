/**
 * Records what the grammar finds now into tests/data/grammar-golden/ (scripts/grammar-golden.ts
 * says what a record holds). Run it when a change to references/ is meant to change what it finds,
 * and read the records' diff before committing it:
 *
 *   npm run golden:record
 *
 * The pages and reports of ../shared are recorded only where ../shared is present; elsewhere
 * their records are left as they are.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { fixtureInput, GOLDEN_DIR, goldenLines, RECORDS, reportInput, type GoldenInput, type RecordName } from './grammar-golden';
import { FIXTURES_DIR, HAVE_FIXTURES, HAVE_REPORTS, NO_FIXTURES, NO_REPORTS, PROJECT_DIR, REPORTS_DIR } from './shared-dir';

const TEST_DIR = resolve(PROJECT_DIR, 'tests/unit/references');
const GOLDEN_TEST = 'grammar-golden.test.ts';

/** Every distinct string literal of the reference tests, named by its file and place there. */
function testStrings(): GoldenInput[] {
  const seen = new Set<string>();
  const out: GoldenInput[] = [];
  for (const file of readdirSync(TEST_DIR).sort()) {
    if (!file.endsWith('.ts') || file === GOLDEN_TEST) continue;
    const source = readFileSync(resolve(TEST_DIR, file), 'utf8');
    let n = 0;
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      n++;
      const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
      if (text === '' || seen.has(text)) continue;
      seen.add(text);
      out.push({ name: `${file} #${n}`, text, kind: 'string' });
    }
  }
  return out;
}

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

/** Reference-like pieces in many languages and cases, with numbers and stray characters between. */
const soup = fc
  .array(fc.oneof({ weight: 6, arbitrary: piece }, fc.integer({ min: 0, max: 9999 }).map(String), fc.string({ maxLength: 3 })), { maxLength: 30 })
  .map((a) => a.join(''));

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

/** Seeded, so that recording again gives the same strings as long as these generators stay. */
function sample(label: string, arbitrary: fc.Arbitrary<string>, seed: number, count: number): GoldenInput[] {
  return fc.sample(arbitrary, { seed, numRuns: count }).map((text, i) => ({ name: `${label} #${i + 1}`, text, kind: 'string' }));
}

function filesIn(dir: string, ending: string): string[] {
  return readdirSync(dir).filter((file) => file.endsWith(ending)).sort();
}

function write(record: RecordName, inputs: readonly GoldenInput[]): void {
  const lines = goldenLines(inputs);
  writeFileSync(resolve(GOLDEN_DIR, RECORDS[record].file), `${lines.join('\n')}\n`);
  console.log(`${RECORDS[record].file}: ${inputs.length} inputs, ${lines.length - inputs.length} references`);
}

if (HAVE_FIXTURES) write('fixtures', filesIn(FIXTURES_DIR, '.html').map(fixtureInput));
else console.warn(`${RECORDS.fixtures.file} left as it was: ${NO_FIXTURES}`);
if (HAVE_REPORTS) write('reports', filesIn(REPORTS_DIR, '.txt').map(reportInput));
else console.warn(`${RECORDS.reports.file} left as it was: ${NO_REPORTS}`);
write('testStrings', testStrings());
write('soup', sample('soup', soup, 1, 3000));
// Fewer: with their long runs of white space these average about 1 KB each.
write('actWindows', sample('act windows', windowSoup, 2, 750));
