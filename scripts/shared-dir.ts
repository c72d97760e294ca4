/**
 * Where the material kept beside the project, not in it, is found: `../shared` relative to the
 * project root holds the real EUR-Lex pages (`fixtures/eurlex/`) and the five Security Union
 * progress reports (`seeds/`). Tests and benchmarks that read them skip, with `NO_FIXTURES` or
 * `NO_REPORTS` as the reason, on a checkout that has no `../shared`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const PROJECT_DIR = resolve(import.meta.dirname, '..');
export const SHARED_DIR = resolve(PROJECT_DIR, '..', 'shared');
export const FIXTURES_DIR = resolve(SHARED_DIR, 'fixtures', 'eurlex');
export const REPORTS_DIR = resolve(SHARED_DIR, 'seeds');

function holds(dir: string, ending: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((file) => file.endsWith(ending));
}

export const HAVE_FIXTURES = holds(FIXTURES_DIR, '.html');
export const HAVE_REPORTS = holds(REPORTS_DIR, '.txt');
export const NO_FIXTURES = `skipped: the EUR-Lex fixture pages (*.html) are not in ${FIXTURES_DIR}`;
export const NO_REPORTS = `skipped: the progress reports (*.txt) are not in ${REPORTS_DIR}`;
