/**
 * Builds seeds/dataset.json from the Security Union progress reports in ../shared/seeds/ (relative
 * to the project) and seeds/curated.json. Re-running gives the same bytes.
 *   npx tsx scripts/build-seeds.ts [--check]   (--check: fail if dataset.json is not up to date)
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findReferences } from '../references';
import { buildDataset, serialiseDataset } from '../seeds/build-dataset';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const reportsDir = join(projectRoot, '..', 'shared', 'seeds');
const curatedPath = join(projectRoot, 'seeds', 'curated.json');
const datasetPath = join(projectRoot, 'seeds', 'dataset.json');

export function readReports(dir = reportsDir): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function main(): void {
  if (!existsSync(reportsDir)) {
    console.error(`build-seeds: the progress reports are not there: ${reportsDir} is missing.`);
    console.error('Put the report texts (*.txt) in ../shared/seeds/ relative to the project and run again.');
    process.exit(2);
  }
  const curated = JSON.parse(readFileSync(curatedPath, 'utf8')) as unknown;
  const { dataset, warnings } = buildDataset(readReports(), curated, findReferences);
  for (const w of warnings) console.warn(`build-seeds: ${w}`);
  const bytes = serialiseDataset(dataset);
  if (process.argv.includes('--check')) {
    const current = existsSync(datasetPath) ? readFileSync(datasetPath, 'utf8') : '';
    if (current !== bytes) {
      console.error('build-seeds: seeds/dataset.json is not up to date; run npm run seeds:build');
      process.exit(1);
    }
    console.log('build-seeds: seeds/dataset.json is up to date');
    return;
  }
  const tmp = `${datasetPath}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, datasetPath);
  const events = dataset.documents.reduce((n, d) => n + d.events.length, 0);
  console.log(`build-seeds: wrote ${datasetPath}: ${dataset.reports.length} reports, ${dataset.documents.length} documents, ${events} events`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
