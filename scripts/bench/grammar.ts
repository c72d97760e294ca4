/**
 * Micro-benchmark of the reference grammar (references/) in Node.
 *
 *   npx tsx scripts/bench/grammar.ts [--runs=7] [--children=5]
 *
 * Cold: in fresh processes, the first findReferences call (regex compilation included), the
 * longest single call, and the whole first pass over the blocks, as the content script would make
 * them on a page. Warm: the median over `runs` passes over all blocks, in total and per family.
 * Blocks are the fixtures' text blocks that pass the content script's prefilter, and the reports'
 * paragraphs (scripts/bench/grammar-corpus.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadGrammarCorpus } from './grammar-corpus';

type Finder = (text: string) => unknown[];

interface Grammar {
  findReferences: Finder;
  families: Record<string, Finder>;
}

/** Imported when called, so that a cold run can time the import (the expressions made at load). */
async function loadGrammar(): Promise<Grammar> {
  const index = await import('../../references/index.ts');
  const acts = await import('../../references/acts.ts');
  const documents = await import('../../references/documents.ts');
  const procedures = await import('../../references/procedures.ts');
  const identifiers = await import('../../references/identifiers.ts');
  return {
    findReferences: index.findReferences,
    families: {
      identifiers: identifiers.findIdentifiers,
      procedures: procedures.findProcedures,
      documents: documents.findDocuments,
      acts: acts.findActs,
    },
  };
}

/** The blocks in the order a page visit would present them: page by page, in page order. */
function benchBlocks(): string[] {
  return [...loadGrammarCorpus().values()].flat();
}

/** The AI Act page's blocks: the page whose first call the brief measures in Chromium. */
function aiActBlocks(): string[] {
  return loadGrammarCorpus().get('52021PC0206-EN-proposal-body.html') ?? [];
}

interface ColdResult {
  importMs: number;
  firstMs: number;
  maxMs: number;
  passMs: number;
}

/** In a child process: one cold pass over the AI Act page's blocks. */
async function child(): Promise<void> {
  const blocks = aiActBlocks();
  const t0 = performance.now();
  const grammar = await loadGrammar();
  const t1 = performance.now();
  let firstMs = 0;
  let maxMs = 0;
  const start = performance.now();
  for (let i = 0; i < blocks.length; i++) {
    const s = performance.now();
    grammar.findReferences(blocks[i] as string);
    const ms = performance.now() - s;
    if (i === 0) firstMs = ms;
    if (ms > maxMs) maxMs = ms;
  }
  const result: ColdResult = { importMs: t1 - t0, firstMs, maxMs, passMs: performance.now() - start };
  process.stdout.write(JSON.stringify(result));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function cold(children: number): ColdResult {
  const results: ColdResult[] = [];
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < children; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    results.push(JSON.parse(r.stdout) as ColdResult);
  }
  return {
    importMs: median(results.map((r) => r.importMs)),
    firstMs: median(results.map((r) => r.firstMs)),
    maxMs: median(results.map((r) => r.maxMs)),
    passMs: median(results.map((r) => r.passMs)),
  };
}

function timePass(find: Finder, blocks: readonly string[]): number {
  const t = performance.now();
  for (const b of blocks) find(b);
  return performance.now() - t;
}

function warm(grammar: Grammar, blocks: readonly string[], runs: number): Record<string, number> {
  const out: Record<string, number> = {};
  const finders: [string, Finder][] = [['total', grammar.findReferences], ...Object.entries(grammar.families)];
  for (const [name, find] of finders) {
    timePass(find, blocks); // warm-up: compile and tier up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(timePass(find, blocks));
    out[name] = median(times);
  }
  return out;
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (process.argv.includes('--child')) return child();

  const runs = Number(arg('runs') ?? 7);
  const children = Number(arg('children') ?? 5);
  const blocks = benchBlocks();
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  console.log(`${blocks.length} blocks, ${chars} characters (fixtures' prefiltered blocks + report paragraphs)`);

  const fmt = (ms: number) => ms.toFixed(2).padStart(8);
  if (aiActBlocks().length) {
    const c = cold(children);
    console.log(
      `cold (AI Act page, median of ${children} processes): import ${fmt(c.importMs)} ms, ` +
        `first call ${fmt(c.firstMs)} ms, longest call ${fmt(c.maxMs)} ms, first pass ${fmt(c.passMs)} ms`,
    );
  }
  const w = warm(await loadGrammar(), blocks, runs);
  const parts = Object.entries(w).map(([k, v]) => `${k} ${v.toFixed(2)}`);
  console.log(`warm (median of ${runs} passes, ms): ${parts.join(', ')}`);
}

await main();
