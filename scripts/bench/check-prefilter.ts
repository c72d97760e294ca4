/**
 * Checks text-blocks.ts' MAY_HOLD_REFERENCE against the grammar: every string of the reference
 * tests, the report corpus and the EUR-Lex fixtures (by line) in which references/ finds a
 * reference must pass the prefilter, or the content script would miss that reference.
 * Run by the benchmark before it measures anything; `tsx scripts/bench/check-prefilter.ts` alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findReferences } from '../../references';
import { MAY_HOLD_REFERENCE } from '../../in-page/marks/text-blocks';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../shared-dir';

const ROOT = resolve(import.meta.dirname, '../..');

function corpus(): string[] {
  const strings: string[] = [];
  const testDir = resolve(ROOT, 'tests/unit/references');
  for (const file of readdirSync(testDir)) {
    const source = readFileSync(resolve(testDir, file), 'utf8');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      strings.push((m[1] ?? m[2] ?? m[3] ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'));
    }
  }
  if (!HAVE_FIXTURES) console.warn(`[prefilter] the fixture pages' lines are ${NO_FIXTURES}`);
  for (const file of HAVE_FIXTURES ? readdirSync(FIXTURES_DIR) : []) {
    if (!file.endsWith('.html')) continue;
    const text = readFileSync(resolve(FIXTURES_DIR, file), 'utf8').replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, '\u00a0');
    strings.push(...text.split('\n'), text);
  }
  const data = resolve(ROOT, 'tests/data');
  for (const file of readdirSync(data)) {
    if (file.endsWith('.json') || file.endsWith('.txt')) strings.push(readFileSync(resolve(data, file), 'utf8'));
  }
  return strings;
}

export function checkPrefilter(): { strings: number; withReferences: number; missed: string[] } {
  const missed: string[] = [];
  let withReferences = 0;
  const strings = corpus();
  for (const s of strings) {
    const found = findReferences(s);
    if (found.length === 0) continue;
    withReferences++;
    if (!MAY_HOLD_REFERENCE.test(s)) missed.push(s);
    // Each reference on its own: its text alone must pass (continuations "882 final" excepted).
    for (const r of found) {
      const alone = findReferences(r.text);
      if (alone.length && !MAY_HOLD_REFERENCE.test(r.text)) missed.push(r.text);
    }
  }
  return { strings: strings.length, withReferences, missed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = checkPrefilter();
  console.log(`${result.strings} strings, ${result.withReferences} with references, ${result.missed.length} missed`);
  for (const s of result.missed.slice(0, 20)) console.log('MISSED:', JSON.stringify(s.slice(0, 200)));
  process.exit(result.missed.length ? 1 : 0);
}
