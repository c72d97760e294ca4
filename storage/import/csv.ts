/**
 * The CSV form of a dataset: one row per document and one per event (and one per report, per
 * mention, and one for the dataset itself), so that a spreadsheet holds everything the JSON
 * holds. Rows are mapped to the dataset's shape and validated with the one schema; every path is
 * mapped back to its line and column for the messages. Pure: no DOM, no browser API.
 *
 * Columns (README.md, "For staff"): record, id, type, kind, title, date, celex, url, procedure,
 * aliases, topics, becameAct, fromProposal, amends, amendedBy, stage, institution, label, report,
 * section, quote, footnote, ordinal, version, schemaVersion (quote and footnote, a source's own
 * words and footnote number, are optional, so older files without them still import). Lists (aliases, topics, amends, amendedBy) are
 * separated by "|" (a "|" or "\" inside an item is written "\|" or "\\").
 */
import Papa from 'papaparse';
import type { Dataset, SourceRef } from '../dataset/schema';
import { normaliseDataset } from './json';
import { ProblemList, type ImportProblem, type Locate, type Path } from './problems';

export const CSV_COLUMNS = [
  'record',
  'id',
  'type',
  'kind',
  'title',
  'date',
  'celex',
  'url',
  'procedure',
  'aliases',
  'topics',
  'becameAct',
  'fromProposal',
  'amends',
  'amendedBy',
  'stage',
  'institution',
  'label',
  'report',
  'section',
  'quote',
  'footnote',
  'ordinal',
  'version',
  'schemaVersion',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const RECORD_KINDS = ['dataset', 'report', 'document', 'event', 'mention'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/** Which columns each kind of row uses (besides `record`). */
export const COLUMNS_BY_RECORD: Record<RecordKind, readonly CsvColumn[]> = {
  dataset: ['schemaVersion', 'version'],
  report: ['id', 'ordinal', 'title', 'date'],
  document: ['id', 'type', 'kind', 'title', 'date', 'celex', 'url', 'procedure', 'aliases', 'topics', 'becameAct', 'fromProposal', 'amends', 'amendedBy'],
  event: ['id', 'date', 'stage', 'institution', 'label', 'report', 'section', 'quote', 'footnote'],
  mention: ['id', 'report', 'section', 'quote', 'footnote'],
};

const LIST_COLUMNS = new Set<CsvColumn>(['aliases', 'topics', 'amends', 'amendedBy']);
const NUMBER_COLUMNS = new Set<CsvColumn>(['ordinal', 'schemaVersion', 'footnote']);
/** Spreadsheets run cells that start with these as formulas; exports prefix them with a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) {
      current += cell[++i];
    } else if (ch === '|') {
      items.push(current.trim());
      current = '';
    } else current += ch;
  }
  items.push(current.trim());
  return items;
}

export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join(' | ');
}

function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export interface CsvParseResult {
  /** the rows mapped to the dataset's shape (not yet validated); null when the CSV itself is broken */
  value: Record<string, unknown> | null;
  /** maps a dataset path to its line and column */
  locate: Locate;
  problems: ImportProblem[];
  errorCount: number;
  rows: number;
}

type Obj = Record<string, unknown>;

/** Reads CSV text into the dataset's shape. `onProgress` gets the share of text read (0..1). */
export function parseCsvText(text: string, onProgress?: (share: number) => void): CsvParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems = new ProblemList();
  const lineOf = new Map<string, number>();
  const key = (path: Path) => path.map(String).join('.');
  const locate: Locate = (path) => {
    for (let n = path.length; n > 0; n--) {
      const line = lineOf.get(key(path.slice(0, n)));
      if (line !== undefined) {
        const column = columnFor(path);
        return { place: `line ${line}`, ...(column ? { field: column } : {}) };
      }
    }
    return { place: '(the whole file)', ...(columnFor(path) ? { field: columnFor(path)! } : {}) };
  };
  const fail = (): CsvParseResult => ({ value: null, locate, problems: problems.errors, errorCount: problems.errorCount, rows: 0 });

  if (body.trim() === '') {
    problems.error('(the whole file)', 'The file is empty.');
    return fail();
  }
  if (/^\s*</.test(body)) {
    problems.error('line 1', 'This is a web page (HTML), not a dataset: check the file or the address.');
    return fail();
  }

  // Line numbers: papaparse gives each row's end offset (cursor); count the newlines before each row.
  let counted = 0;
  let line = 1;
  let previousCursor = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset && counted < body.length; counted++) if (body.charCodeAt(counted) === 10) line++;
    return line;
  };

  let header: string[] | null = null;
  const columnIndex = new Map<CsvColumn, number>();
  const dataset: Obj = {};
  const reports: Obj[] = [];
  const documents: Obj[] = [];
  const documentIndex = new Map<string, number>();
  const pending: { kind: 'event' | 'mention'; id: string; value: Obj; line: number }[] = [];
  let datasetLine: number | null = null;
  let rows = 0;
  const total = body.length;
  let lastShare = 0;

  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step: (results) => {
      // skip the newlines that end the previous row, so that the row starts on its own line
      let start = previousCursor;
      while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
      const rowLine = lineAt(start);
      previousCursor = results.meta.cursor;
      if (onProgress && total > 0 && results.meta.cursor / total - lastShare > 0.01) {
        lastShare = results.meta.cursor / total;
        onProgress(lastShare);
      }
      for (const error of results.errors) {
        const message =
          error.code === 'MissingQuotes'
            ? 'a quoted cell is never closed: a " is missing (a " inside a cell is written "")'
            : error.code === 'InvalidQuotes'
              ? 'a quote is misplaced: a cell that starts with " must end with ", and a " inside it is written ""'
              : error.message;
        problems.error(`line ${rowLine}`, message);
      }
      const cells = results.data;
      if (!header) {
        header = cells.map((cell) => cell.trim());
        header.forEach((name, index) => {
          if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
            problems.error('line 1', `unknown column ${JSON.stringify(name)}: the columns are ${CSV_COLUMNS.join(', ')}`, { field: name });
          } else if (columnIndex.has(name as CsvColumn)) {
            problems.error('line 1', `the column ${JSON.stringify(name)} appears twice`, { field: name });
          } else columnIndex.set(name as CsvColumn, index);
        });
        if (!columnIndex.has('record')) problems.error('line 1', 'the column "record" is missing: it says what each row is (dataset, report, document, event, mention)', { field: 'record' });
        return;
      }
      rows++;
      if (header.length !== cells.length) {
        problems.error(`line ${rowLine}`, `has ${cells.length} cells, but the header has ${header.length} columns`);
        return;
      }
      const cell = (column: CsvColumn): string | undefined => {
        const index = columnIndex.get(column);
        if (index === undefined) return undefined;
        const raw = unescapeFormula(cells[index] ?? '');
        return raw.trim() === '' ? undefined : raw;
      };
      const record = cell('record')?.trim();
      if (!record || !(RECORD_KINDS as readonly string[]).includes(record)) {
        problems.error(`line ${rowLine}`, `${record ? JSON.stringify(record) : 'an empty record'} is not a kind of row: write one of ${RECORD_KINDS.join(', ')}`, { field: 'record' });
        return;
      }
      const kind = record as RecordKind;
      const used = COLUMNS_BY_RECORD[kind];
      const value: Obj = {};
      for (const column of CSV_COLUMNS) {
        if (column === 'record') continue;
        const content = cell(column);
        if (content === undefined) continue;
        if (!used.includes(column)) {
          problems.error(`line ${rowLine}`, `a ${kind} row has nothing in the column ${JSON.stringify(column)} (is a cell in the wrong column?)`, { field: column });
          continue;
        }
        if (LIST_COLUMNS.has(column)) value[column] = splitList(content);
        else if (NUMBER_COLUMNS.has(column) && /^\s*\d+\s*$/.test(content)) value[column] = Number(content);
        else value[column] = content;
      }
      switch (kind) {
        case 'dataset':
          if (datasetLine !== null) {
            problems.error(`line ${rowLine}`, `a second dataset row (the first is on line ${datasetLine})`, { field: 'record' });
            return;
          }
          datasetLine = rowLine;
          if ('schemaVersion' in value) dataset.schemaVersion = value.schemaVersion;
          if ('version' in value) dataset.version = value.version;
          lineOf.set('schemaVersion', rowLine);
          lineOf.set('version', rowLine);
          return;
        case 'report':
          lineOf.set(key(['reports', reports.length]), rowLine);
          reports.push(value);
          return;
        case 'document': {
          const id = typeof value.id === 'string' ? value.id : '';
          lineOf.set(key(['documents', documents.length]), rowLine);
          // a repeated id stays a second document, so that validation reports it as a duplicate
          if (id && !documentIndex.has(id)) documentIndex.set(id, documents.length);
          documents.push(value);
          return;
        }
        case 'event':
        case 'mention': {
          const id = typeof value.id === 'string' ? value.id : '';
          if (!id) {
            problems.error(`line ${rowLine}`, `an ${kind} row needs the id of its document`, { field: 'id' });
            return;
          }
          const { id: _omit, ...rest } = value;
          void _omit;
          const item: Obj =
            kind === 'event'
              ? {
                  ...('date' in rest ? { date: rest.date } : {}),
                  ...('stage' in rest ? { stage: rest.stage } : {}),
                  ...('institution' in rest ? { institution: rest.institution } : {}),
                  ...('label' in rest ? { label: rest.label } : {}),
                  source: sourceOf(rest),
                }
              : sourceOf(rest);
          pending.push({ kind, id, value: item, line: rowLine });
          return;
        }
      }
    },
  });
  onProgress?.(1);

  if (!header) problems.error('(the whole file)', 'The file has no header row.');
  // Events and mentions join their document, wherever in the file it is.
  for (const { kind, id, value, line: rowLine } of pending) {
    const index = documentIndex.get(id);
    if (index === undefined) {
      problems.error(`line ${rowLine}`, `the ${kind} belongs to ${JSON.stringify(id)}, but no document row has that id`, { field: 'id' });
      continue;
    }
    const doc = documents[index]!;
    const list = kind === 'event' ? 'events' : 'mentions';
    const items = ((doc[list] as Obj[] | undefined) ?? []) as Obj[];
    doc[list] = items;
    lineOf.set(key(['documents', index, list, items.length]), rowLine);
    items.push(value);
  }
  if (problems.errorCount > 0) return { ...fail(), rows };
  if (datasetLine === null) {
    problems.error('(the whole file)', 'no dataset row: add a row with record "dataset", schemaVersion 1 and the dataset version');
    return { ...fail(), rows };
  }
  return { value: { ...dataset, reports, documents }, locate, problems: problems.errors, errorCount: 0, rows };
}

