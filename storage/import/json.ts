/** JSON in and out. Pure: no DOM, no browser API. */
import { DatasetSchema, type Dataset } from '../dataset/schema';
import { phrase, type Said } from '../../i18n/phrase';
import { atLine, WHOLE_FILE, type ImportProblem } from './problems';

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** Parses JSON text; a syntax error comes back with its line and column. */
export function parseJsonText(text: string): ParseOutcome<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { severity: 'error', place: WHOLE_FILE, message: phrase('problemFileEmpty') } };
  if (/^\s*</.test(body)) {
    return { ok: false, problem: { severity: 'error', place: atLine(1), message: phrase('problemHtmlPage') } };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    let place: Said = WHOLE_FILE;
    const byLine = /\(line (\d+) column (\d+)\)/.exec(raw);
    const byPosition = /at position (\d+)/.exec(raw);
    if (byLine) place = phrase('problemPlaceLineColumn', Number(byLine[1]), Number(byLine[2]));
    else if (byPosition) {
      const { line, column } = lineColumn(body, Number(byPosition[1]));
      place = phrase('problemPlaceLineColumn', line, column);
    } else if (/end of (JSON )?input/i.test(raw)) {
      place = phrase('problemPlaceEnd', lineColumn(body, body.length).line);
    }
    const reason = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
    return {
      ok: false,
      problem: { severity: 'error', place, message: phrase('problemNotJson', reason) },
    };
  }
}

/** Sorted and in schema order, so that the same data always gives the same bytes. */
export function normaliseDataset(dataset: Dataset): Dataset {
  const parsed = DatasetSchema.parse(dataset);
  return {
    ...parsed,
    reports: [...parsed.reports].sort((a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    documents: [...parsed.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify(normaliseDataset(dataset), null, 2)}\n`;
}
