/**
 * The grammar's golden record: every reference that references/ finds in a fixed set of inputs,
 * kept in tests/data/grammar-golden/ so that any change to what the grammar finds shows up in
 * tests/unit/references/grammar-golden.test.ts, and in the record's diff once re-recorded
 * (`npm run golden:record`).
 *
 * A record is JSON lines, one object a line: an input, then one line per reference found in it.
 * Pages and reports, which live in ../shared, are recorded by name and hash and run whole and line
 * by line (a line holds one block of a page); short strings are recorded with their text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { findReferences, type Reference } from '../references';
import { htmlToText } from './html-text';
import { FIXTURES_DIR, PROJECT_DIR, REPORTS_DIR } from './shared-dir';

export const GOLDEN_DIR = resolve(PROJECT_DIR, 'tests/data/grammar-golden');

const FileInputLine = z.strictObject({ input: z.string(), chars: z.number().int(), sha256: z.string() });
const StringInputLine = z.strictObject({ input: z.string(), text: z.string() });
const FindingLine = z.strictObject({
  in: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  type: z.string(),
  year: z.number().int(),
  number: z.string(),
  id: z.string(),
  celex: z.string().optional(),
  url: z.string(),
});
export const GoldenLine = z.union([FindingLine, FileInputLine, StringInputLine]);
export type GoldenLine = z.infer<typeof GoldenLine>;
export type Finding = z.infer<typeof FindingLine>;

/** One input: a file of ../shared (recorded by hash) or a short string (recorded as it is). */
export interface GoldenInput {
  name: string;
  text: string;
  kind: 'file' | 'string';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The texts the grammar runs on for one input, each with the name its findings are filed under. */
export function partsOf(input: GoldenInput): [name: string, text: string][] {
  if (input.kind === 'string') return [[input.name, input.text]];
  const lines = input.text.split('\n');
  return [[input.name, input.text], ...lines.map((line, i): [string, string] => [`${input.name}:${i + 1}`, line])];
}

function findingOf(part: string, r: Reference): Finding {
  return { in: part, start: r.start, end: r.end, text: r.text, type: r.type, year: r.year, number: r.number, id: r.id, celex: r.celex, url: r.url };
}

/** JSON on one line; U+2028 and U+2029 escaped too, which editors would take for line breaks. */
function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The record's lines for these inputs, as the grammar finds them now. */
export function goldenLines(inputs: readonly GoldenInput[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const head = input.kind === 'file' ? { input: input.name, chars: input.text.length, sha256: sha256(input.text) } : { input: input.name, text: input.text };
    out.push(jsonLine(head));
    for (const [part, text] of partsOf(input)) {
      for (const r of findReferences(text)) out.push(jsonLine(findingOf(part, r)));
    }
  }
  return out;
}

/** A page's text as `npm run refs` reads it, a line between blocks. */
export function fixtureInput(file: string): GoldenInput {
  return { name: file, text: htmlToText(readFileSync(resolve(FIXTURES_DIR, file), 'utf8')), kind: 'file' };
}

export function reportInput(file: string): GoldenInput {
  return { name: file, text: readFileSync(resolve(REPORTS_DIR, file), 'utf8'), kind: 'file' };
}

/** The records: the file each is kept in, and how a recorded file input is read again. */
export const RECORDS = {
  fixtures: { file: 'eurlex-fixtures.jsonl', readInput: fixtureInput },
  reports: { file: 'reports.jsonl', readInput: reportInput },
  testStrings: { file: 'test-strings.jsonl', readInput: null },
  soup: { file: 'generated-soup.jsonl', readInput: null },
  actWindows: { file: 'generated-act-windows.jsonl', readInput: null },
} as const;
export type RecordName = keyof typeof RECORDS;

export interface Recorded {
  /** the record's lines as they stand in its file */
  lines: string[];
  /** the same, parsed */
  parsed: GoldenLine[];
  /** its inputs: strings as recorded, files read again from ../shared */
  inputs: GoldenInput[];
}

export function readRecord(name: RecordName): Recorded {
  const { file, readInput } = RECORDS[name];
  const lines = readFileSync(resolve(GOLDEN_DIR, file), 'utf8').split('\n').filter((line) => line !== '');
  const parsed = lines.map((line, i) => {
    const result = GoldenLine.safeParse(JSON.parse(line));
    if (!result.success) throw new Error(`${file}, line ${i + 1}: not an input or a reference of the record: ${result.error.message}`);
    return result.data;
  });
  const inputs: GoldenInput[] = [];
  for (const line of parsed) {
    if (!('input' in line)) continue;
    if ('text' in line) inputs.push({ name: line.input, text: line.text, kind: 'string' });
    else if (readInput) inputs.push(readInput(line.input));
    else throw new Error(`${file}: ${line.input} is recorded by hash, but this record's inputs are strings`);
  }
  return { lines, parsed, inputs };
}
