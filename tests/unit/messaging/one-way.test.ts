/**
 * The lines the code keeps, read off the source itself: every message goes through messaging/
 * (one typed sender and listener per direction, each message parsed on arrival), and the scripts
 * that run in web pages never reach the database, nor the schemas they do not need.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((path) => path !== '' && existsSync(join(root, path)));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The calls that send or hear a message. */
const MESSAGING = /runtime\.sendMessage|tabs\.sendMessage|runtime\.onMessage|postMessage\(/;

/** Where such a call may stand outside messaging/, and why. */
const EXCEPTIONS: Record<string, string> = {
  // A MessageChannel posted to itself: a way to yield to the page, not a message to anyone.
  'in-page/yield.ts': 'yields to the page through a MessageChannel of its own',
  'in-page/scanner/frame-cost.ts': 'times a frame through a MessageChannel of its own',
};

/** Code that drives the built extension from outside, as a page or a harness would. */
const OUTSIDE = (path: string) => path.startsWith('tests/') || path.startsWith('scripts/');

describe('one way to send a message', () => {
  it('reads some source (the check itself works)', () => {
    expect(sources).toContain('messaging/to-background.ts');
    expect(MESSAGING.test(read('messaging/post-to-background.ts'))).toBe(true);
  });

  it('sends and listens only in messaging/', () => {
    const offenders = sources
      .filter((path) => !path.startsWith('messaging/') && !OUTSIDE(path) && !(path in EXCEPTIONS))
      .flatMap((path) =>
        read(path)
          .split('\n')
          .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
          .filter(({ line }) => MESSAGING.test(line))
          .map(({ line, at }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('lists no exception that no longer needs to be one', () => {
    for (const path of Object.keys(EXCEPTIONS)) expect(MESSAGING.test(read(path)), path).toBe(true);
  });
});

// ---- what the page scripts reach ----

const IMPORT = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;
/** Erased from the bundle: it brings in nothing. */
const TYPE_ONLY = /^(?:import|export)\s+type\s/;

/** What a module imports at run time: project files by path, packages by name. */
function importsOf(path: string): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages: string[] = [];
  for (const match of read(path).matchAll(IMPORT)) {
    if (TYPE_ONLY.test(match[0])) continue;
    const specifier = match[1] ?? match[2]!;
    if (!specifier.startsWith('.')) {
      packages.push(specifier);
      continue;
    }
    const base = join(dirname(path), specifier);
    const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => sources.includes(candidate));
    if (file) files.push(file);
  }
  return { files, packages };
}

/** Every project module `entry` reaches, and every package any of them imports (by module). */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length > 0) {
    const path = todo.pop()!;
    if (seen.has(path)) continue;
    const { files, packages } = importsOf(path);
    seen.set(path, packages);
    todo.push(...files);
  }
  return seen;
}

function offenders(entry: string, bad: (path: string, pkg: string | null) => boolean): string[] {
  const found: string[] = [];
  for (const [path, packages] of reach(entry)) {
    if (bad(path, null)) found.push(path);
    for (const pkg of packages) if (bad(path, pkg)) found.push(`${path} imports ${pkg}`);
  }
  return found;
}

/** The scripts Eurefs runs in web pages. */
const PAGE_ENTRIES = [
  'entrypoints/content/index.ts',
  'entrypoints/page-scanner/index.ts',
  'entrypoints/popover-ui/index.ts',
  'entrypoints/document-scanner.content.ts',
];

describe('what the scripts in web pages reach', () => {
  it('follows imports (the check itself works)', () => {
    expect([...reach('entrypoints/page-scanner/index.ts').keys()]).toContain('messaging/page-to-background.ts');
    expect(offenders('entrypoints/background/index.ts', (_path, pkg) => pkg === 'dexie').length).toBeGreaterThan(0);
  });

  it.each(PAGE_ENTRIES)('%s never opens a database: a page script\'s IndexedDB is the page\'s', (entry) => {
    expect(offenders(entry, (path, pkg) => pkg === 'dexie' || (pkg === null && /^storage\/.*\/db\.ts$/.test(path)))).toEqual([]);
  });

  it('the lookout parses nothing: no zod at all', () => {
    expect(offenders('entrypoints/content/index.ts', (_path, pkg) => pkg !== null && pkg.startsWith('zod'))).toEqual([]);
  });

  it.each(['entrypoints/page-scanner/index.ts', 'entrypoints/document-scanner.content.ts'])('%s parses with zod/mini, never full zod', (entry) => {
    expect(offenders(entry, (_path, pkg) => pkg === 'zod')).toEqual([]);
  });
});