/** A row's source columns as a SourceRef-shaped object, only those it fills in. */
function sourceOf(row: Obj): Obj {
  const source: Obj = {};
  for (const column of ['report', 'section', 'quote', 'footnote'] as const) if (column in row) source[column] = row[column];
  return source;
}

/** The CSV column a dataset path is about (events.N.source.report → report). */
function columnFor(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    if (key === 'documents' || key === 'reports' || key === 'events' || key === 'mentions' || key === 'source') return undefined;
    return key;
  }
  return undefined;
}

function sourceCells(source: SourceRef): Record<string, string | number> {
  return {
    report: source.report,
    section: source.section,
    ...(source.quote !== undefined ? { quote: source.quote } : {}),
    ...(source.footnote !== undefined ? { footnote: source.footnote } : {}),
  };
}

/** The dataset as CSV, sorted like the JSON export; re-importing it changes nothing. */
export function datasetToCsv(input: Dataset): string {
  const dataset = normaliseDataset(input);
  const rows: Record<string, string | number>[] = [];
  rows.push({ record: 'dataset', schemaVersion: dataset.schemaVersion, version: dataset.version });
  for (const report of dataset.reports) rows.push({ record: 'report', id: report.id, ordinal: report.ordinal, title: report.title, date: report.date });
  for (const doc of dataset.documents) {
    const row: Record<string, string | number> = { record: 'document' };
    for (const column of COLUMNS_BY_RECORD.document) {
      const value = doc[column as keyof typeof doc];
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        if (value.length > 0) row[column] = joinList(value as string[]);
      } else row[column] = value as string;
    }
    rows.push(row);
    for (const event of doc.events) {
      rows.push({ record: 'event', id: doc.id, date: event.date, stage: event.stage, institution: event.institution, label: event.label, ...sourceCells(event.source) });
    }
    for (const mention of doc.mentions) rows.push({ record: 'mention', id: doc.id, ...sourceCells(mention) });
  }
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((column) => row[column] ?? '')) }, { escapeFormulae: true, newline: '\n' }) + '\n';
}
