/**
 * CSV as RFC 4180 writes it (CRLF line ends; a cell with a comma, quote or line break quoted,
 * its quotes doubled) and safe to open in a spreadsheet: a text cell that a spreadsheet would
 * read as a formula (`=`, `+`, `-`, `@`, a tab or carriage return first, or their full-width
 * forms) gets a leading apostrophe, as OWASP advises against CSV injection.
 */

/** Characters that make Excel, LibreOffice or Google Sheets start a formula or a DDE call. */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell. Numbers are written as numbers; text is defused and quoted where needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_EOL = '\r\n';

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + CSV_EOL;
}

/** A byte order mark, so that spreadsheets read Greek or Bulgarian text as UTF-8. */
export const UTF8_BOM = '\ufeff';
