/** Shared by the dataset tests: where things are, and the optional pieces (reports, grammar). */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../../../references/types';
import { REPORTS_DIR } from '../../../scripts/shared-dir';
import { DatasetSchema, type Dataset } from '../../../storage/dataset/schema';

export const projectDir = fileURLToPath(new URL('../../../', import.meta.url));
export const reportsDir = `${REPORTS_DIR}/`;
export const datasetPath = fileURLToPath(new URL('../../../seeds/dataset.json', import.meta.url));
export const curatedPath = fileURLToPath(new URL('../../../seeds/curated.json', import.meta.url));

export { HAVE_REPORTS as haveReports, NO_REPORTS } from '../../../scripts/shared-dir';

export function readReports(): { name: string; text: string }[] {
  return readdirSync(reportsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(reportsDir + name, 'utf8') }));
}

export function loadDataset(): Dataset {
  return DatasetSchema.parse(JSON.parse(readFileSync(datasetPath, 'utf8')));
}

export interface Grammar {
  findReferences: (text: string) => Reference[];
  parseReference: (s: string) => Reference | null;
}

export async function loadGrammar(): Promise<Grammar> {
  return import('../../../references/index');
}
