/**
 * No module of the extension imports itself round a loop, type-only imports included: a loop
 * of types still ties the modules into one, so that neither can be read or moved alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'storage', 'messaging', 'in-page', 'references'];
const SPECIFIER = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

type Graph = Map<string, string[]>;

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
      .map((file) => join(dir, file)),
  );
}

interface Files {
  read(file: string): string;
  exists(file: string): boolean;
}

const onDisk: Files = {
  read: (file) => readFileSync(join(ROOT, file), 'utf8'),
  exists: (file) => existsSync(join(ROOT, file)),
};

/** The project file a relative specifier names, or null (a package, a stylesheet). */
function resolveSpecifier(from: string, specifier: string, files: Files): string | null {
  if (!specifier.startsWith('.')) return null;
  const bare = join(dirname(from), specifier.replace(/\?.*$/, ''));
  return [bare, `${bare}.ts`, `${bare}.tsx`, join(bare, 'index.ts'), join(bare, 'index.tsx')].find((c) => /\.tsx?$/.test(c) && files.exists(c)) ?? null;
}

function importGraph(names: readonly string[], files: Files = onDisk): Graph {
  const graph: Graph = new Map();
  for (const file of names) {
    // Comments may quote an import ("import x from './y'") without making one.
    const text = files.read(file).replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const targets = [...text.matchAll(SPECIFIER)].map((m) => resolveSpecifier(file, m[1]!, files)).filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every loop of the graph, once each, as the path from one of its modules back to it. */
export function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string) => {
    const at = onPath.indexOf(node);
    if (at >= 0) {
      cycles.push([...onPath.slice(at), node]);
      return;
    }
    if (seen.has(node)) return;
    seen.add(node);
    onPath.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    onPath.pop();
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}

describe('import cycles', () => {
  it('finds a loop through type-only imports, and none where there is none', () => {
    const inMemory = (sources: Record<string, string>): Files => ({ read: (f) => sources[f] ?? '', exists: (f) => f in sources });
    const loop = {
      'pages/Page.tsx': "import type { Props } from './props';\nimport './page.css';",
      'pages/props.ts': "/* import { x } from './nowhere' */\nexport type { Page } from './Page';",
    };
    expect(findCycles(importGraph(Object.keys(loop), inMemory(loop)))).toEqual([['pages/Page.tsx', 'pages/props.ts', 'pages/Page.tsx']]);
    const line = { 'pages/Page.tsx': "import type { Props } from './props';", 'pages/props.ts': "import { z } from 'zod';" };
    expect(findCycles(importGraph(Object.keys(line), inMemory(line)))).toEqual([]);
  });

  it('reads the project’s imports: the options page’s sections import their props from section.ts', () => {
    const graph = importGraph(sourceFiles());
    expect(graph.get('entrypoints/options/dataset/DatasetImportSection.tsx')).toContain('entrypoints/options/section.ts');
    expect(graph.get('entrypoints/options/dataset/DatasetImportSection.tsx')).toContain('entrypoints/options/import/import-client.ts');
    expect(graph.get('entrypoints/options/OptionsPage.tsx')).toContain('entrypoints/options/annotations/AnnotationsSections.tsx');
  });

  it('no module of the extension imports itself through others', () => {
    expect(findCycles(importGraph(sourceFiles()))).toEqual([]);
  });
});
