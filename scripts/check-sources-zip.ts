/**
 * Checks what addons.mozilla.org checks: that the sources zip, unpacked in an empty folder and built
 * as README says (npm ci, then the Firefox build), gives the very add-on in the Firefox zip, file
 * for file and byte for byte. Run after `npm run zip`.
 *   npx tsx scripts/check-sources-zip.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const output = join(root, '.output');
const addonZip = join(output, `${name}-${version}-firefox.zip`);
const sourcesZip = join(output, `${name}-${version}-sources.zip`);

function entries(zipPath: string): Map<string, Uint8Array> {
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  return new Map(Object.entries(files).filter(([path]) => !path.endsWith('/')));
}

/** The differences between two sets of files, in words. */
export function compareFiles(expected: ReadonlyMap<string, Uint8Array>, actual: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  for (const [path, bytes] of expected) {
    const other = actual.get(path);
    if (!other) problems.push(`${path}: missing from the rebuilt add-on`);
    else if (Buffer.compare(Buffer.from(bytes), Buffer.from(other)) !== 0) problems.push(`${path}: differs (${bytes.length} bytes shipped, ${other.length} rebuilt)`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) problems.push(`${path}: only in the rebuilt add-on`);
  return problems;
}

function main(): void {
  const shipped = entries(addonZip);
  const work = mkdtempSync(join(tmpdir(), 'eurefs-sources-'));
  try {
    for (const [path, bytes] of entries(sourcesZip)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), bytes);
    }
    const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`check-sources-zip: building the sources in ${work}`);
    run('npm', ['ci', '--no-audit', '--no-fund']);
    run('npx', ['wxt', 'zip', '-b', 'firefox']);
    const rebuiltZip = readdirSync(join(work, '.output')).find((file) => file.endsWith('-firefox.zip'));
    if (!rebuiltZip) throw new Error('the sources built no Firefox zip');
    const problems = compareFiles(shipped, entries(join(work, '.output', rebuiltZip)));
    if (problems.length > 0) {
      console.error(`check-sources-zip: the sources do not rebuild the add-on:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    console.log(`check-sources-zip: the sources rebuild the add-on exactly (${shipped.size} files)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
