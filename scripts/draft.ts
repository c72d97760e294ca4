/**
 * npm run --silent draft -- REPORT_FILE... [--base DATASET.json] [--out DRAFT.json] [--report N=COM(YYYY) N@YYYY-MM-DD]
 * Drafts the next dataset update from progress reports (docs/drafter.md): writes the base dataset
 * plus every proposed addition in the import format (stdout without --out), and prints the review
 * table — document, stage, date, confidence, quote — to stderr, lowest confidence first.
 * `--report` gives a report's number and date when its text does not print them.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { draftUpdate, type Draft, type ProposedEvent } from '../drafter/draft';
import { DatasetSchema, type Dataset } from '../storage/dataset/schema';
import { validateDataset } from '../storage/import/validate';
import { english } from '../i18n/english';
import { say } from '../i18n/phrase';

export interface DraftArgs {
  files: string[];
  base?: string;
  out?: string;
  given: Map<number, { id: string; date: string }>;
}

export function parseArgs(argv: readonly string[]): DraftArgs | string {
  const args: DraftArgs = { files: [], given: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--base' || a === '--out' || a === '--report') {
      const value = argv[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--base') args.base = value;
      else if (a === '--out') args.out = value;
      else {
        const m = /^(\d+)=(.+)@(\d{4}-\d{2}-\d{2})$/.exec(value);
        if (!m) return `--report wants ORDINAL=ID@YYYY-MM-DD, e.g. 15=COM(2018) 470@2018-06-13`;
        args.given.set(Number(m[1]), { id: m[2]!.trim(), date: m[3]! });
      }
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return 'no report file given';
  return args;
}

function cell(s: string, width: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
}

/** The review table: one line per proposed event, document and link, least confident first. */
export function reviewTable(draft: Draft): string {
  const rows = [...draft.proposals].sort((a, b) => a.confidence - b.confidence);
  const lines = [`${cell('document', 18)}  ${cell('stage', 21)}  ${cell('date', 10)}  conf  quote`];
  for (const p of rows) {
    if (p.kind === 'event') {
      const e = (p as ProposedEvent).event;
      lines.push(`${cell(p.document, 18)}  ${cell(e.stage, 21)}  ${cell(e.date, 10)}  ${p.confidence.toFixed(2)}  ${cell(p.evidence.quote, 100)}`);
    } else if (p.kind === 'document') {
      lines.push(`${cell(p.document.id, 18)}  ${cell(`new ${p.document.kind}`, 21)}  ${cell(p.document.date ?? '', 10)}  ${p.confidence.toFixed(2)}  ${cell(p.document.title, 100)}`);
    } else {
      lines.push(`${cell(p.proposal, 18)}  ${cell(`became ${p.act}`, 21)}  ${cell('', 10)}  ${p.confidence.toFixed(2)}  ${cell(p.evidence.quote, 100)}`);
    }
  }
  const events = draft.proposals.filter((p) => p.kind === 'event').length;
  const docs = draft.proposals.filter((p) => p.kind === 'document').length;
  const links = draft.proposals.filter((p) => p.kind === 'link').length;
  lines.push(`${events} events, ${docs} new documents, ${links} links proposed from ${draft.reports.map((r) => `${r.report.id} (${r.report.date})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function serialise(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export async function run(argv: readonly string[], io: { err: (s: string) => void; out: (s: string) => void }): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\nusage: npm run --silent draft -- REPORT_FILE... [--base DATASET.json] [--out DRAFT.json] [--report N=COM(YYYY) N@YYYY-MM-DD]\n`);
    return 2;
  }
  let base: Dataset | null = null;
  try {
    if (args.base) base = DatasetSchema.parse(JSON.parse(readFileSync(args.base, 'utf8')));
    const inputs = args.files.map((name) => ({ name, raw: readFileSync(name, 'utf8') }));
    const draft = draftUpdate(inputs, base, { given: args.given });
    const checked = await validateDataset(JSON.parse(JSON.stringify(draft.dataset)));
    io.err(reviewTable(draft));
    if (checked.errorCount > 0) {
      for (const e of checked.errors.slice(0, 20)) io.err(`invalid: ${say(english, e.place)}: ${say(english, e.message)}\n`);
      return 1;
    }
    if (checked.warningCount > 0) io.err(`${checked.warningCount} warnings from the import validator (shown in the options page's preview)\n`);
    const text = serialise(draft.dataset);
    if (args.out) {
      writeFileSync(`${args.out}.tmp`, text);
      renameSync(`${args.out}.tmp`, args.out);
    } else io.out(text);
    return 0;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2), { err: (s) => process.stderr.write(s), out: (s) => process.stdout.write(s) }).then((code) => {
    process.exitCode = code;
  });
}
