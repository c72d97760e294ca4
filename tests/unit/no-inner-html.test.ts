/**
 * Page and dataset text reach the screen only as text: no source sets innerHTML or outerHTML,
 * inserts HTML, or asks Preact to (dangerouslySetInnerHTML). The two "Unsafe assignment to
 * innerHTML" warnings addons-linter gives are Preact's own code for that prop, which this keeps
 * unused (README, "Packages for the stores").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((path) => path !== '' && existsSync(join(root, path)))
  // tests and scripts build pages for the browser under test, as a site would
  .filter((path) => !path.startsWith('tests/') && !path.startsWith('scripts/'));

const HTML_SINKS = /\.(innerHTML|outerHTML)\s*=(?!=)|insertAdjacentHTML\(|dangerouslySetInnerHTML|document\.write\(|createContextualFragment\(/;

describe('no HTML from strings', () => {
  it('reads the extension sources (the check itself works)', () => {
    expect(sources).toContain('in-page/popover/Popover.tsx');
    expect(HTML_SINKS.test('el.innerHTML = text')).toBe(true);
    expect(HTML_SINKS.test('<div dangerouslySetInnerHTML={{ __html: x }} />')).toBe(true);
    expect(HTML_SINKS.test('if (a.innerHTML === b)')).toBe(false);
  });

  it('sets no innerHTML anywhere in the extension', () => {
    const offenders = sources.filter((path) => HTML_SINKS.test(readFileSync(join(root, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
