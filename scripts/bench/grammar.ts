/**
 * Micro-benchmark of the reference grammar (references/) in Node, against the frozen copy of the
 * grammar before the performance work (tests/unit/grammar-reference-impl/).
 *
 *   npx tsx scripts/bench/grammar.ts [--impl=old|new|both] [--runs=7] [--children=5]
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

type Impl = 'old' | 'new';
type Finder = (text: string) => unknown[];

interface Grammar {
  findReferences: Finder;
  families: Record<string, Finder>;
}

const DIRS: Record<Impl, string> = {
  old: '../../tests/unit/grammar-reference-impl',
  new: '../../references',
};

async function loadGrammar(impl: Impl): Promise<Grammar> {
  const dir = DIRS[impl];
  const index = (await import(`${dir}/index.ts`)) as { findReferences: Finder };
  const acts = (await import(`${dir}/acts.ts`)) as { findActs: Finder };
  const documents = (await import(`${dir}/documents.ts`)) as { findDocuments: Finder };
  const procedures = (await import(`${dir}/procedures.ts`)) as { findProcedures: Finder };
  const identifiers = (await import(`${dir}/identifiers.ts`)) as { findIdentifiers: Finder };
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
  return [...loadGrammarCorpus().blocks.values()].flat();
}

/** The AI Act page's blocks: the page whose first call the brief measures in Chromium. */
function aiActBlocks(): string[] {
  return loadGrammarCorpus().blocks.get('52021PC0206-EN-proposal-body.html') ?? [];
}

interface ColdResult {
  importMs: number;
  firstMs: number;
  maxMs: number;
  passMs: number;
}

/** In a child process: one cold pass over the AI Act page's blocks. */
async function child(impl: Impl): Promise<void> {
  const blocks = aiActBlocks();
  const t0 = performance.now();
  const grammar = await loadGrammar(impl);
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

function cold(impl: Impl, children: number): ColdResult {
  const results: ColdResult[] = [];
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < children; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, `--child=${impl}`], { encoding: 'utf8' });
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
  const childImpl = arg('child') as Impl | undefined;
  if (childImpl) return child(childImpl);

  const which = arg('impl') ?? 'both';
  const impls: Impl[] = which === 'both' ? ['old', 'new'] : [which as Impl];
  const runs = Number(arg('runs') ?? 7);
  const children = Number(arg('children') ?? 5);
  const blocks = benchBlocks();
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  console.log(`${blocks.length} blocks, ${chars} characters (fixtures' prefiltered blocks + report paragraphs)`);

  const fmt = (ms: number) => ms.toFixed(2).padStart(8);
  for (const impl of impls) {
    const c = cold(impl, children);
    console.log(
      `[${impl}] cold (AI Act page, median of ${children} processes): import ${fmt(c.importMs)} ms, ` +
        `first call ${fmt(c.firstMs)} ms, longest call ${fmt(c.maxMs)} ms, first pass ${fmt(c.passMs)} ms`,
    );
  }
  const loaded = await Promise.all(impls.map(loadGrammar));
  for (let i = 0; i < impls.length; i++) {
    const w = warm(loaded[i] as Grammar, blocks, runs);
    const parts = Object.entries(w).map(([k, v]) => `${k} ${v.toFixed(2)}`);
    console.log(`[${impls[i]}] warm (median of ${runs} passes, ms): ${parts.join(', ')}`);
  }
  if (loaded.length === 2) {
    const [a, b] = loaded as [Grammar, Grammar];
    const differ = blocks.filter((t) => JSON.stringify(a.findReferences(t)) !== JSON.stringify(b.findReferences(t)));
    console.log(differ.length ? `OUTPUT DIFFERS on ${differ.length} blocks` : 'same output on every block');
  }
}

await main();
