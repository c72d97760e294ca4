/**
 * The CSV form of a dataset: one row per document and one per event (and one per report, per
 * mention, and one for the dataset itself), so that a spreadsheet holds everything the JSON
 * holds. Rows are mapped to the dataset's shape and validated with the one schema; every path is
 * mapped back to its line and column for the messages. Pure: no DOM, no browser API.
 *
 * Columns (README.md, "For staff"): record, id, type, kind, title, date, celex, url, procedure,
 * aliases, topics, becameAct, fromProposal, amends, amendedBy, stage, institution, label, report,
 * section, quote, footnote, fact, from, note, ordinal, version, schemaVersion (quote and
 * footnote, a source's own words and footnote number, and the `outside` rows — a fact no report
 * states, with where it comes from — are optional, so older files without them still import). Lists (aliases, topics, amends, amendedBy) are
 * separated by "|" (a "|" or "\" inside an item is written "\|" or "\\").
 */
import Papa from 'papaparse';
import type { Dataset, OutsideSource, SourceRef } from '../dataset/schema';
import { DATASET_SCHEMA_VERSION } from '../dataset/schema';
import { normaliseDataset } from './json';
import { phrase } from '../../i18n/phrase';
import { atLine, documentSubject, ProblemList, reportSubject, WHOLE_FILE, type ImportProblem, type Locate, type Path } from './problems';

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
  'fact',
  'from',
  'note',
  'ordinal',
  'version',
  'schemaVersion',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const RECORD_KINDS = ['dataset', 'report', 'document', 'event', 'mention', 'outside'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/** Which columns each kind of row uses (besides `record`). */
export const COLUMNS_BY_RECORD: Record<RecordKind, readonly CsvColumn[]> = {
  dataset: ['schemaVersion', 'version'],
  report: ['id', 'ordinal', 'title', 'date'],
  document: ['id', 'type', 'kind', 'title', 'date', 'celex', 'url', 'procedure', 'aliases', 'topics', 'becameAct', 'fromProposal', 'amends', 'amendedBy'],
  event: ['id', 'date', 'stage', 'institution', 'label', 'report', 'section', 'quote', 'footnote'],
  mention: ['id', 'report', 'section', 'quote', 'footnote'],
  // a fact that no report states, with where it comes from: of the document `id`, or of the report `report`
  outside: ['id', 'report', 'fact', 'from', 'note', 'url'],
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
        return { place: atLine(line), ...(column ? { field: column } : {}) };
      }
    }
    return { place: WHOLE_FILE, ...(columnFor(path) ? { field: columnFor(path)! } : {}) };
  };
  const fail = (): CsvParseResult => ({ value: null, locate, problems: problems.errors, errorCount: problems.errorCount, rows: 0 });

  if (body.trim() === '') {
    problems.error(WHOLE_FILE, phrase('problemFileEmpty'));
    return fail();
  }
  if (/^\s*</.test(body)) {
    problems.error(atLine(1), phrase('problemHtmlPage'));
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
  const outsideRows: { id?: string; report?: string; fact: string; value: Obj; line: number }[] = [];
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
            ? phrase('problemQuoteOpen')
            : error.code === 'InvalidQuotes'
              ? phrase('problemQuoteMisplaced')
              : phrase('problemCheckSays', error.message);
        problems.error(atLine(rowLine), message);
      }
      const cells = results.data;
      if (!header) {
        header = cells.map((cell) => cell.trim());
        header.forEach((name, index) => {
          if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
            problems.error(atLine(1), phrase('problemUnknownColumn', JSON.stringify(name), CSV_COLUMNS.join(', ')), { field: name });
          } else if (columnIndex.has(name as CsvColumn)) {
            problems.error(atLine(1), phrase('problemColumnTwice', JSON.stringify(name)), { field: name });
          } else columnIndex.set(name as CsvColumn, index);
        });
        if (!columnIndex.has('record')) problems.error(atLine(1), phrase('problemNoRecordColumn'), { field: 'record' });
        return;
      }
      rows++;
      if (header.length !== cells.length) {
        problems.error(atLine(rowLine), phrase('problemCellCount', cells.length, header.length));
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
        problems.error(atLine(rowLine), phrase('problemNotRecordKind', record ? JSON.stringify(record) : phrase('problemEmptyRecord'), RECORD_KINDS.join(', ')), { field: 'record' });
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
          problems.error(atLine(rowLine), phrase('problemEmptyColumn', kind, JSON.stringify(column)), { field: column });
          continue;
        }
        if (LIST_COLUMNS.has(column)) value[column] = splitList(content);
        else if (NUMBER_COLUMNS.has(column) && /^\s*\d+\s*$/.test(content)) value[column] = Number(content);
        else value[column] = content;
      }
      switch (kind) {
        case 'dataset':
          if (datasetLine !== null) {
            problems.error(atLine(rowLine), phrase('problemSecondDataset', datasetLine), { field: 'record' });
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
            problems.error(atLine(rowLine), phrase('problemRowNeedsDocument', kind), { field: 'id' });
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
        case 'outside': {
          const id = typeof value.id === 'string' ? value.id : undefined;
          const report = typeof value.report === 'string' ? value.report : undefined;
          const fact = typeof value.fact === 'string' ? value.fact.trim() : '';
          if ((id === undefined) === (report === undefined)) {
            problems.error(atLine(rowLine), phrase('problemOutsideOneOf'), { field: 'id' });
            return;
          }
          if (!fact) {
            problems.error(atLine(rowLine), phrase('problemOutsideFact'), { field: 'fact' });
            return;
          }
          const source: Obj = {};
          for (const column of ['from', 'note', 'url'] as const) if (column in value) source[column] = value[column];
          outsideRows.push({ ...(id !== undefined ? { id } : {}), ...(report !== undefined ? { report } : {}), fact, value: source, line: rowLine });
          return;
        }
      }
    },
  });
  onProgress?.(1);

  if (!header) problems.error(WHOLE_FILE, phrase('problemNoHeader'));
  // Events and mentions join their document, wherever in the file it is.
  for (const { kind, id, value, line: rowLine } of pending) {
    const index = documentIndex.get(id);
    if (index === undefined) {
      problems.error(atLine(rowLine), phrase('problemOrphanRow', kind, JSON.stringify(id)), { field: 'id' });
      continue;
    }
    const doc = documents[index]!;
    const list = kind === 'event' ? 'events' : 'mentions';
    const items = ((doc[list] as Obj[] | undefined) ?? []) as Obj[];
    doc[list] = items;
    lineOf.set(key(['documents', index, list, items.length]), rowLine);
    items.push(value);
  }
  // Outside facts join their document or report, wherever in the file it is.
  for (const { id, report, fact, value, line: rowLine } of outsideRows) {
    const [list, index, what] =
      id !== undefined
        ? (['documents', documentIndex.get(id), documentSubject(id)] as const)
        : (['reports', reports.findIndex((r) => r.id === report), reportSubject(report ?? '')] as const);
    const target = index === undefined || index < 0 ? undefined : (list === 'documents' ? documents : reports)[index];
    if (!target) {
      problems.error(atLine(rowLine), phrase('problemOutsideOrphan', what, list === 'documents' ? 'document' : 'report'), { field: id !== undefined ? 'id' : 'report' });
      continue;
    }
    const outside = ((target.outside as Obj | undefined) ?? {}) as Obj;
    target.outside = outside;
    if (fact in outside) {
      problems.error(atLine(rowLine), phrase('problemOutsideTwice', fact, what), { field: 'fact' });
      continue;
    }
    lineOf.set(key([list, index!, 'outside', fact]), rowLine);
    outside[fact] = value;
  }
  if (problems.errorCount > 0) return { ...fail(), rows };
  if (datasetLine === null) {
    problems.error(WHOLE_FILE, phrase('problemNoDatasetRow', DATASET_SCHEMA_VERSION));
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
    // outside.<fact>.<from|note|url>: the column is the last key; outside.<fact> itself is the fact column
    if (i > 0 && path[i - 1] === 'outside') return 'fact';
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

function outsideCells(source: OutsideSource): Record<string, string> {
  return { from: source.from, note: source.note, ...(source.url !== undefined ? { url: source.url } : {}) };
}

/** The dataset as CSV, sorted like the JSON export; re-importing it changes nothing. */
export function datasetToCsv(input: Dataset): string {
  const dataset = normaliseDataset(input);
  const rows: Record<string, string | number>[] = [];
  rows.push({ record: 'dataset', schemaVersion: dataset.schemaVersion, version: dataset.version });
  for (const report of dataset.reports) {
    rows.push({ record: 'report', id: report.id, ordinal: report.ordinal, title: report.title, date: report.date });
    for (const [fact, source] of Object.entries(report.outside ?? {})) if (source) rows.push({ record: 'outside', report: report.id, fact, ...outsideCells(source) });
  }
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
    for (const [fact, source] of Object.entries(doc.outside ?? {})) if (source) rows.push({ record: 'outside', id: doc.id, fact, ...outsideCells(source) });
    for (const event of doc.events) {
      rows.push({ record: 'event', id: doc.id, date: event.date, stage: event.stage, institution: event.institution, label: event.label, ...sourceCells(event.source) });
    }
    for (const mention of doc.mentions) rows.push({ record: 'mention', id: doc.id, ...sourceCells(mention) });
  }
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((column) => row[column] ?? '')) }, { escapeFormulae: true, newline: '\n' }) + '\n';
}
