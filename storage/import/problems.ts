/**
 * Problems found in an import, in words a staff member understands: where (a line of a CSV file
 * or a JSON path), which record and field, and what is wrong. Each is a phrase (a message key and
 * its parameters), said in the reader's language where it is shown (the options page) and in
 * English where a script prints it. Pure: no DOM, no browser API.
 */
import type { z } from 'zod';
import type { MessageKey } from '../../i18n/keys';
import { phrase, pluralPhrase, say, type Phrase, type Said } from '../../i18n/phrase';
import type { Translator } from '../../i18n/translate';

export interface ImportProblem {
  severity: 'error' | 'warning';
  /** "line 12" for CSV, a JSON path such as "documents[3].events[0].date" for JSON, "(the whole file)" */
  place: Said;
  /** the record concerned, e.g. `document "COM(2018) 640"` */
  subject?: Said;
  /** the field (JSON) or column (CSV), as the file names it */
  field?: string;
  message: Phrase;
}

export const WHOLE_FILE: Phrase = phrase('problemPlaceFile');

export const atLine = (line: number): Phrase => phrase('problemPlaceLine', line);

export type Path = readonly PropertyKey[];

/** Where a problem at a dataset path is: CSV maps paths to lines and columns; JSON shows the path. */
export type Locate = (path: Path) => { place: Said; field?: string };

export function jsonPath(path: Path): Said {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || WHOLE_FILE;
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

/** A short, safe account of a value for a message: quoted and cut (the file's own, as data). */
export function show(value: unknown): Said {
  if (value === undefined) return phrase('problemValueNothing');
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  // The file's own number, as the file writes it, not as the reader's language would.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return pluralPhrase('problemValueList', value.length);
  return phrase('problemValueObject');
}

const TYPE_WORDS: Readonly<Record<string, MessageKey>> = {
  string: 'problemTypeText',
  number: 'problemTypeNumber',
  int: 'problemTypeWholeNumber',
  boolean: 'problemTypeBoolean',
  array: 'problemTypeList',
  object: 'problemTypeObject',
};

const typeWords = (expected: string): Said => {
  const key = TYPE_WORDS[expected];
  return key ? phrase(key) : expected;
};

/** The record a path is about, in words: document "COM(2018) 640", its event 2, report "COM(2018) 470". */
export function subjectOf(root: unknown, path: Path): Said | undefined {
  const [top, index, sub, subIndex] = path;
  if ((top === 'documents' || top === 'reports') && typeof index === 'number') {
    const id = valueAt(root, [top, index, 'id']);
    const named = typeof id === 'string' && id ? JSON.stringify(id) : index + 1;
    const subject = phrase(top === 'documents' ? 'problemSubjectDocument' : 'problemSubjectReport', named);
    if (typeof sub === 'string' && typeof subIndex === 'number' && (sub === 'events' || sub === 'mentions')) {
      return phrase(sub === 'events' ? 'problemSubjectEvent' : 'problemSubjectMention', subject, subIndex + 1);
    }
    return subject;
  }
  return undefined;
}

/** A document of the dataset as the subject of a problem: `document "COM(2018) 640"`. */
export const documentSubject = (id: string): Phrase => phrase('problemSubjectDocument', JSON.stringify(id));
export const reportSubject = (id: string): Phrase => phrase('problemSubjectReport', JSON.stringify(id));
export const eventSubject = (document: Said, index: number): Phrase => phrase('problemSubjectEvent', document, index + 1);

/** One zod issue in words. `root` is the input, to quote the offending value. */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, locate: Locate): ImportProblem {
  const value = valueAt(root, issue.path);
  // One unknown key is found where that key is (in a CSV, the row that wrote it), not its object.
  const where = locate(issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path);
  const subject = subjectOf(root, issue.path);
  const field = where.field;
  const problem = (message: Phrase, fieldOverride?: string): ImportProblem => ({
    severity: 'error',
    place: where.place,
    ...(subject ? { subject } : {}),
    ...((fieldOverride ?? field) ? { field: fieldOverride ?? field } : {}),
    message,
  });
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return problem(phrase('problemMissing'));
      return problem(phrase('problemShouldBe', typeWords(issue.expected), show(value)));
    case 'invalid_value': {
      if (issue.values.length === 1) return problem(phrase('problemShouldBe', show(issue.values[0]), show(value)));
      return problem(phrase('problemNotAllowed', show(value), issue.values.map(String).join(', ')));
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? problem(phrase('problemEmpty')) : problem(pluralPhrase('problemTooShort', Number(issue.minimum)));
      }
      if (issue.origin === 'number') return problem(phrase(issue.inclusive ? 'problemAtLeast' : 'problemMoreThan', Number(issue.minimum), show(value)));
      return problem(pluralPhrase('problemFewEntries', Number(issue.minimum)));
    case 'too_big':
      if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.length : '?';
        return problem(phrase('problemTooLong', length, Number(issue.maximum)));
      }
      return problem(phrase('problemAtMost', Number(issue.maximum)));
    case 'invalid_format':
      if (issue.format === 'url') return problem(phrase('problemUrl', show(value)));
      if (field === 'celex') return problem(phrase('problemCelex', show(value)));
      // The one pattern with words of its own in the schema is the date's.
      if (issue.format === 'regex' && field === 'date') return problem(phrase('problemDateForm', show(value)));
      if (issue.format === 'regex' && !/^Invalid/.test(issue.message)) return problem(phrase('problemShouldBe', issue.message, show(value)));
      return problem(phrase('problemWrongForm', show(value)));
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      return problem(pluralPhrase('problemUnknownFields', issue.keys.length, keys), issue.keys.join(', '));
    }
    case 'custom':
      return problem(phrase('problemShouldBeNot', issue.message, show(value)));
    case 'not_multiple_of':
      return problem(phrase('problemMultipleOf', Number(issue.divisor)));
    default:
      return problem(phrase('problemCheckSays', issue.message));
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

  error(place: Said, message: Phrase, extra: { subject?: Said; field?: string } = {}): void {
    this.add({ severity: 'error', place, message, ...extra });
  }

  warn(place: Said, message: Phrase, extra: { subject?: Said; field?: string } = {}): void {
    this.add({ severity: 'warning', place, message, ...extra });
  }
}

/** Items joined by a key of two placeholders ("$first$, $rest$"), as a list of problems is written. */
export function joinedSaid(key: 'importRefreshProblemsJoined' | 'importRefreshProblemParts', items: readonly Said[]): Said {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  return rest.length === 0 ? first : phrase(key, first, joinedSaid(key, rest));
}

/** One line for a problem, kept as words: "line 12, document "X", field date: should be …". */
export function problemSaid(problem: ImportProblem): Said {
  const parts: Said[] = [problem.place];
  if (problem.subject) parts.push(problem.subject);
  if (problem.field) parts.push(phrase('problemField', problem.field));
  return phrase('problemLine', joinedSaid('importRefreshProblemParts', parts), problem.message);
}

/** One line for a problem, in `words`' language. */
export function formatProblem(problem: ImportProblem, words: Translator): string {
  return say(words, problemSaid(problem));
}
