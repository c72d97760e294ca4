/**
 * npm run --silent refs -- [--format json|csv] [--summary] [--dataset DATASET.json] FILE...
 * Prints one JSON object per reference found, a line each (docs/ARCHITECTURE.md, "Test hooks that
 * stay stable"), or one CSV row each, with what the bundled dataset knows of the document (its
 * CELEX number, address and current status); `--summary` prints instead how many documents, and
 * mentions of them, each status has. In an HTML file, offsets are into the text a browser gives as
 * `document.body.textContent`, which the reading history and the CSV export use (html-text.ts).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findReferences, type Reference } from '../references';
import { parseDataset } from '../storage/dataset/load-bundled';
import { deriveStatus, stageLabel } from '../storage/dataset/status';
import type { Stage } from '../storage/dataset/schema';
import { STAGES } from '../storage/dataset/stages';
import { csvRow } from '../storage/annotations/csv';
import { htmlPageText } from './html-text';

const USAGE = 'usage: npm run --silent refs -- [--format json|csv] [--summary] [--dataset DATASET.json] FILE...';

/** What the dataset knows of a document, for the output. */
interface Known {
  celex?: string;
  url?: string;
  status?: { stage: Stage; since?: string; asOf?: string };
}

/** The bundled dataset, or `file` (a staff draft, docs/drafter.md, read the way the bundled one is). */
function loadDataset(file = fileURLToPath(new URL('../seeds/dataset.json', import.meta.url))): Map<string, Known> {
  const dataset = parseDataset(JSON.parse(readFileSync(file, 'utf8')));
  const known = new Map<string, Known>();
  for (const doc of dataset.documents) {
    const status = deriveStatus(doc, dataset.reports);
    known.set(doc.id, {
      ...(doc.celex ? { celex: doc.celex } : {}),
      ...(doc.url ? { url: doc.url } : {}),
      ...(status.stage
        ? { status: { stage: status.stage, ...(status.since ? { since: status.since } : {}), ...(status.asOf ? { asOf: status.asOf.id } : {}) } }
        : {}),
    });
  }
  return known;
}

/** One reference found, with offsets into the file's text (for HTML, the body's textContent). */
export interface Found {
  file: string;
  start: number;
  end: number;
  reference: Reference;
}

const HTML = new Set(['.html', '.htm', '.xhtml']);

/** The references of one file: in HTML, block by block as the page scanner reads a page. */
export function findInFile(file: string, raw: string): Found[] {
  if (!HTML.has(extname(file).toLowerCase())) {
    return findReferences(raw).map((reference) => ({ file, start: reference.start, end: reference.end, reference }));
  }
  const found: Found[] = [];
  for (const block of htmlPageText(raw).blocks) {
    for (const reference of findReferences(block.text)) {
      // The end is just past the last character: where that character stands, plus one.
      found.push({ file, start: block.at(reference.start), end: block.at(reference.end - 1) + 1, reference });
    }
  }
  return found;
}

export interface Row {
  file: string;
  start: number;
  end: number;
  text: string;
  type: Reference['type'];
  year: number;
  number: string;
  id: string;
  celex?: string;
  url: string;
  status?: Stage;
  statusSince?: string;
  statusAsOf?: string;
}

/** The dataset's CELEX number and address win over the reference's: it knows what a COM number is. */
export function toRow({ file, start, end, reference: ref }: Found, known: Known | undefined): Row {
  const celex = known?.celex ?? ref.celex;
  return {
    file,
    start,
    end,
    text: ref.text,
    type: ref.type,
    year: ref.year,
    number: ref.number,
    id: ref.id,
    ...(celex ? { celex } : {}),
    url: known?.url ?? ref.url,
    ...(known?.status
      ? { status: known.status.stage, statusSince: known.status.since, statusAsOf: known.status.asOf }
      : {}),
  };
}

export const CSV_COLUMNS = ['file', 'start', 'end', 'text', 'type', 'year', 'number', 'id', 'celex', 'url', 'status', 'status_since', 'status_as_of'] as const;

/** A CSV row; the status in the words the popover uses. */
export function csvLine(row: Row): string {
  return csvRow([row.file, row.start, row.end, row.text, row.type, row.year, row.number, row.id, row.celex, row.url, row.status ? stageLabel(row.status) : stageLabel(null), row.statusSince, row.statusAsOf]);
}

export interface SummaryLine {
  status: string;
  documents: number;
  mentions: number;
}

/** Documents and mentions per status, in the order of the stages, untracked last. */
export function summarise(rows: readonly Row[]): SummaryLine[] {
  const byStatus = new Map<Stage | null, { documents: Set<string>; mentions: number }>();
  for (const row of rows) {
    const key = row.status ?? null;
    const entry = byStatus.get(key) ?? { documents: new Set<string>(), mentions: 0 };
    entry.documents.add(row.id);
    entry.mentions++;
    byStatus.set(key, entry);
  }
  const order = (stage: Stage | null) => (stage === null ? Number.POSITIVE_INFINITY : STAGES.indexOf(stage));
  return [...byStatus]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([stage, { documents, mentions }]) => ({ status: stageLabel(stage), documents: documents.size, mentions }));
}

/** The summary as a plain table, or as CSV. */
export function summaryText(lines: readonly SummaryLine[], format: 'json' | 'csv'): string {
  if (format === 'csv') return [csvRow(['status', 'documents', 'mentions']), ...lines.map((l) => csvRow([l.status, l.documents, l.mentions]))].join('');
  const width = Math.max('status'.length, ...lines.map((l) => l.status.length));
  const out = [`${'status'.padEnd(width)}  documents  mentions`];
  for (const l of lines) out.push(`${l.status.padEnd(width)}  ${String(l.documents).padStart(9)}  ${String(l.mentions).padStart(8)}`);
  return `${out.join('\n')}\n`;
}

interface Options {
  format: 'json' | 'csv';
  summary: boolean;
  dataset?: string;
  files: string[];
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { format: 'json', summary: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--summary') options.summary = true;
    else if (arg === '--dataset') {
      const file = args[++i];
      if (!file) return '--dataset needs a dataset file';
      options.dataset = file;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'csv') return `--format is json or csv, not ${value ?? 'nothing'}`;
      options.format = value;
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.files.push(arg);
  }
  return options.files.length === 0 ? 'no file given' : options;
}

function main(args: readonly string[]): number {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const known = loadDataset(options.dataset);
  const rows: Row[] = [];
  let failed = 0;
  if (options.format === 'csv' && !options.summary) process.stdout.write(csvRow(CSV_COLUMNS));
  for (const file of options.files) {
    let found: Found[];
    try {
      found = findInFile(file, readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
      continue;
    }
    const fileRows = found.map((f) => toRow(f, known.get(f.reference.id)));
    if (options.summary) rows.push(...fileRows);
    else if (fileRows.length > 0) {
      process.stdout.write(options.format === 'csv' ? fileRows.map(csvLine).join('') : `${fileRows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    }
  }
  if (options.summary) process.stdout.write(summaryText(summarise(rows), options.format));
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `refs ... | head` closes the pipe early; that is the reader being done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2));
}
