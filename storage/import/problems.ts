/**
 * Problems found in an import, in words a staff member understands: where (a line of a CSV file
 * or a JSON path), which record and field, and what is wrong. Pure: no DOM, no browser API.
 */
import type { z } from 'zod';

export interface ImportProblem {
  severity: 'error' | 'warning';
  /** "line 12" for CSV, a JSON path such as "documents[3].events[0].date" for JSON, "file" for the whole file */
  place: string;
  /** the record concerned, e.g. `document "COM(2018) 640"` */
  subject?: string;
  /** the field (JSON) or column (CSV) */
  field?: string;
  message: string;
}

export type Path = readonly PropertyKey[];

/** Where a problem at a dataset path is: CSV maps paths to lines and columns; JSON shows the path. */
export type Locate = (path: Path) => { place: string; field?: string };

export function jsonPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the whole file)';
}

export const locateJson: Locate = (path) => {
  const last = [...path].reverse().find((key) => typeof key === 'string');
  return { place: jsonPath(path), ...(last !== undefined ? { field: String(last) } : {}) };
};

/** The value at `path` in `root`, reading own properties only (a `__proto__` key is just a key). */
export function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A short, safe account of a value for a message: quoted and cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'a group of fields';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields ({ … })',
};

/** The record a path is about, in words: document "COM(2018) 640", its event 2, report "COM(2018) 470". */
export function subjectOf(root: unknown, path: Path): string | undefined {
  const [top, index, sub, subIndex] = path;
  if ((top === 'documents' || top === 'reports') && typeof index === 'number') {
    const id = valueAt(root, [top, index, 'id']);
    const name = top === 'documents' ? 'document' : 'report';
    let subject = typeof id === 'string' && id ? `${name} ${JSON.stringify(id)}` : `${name} ${index + 1}`;
    if (typeof sub === 'string' && typeof subIndex === 'number' && (sub === 'events' || sub === 'mentions')) {
      subject += `, ${sub === 'events' ? 'event' : 'mention'} ${subIndex + 1}`;
    }
    return subject;
  }
  return undefined;
}

/** One zod issue in words. `root` is the input, to quote the offending value. */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, locate: Locate): ImportProblem {
  const value = valueAt(root, issue.path);
  // One unknown key is found where that key is (in a CSV, the row that wrote it), not its object.
  const where = locate(issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path);
  const subject = subjectOf(root, issue.path);
  const field = where.field;
  const problem = (message: string, fieldOverride?: string): ImportProblem => ({
    severity: 'error',
    place: where.place,
    ...(subject ? { subject } : {}),
    ...((fieldOverride ?? field) ? { field: fieldOverride ?? field } : {}),
    message,
  });
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return problem('is missing');
      return problem(`should be ${TYPE_WORDS[issue.expected] ?? issue.expected}, but is ${show(value)}`);
    case 'invalid_value': {
      if (issue.values.length === 1) return problem(`should be ${show(issue.values[0])}, but is ${show(value)}`);
      return problem(`${show(value)} is not one of the allowed values: ${issue.values.map(String).join(', ')}`);
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? problem('must not be empty') : problem(`must be at least ${issue.minimum} characters long`);
      }
      if (issue.origin === 'number') return problem(`must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, but is ${show(value)}`);
      return problem(`must have at least ${issue.minimum} entries`);
    case 'too_big':
      if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.length : '?';
        return problem(`is too long: ${length} characters, at most ${issue.maximum} allowed`);
      }
      return problem(`must be at most ${issue.maximum}`);
    case 'invalid_format':
      if (issue.format === 'url') return problem(`should be a web address (https://…), but is ${show(value)}`);
      if (field === 'celex') return problem(`should be a CELEX number such as 32017L0541, but is ${show(value)}`);
      if (issue.format === 'regex' && !/^Invalid/.test(issue.message)) return problem(`should be ${issue.message}, but is ${show(value)}`);
      return problem(`has the wrong form: ${show(value)}`);
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      return problem(`unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling against the dataset format`, issue.keys.join(', '));
    }
    case 'custom':
      return problem(`should be ${issue.message}; ${show(value)} is not`);
    case 'not_multiple_of':
      return problem(`must be a multiple of ${String(issue.divisor)}`);
    default:
      return problem(issue.message);
  }
}

/** Collects problems, keeping the first `limit` of each severity and counting all. */
export class ProblemList {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  errorCount = 0;
  warningCount = 0;
  constructor(private readonly limit = 500) {}

  add(problem: ImportProblem): void {
    if (problem.severity === 'error') {
      this.errorCount++;
      if (this.errors.length < this.limit) this.errors.push(problem);
    } else {
      this.warningCount++;
      if (this.warnings.length < this.limit) this.warnings.push(problem);
    }
  }

  error(place: string, message: string, extra: { subject?: string; field?: string } = {}): void {
    this.add({ severity: 'error', place, message, ...extra });
  }

  warn(place: string, message: string, extra: { subject?: string; field?: string } = {}): void {
    this.add({ severity: 'warning', place, message, ...extra });
  }
}

/** One line for a problem: "line 12, document "X", field date: should be …". */
export function formatProblem(problem: ImportProblem): string {
  const parts = [problem.place];
  if (problem.subject) parts.push(problem.subject);
  if (problem.field) parts.push(`field ${problem.field}`);
  return `${parts.join(', ')}: ${problem.message}`;
}
