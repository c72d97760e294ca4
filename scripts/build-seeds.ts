/**
 * Builds seeds/dataset.json and the report files public/reports/<slug>.json from the Security
 * Union progress reports in ../shared/seeds/ (relative to the project) and seeds/curated.json.
 * Re-running gives the same bytes.
 *   npx tsx scripts/build-seeds.ts [--check]   (--check: fail if any of them is not up to date)
 * The report files depend on the report texts only, so they are written even when the dataset's
 * evidence checks fail; the dataset is written only when they pass.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findReferences } from '../references';
import { buildDataset, buildReportFiles, serialiseDataset } from '../seeds/build-dataset';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const reportsDir = join(projectRoot, '..', 'shared', 'seeds');
const curatedPath = join(projectRoot, 'seeds', 'curated.json');
const datasetPath = join(projectRoot, 'seeds', 'dataset.json');
export const reportFilesDir = join(projectRoot, 'public', 'reports');

export function readReports(dir = reportsDir): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function writeAtomically(path: string, bytes: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Which report files differ from what is built, are missing, or are left over. */
export function staleReportFiles(files: ReadonlyMap<string, string>, dir = reportFilesDir): string[] {
  const present = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  const stale = [...files].filter(([name, bytes]) => !present.includes(name) || readFileSync(join(dir, name), 'utf8') !== bytes).map(([n]) => n);
  return [...stale, ...present.filter((n) => !files.has(n))].sort();
}

function writeReportFiles(files: ReadonlyMap<string, string>): void {
  mkdirSync(reportFilesDir, { recursive: true });
  for (const name of readdirSync(reportFilesDir)) {
    if (name.endsWith('.json') && !files.has(name)) rmSync(join(reportFilesDir, name));
  }
  for (const [name, bytes] of files) writeAtomically(join(reportFilesDir, name), bytes);
}

function main(): void {
  if (!existsSync(reportsDir)) {
    console.error(`build-seeds: the progress reports are not there: ${reportsDir} is missing.`);
    console.error('Put the report texts (*.txt) in ../shared/seeds/ relative to the project and run again.');
    process.exit(2);
  }
  const check = process.argv.includes('--check');
  const curated = JSON.parse(readFileSync(curatedPath, 'utf8')) as unknown;
  const reports = readReports();

  const files = buildReportFiles(reports, curated);
  const staleFiles = staleReportFiles(files);
  if (!check) {
    writeReportFiles(files);
    console.log(`build-seeds: wrote ${files.size} report files in ${reportFilesDir}`);
  }

  if (check && staleFiles.length > 0) {
    console.error(`build-seeds: report files not up to date in public/reports/ (${staleFiles.join(', ')}); run npm run seeds:build`);
  }

  const { dataset, warnings, problems } = buildDataset(reports, curated, findReferences);
  for (const w of warnings) console.warn(`build-seeds: ${w}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`build-seeds: ${p}`);
    console.error(
      `build-seeds: ${problems.length} evidence problem${problems.length === 1 ? '' : 's'}: seeds/dataset.json not ${check ? 'checked' : 'written'}` +
        (check ? '' : '; the report files are written, as they depend on the report texts only'),
    );
    process.exit(1);
  }
  const bytes = serialiseDataset(dataset);
  if (check) {
    const current = existsSync(datasetPath) ? readFileSync(datasetPath, 'utf8') : '';
    if (current !== bytes) console.error('build-seeds: seeds/dataset.json is not up to date; run npm run seeds:build');
    if (current !== bytes || staleFiles.length > 0) process.exit(1);
    console.log('build-seeds: seeds/dataset.json and the report files are up to date');
    return;
  }
  writeAtomically(datasetPath, bytes);
  const events = dataset.documents.reduce((n, d) => n + d.events.length, 0);
  console.log(`build-seeds: wrote ${datasetPath}: ${dataset.reports.length} reports, ${dataset.documents.length} documents, ${events} events`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
