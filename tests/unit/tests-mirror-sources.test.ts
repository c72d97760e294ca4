/**
 * A unit test lives at the path of what it tests: `tests/unit/<path>.test.ts` tests `<path>.ts`
 * (or `.tsx`, or `<path>/index.ts`), and a second file on one module is
 * `tests/unit/<path>.<aspect>.test.ts`. Then a reader finds a module's tests without searching, and
 * a test whose module moved or was removed shows up here instead of testing something that is
 * no longer there.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const unitDir = fileURLToPath(new URL('./', import.meta.url));

/**
 * Tests that test no one source file, each with the reason. Every entry must still exist, so the
 * list cannot outlive the files it excuses.
 */
const EXCEPTIONS: Record<string, string> = {
  'tests-mirror-sources.test.ts': 'a convention of the tests themselves, not of one module',
  'messaging/one-way.test.ts': 'a rule over every source file: messages are sent and heard only in messaging/',
  'no-import-cycles.test.ts': 'a rule over every source file: no module imports itself through others',
  'no-inner-html.test.ts': 'a rule over every source file: no HTML is made from strings',
};

const TEST_FILE = /\.test\.tsx?$/;

function unitTests(): string[] {
  return readdirSync(unitDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => TEST_FILE.test(file))
    .sort();
}

/** The source files a test at this path (relative to tests/unit) may be named for. */
function candidateSources(testPath: string): string[] {
  const stem = testPath.replace(TEST_FILE, '');
  const withoutAspect = stem.replace(/\.[^./]+$/, '');
  const stems = withoutAspect === stem ? [stem] : [stem, withoutAspect];
  return stems.flatMap((s) => [`${s}.ts`, `${s}.tsx`, `${s}/index.ts`]);
}

function testedSource(testPath: string): string | undefined {
  return candidateSources(testPath).find((source) => existsSync(root + source));
}

describe('unit tests mirror the sources', () => {
  it('finds the unit tests to check', () => {
    // Guards the walk itself: a wrong directory would find nothing and pass vacuously.
    expect(unitTests()).toContain('storage/settings.test.ts');
  });

  it.each(unitTests().filter((test) => !(test in EXCEPTIONS)))('tests/unit/%s names a source file', (test) => {
    expect(testedSource(test), `no ${candidateSources(test).join(' or ')} for this test`).toBeDefined();
  });

  it('excuses only tests that exist and name no source file', () => {
    for (const test of Object.keys(EXCEPTIONS)) {
      expect(existsSync(unitDir + test), `${test} is listed as an exception but is gone`).toBe(true);
      expect(testedSource(test), `${test} names ${testedSource(test)}: it needs no exception`).toBeUndefined();
    }
  });

  it('reads <path>.<aspect>.test.ts as a second file on <path>', () => {
    expect(candidateSources('storage/import/fetch.timeout.test.ts')).toContain('storage/import/fetch.ts');
    expect(candidateSources('references/index.golden.test.ts')).toContain('references/index.ts');
    expect(candidateSources('components/NoteEditor.test.tsx')).toEqual([
      'components/NoteEditor.ts',
      'components/NoteEditor.tsx',
      'components/NoteEditor/index.ts',
    ]);
  });
});
