/**
 * npm run --silent refs -- [--dataset DATASET.json] FILE...
 * Prints one JSON object per reference found, a line each (docs/ARCHITECTURE.md, "Test hooks that stay stable"), with the
 * document's current status where the bundled dataset tracks it.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findReferences } from '../references';
import { parseDataset } from '../storage/dataset/load-bundled';
import { deriveStatus } from '../storage/dataset/status';
import { htmlToText } from './html-text';

function loadStatuses(file = fileURLToPath(new URL('../seeds/dataset.json', import.meta.url))): Map<string, { stage: string; since?: string; asOf?: string }> {
  const dataset = parseDataset(JSON.parse(readFileSync(file, 'utf8')));
  const statuses = new Map<string, { stage: string; since?: string; asOf?: string }>();
  for (const doc of dataset.documents) {
    const status = deriveStatus(doc, dataset.reports);
    if (status.stage) {
      statuses.set(doc.id, {
        stage: status.stage,
        ...(status.since ? { since: status.since } : {}),
        ...(status.asOf ? { asOf: status.asOf.id } : {}),
      });
    }
  }
  return statuses;
}

function main(args: string[]): number {
  // --dataset DRAFT.json: look up in that file (a staff draft, docs/drafter.md) instead of the bundled dataset
  const at = args.indexOf('--dataset');
  const dataset = at >= 0 ? args[at + 1] : undefined;
  const files = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  if (files.length === 0 || (at >= 0 && !dataset)) {
    console.error('usage: npm run --silent refs -- [--dataset DATASET.json] FILE...');
    return 2;
  }
  const statuses = loadStatuses(dataset);
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      const raw = readFileSync(file, 'utf8');
      text = ['.html', '.htm', '.xhtml'].includes(extname(file).toLowerCase()) ? htmlToText(raw) : raw;
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
      continue;
    }
    const lines: string[] = [];
    for (const ref of findReferences(text)) {
      const status = statuses.get(ref.id);
      lines.push(
        JSON.stringify({
          file,
          start: ref.start,
          end: ref.end,
          text: ref.text,
          type: ref.type,
          year: ref.year,
          number: ref.number,
          id: ref.id,
          ...(ref.celex ? { celex: ref.celex } : {}),
          url: ref.url,
          ...(status ? { status: status.stage, statusSince: status.since, statusAsOf: status.asOf } : {}),
        }),
      );
    }
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed ? 1 : 0;
}

// `refs ... | head` closes the pipe early; that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
