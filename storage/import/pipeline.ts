/**
 * From bytes to a validated dataset: size limit, hash, text decoding, format (JSON or CSV),
 * parsing, validation. Runs in the options page's import worker, in the background (scheduled
 * refresh) and in Node (tests) alike: no DOM; Web Crypto and TextDecoder are in all three.
 */
import type { Dataset } from '../dataset/schema';
import type { FileDataset } from '../dataset/dataset-file';
import { parseCsvText } from './csv';
import { parseJsonText } from './json';
import { byteSize, phrase } from '../../i18n/phrase';
import { WHOLE_FILE, type ImportProblem } from './problems';
import { validateDataset, validateDatasetFile } from './validate';

/** Far more than 100,000 documents in JSON; a larger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export type ImportFormat = 'json' | 'csv';

export interface PreparedImport<D extends Dataset | FileDataset = Dataset> {
  format: ImportFormat | null;
  hash: string;
  bytes: number;
  dataset: D | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  errorCount: number;
  warningCount: number;
  /** milliseconds spent per phase, for the record */
  timings: Record<string, number>;
}

export const PHASES = ['reading', 'parsing', 'validating', 'comparing', 'applying'] as const;
export type Phase = (typeof PHASES)[number];
export type ProgressFn = (phase: Phase, share: number) => void;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON or CSV, from the name, then the media type, then the first character. */
export function detectFormat(text: string, name = '', contentType = ''): ImportFormat {
  const lowerName = name.toLowerCase();
  if (lowerName.endsWith('.csv')) return 'csv';
  if (lowerName.endsWith('.json')) return 'json';
  if (/csv/i.test(contentType)) return 'csv';
  if (/json/i.test(contentType)) return 'json';
  const first = /\S/.exec(text.slice(0, 1024))?.[0];
  return first === '{' || first === '[' ? 'json' : first === '<' ? 'json' : 'csv';
}

export interface PrepareOptions {
  name?: string;
  contentType?: string;
  knownReports?: ReadonlySet<string>;
  onProgress?: ProgressFn;
  pause?: () => Promise<void>;
}

/** prepareImportLazily, with the documents parsed into a Dataset: for a file small enough to hold. */
export async function prepareImport(bytes: Uint8Array, options: PrepareOptions = {}): Promise<PreparedImport> {
  const prepared = await prepareImportLazily(bytes, options);
  const { dataset } = prepared;
  if (!dataset || Array.isArray(dataset.documents)) return prepared as PreparedImport;
  const { documents } = dataset as FileDataset;
  return { ...prepared, dataset: { ...dataset, documents: Array.from({ length: documents.length }, (_, i) => documents.document(i)) } };
}

/**
 * Reads, checks and validates a file. A JSON file's documents stay in its bytes until they are
 * written (storage/dataset/dataset-file.ts): 100,000 documents never sit in memory parsed.
 */
export async function prepareImportLazily(bytes: Uint8Array, options: PrepareOptions = {}): Promise<PreparedImport<Dataset | FileDataset>> {
  const timings: Record<string, number> = {};
  const clock = () => (globalThis.performance ? performance.now() : Date.now());
  const fail = (problem: Omit<ImportProblem, 'severity'>, format: ImportFormat | null = null, hash = ''): PreparedImport<Dataset | FileDataset> => ({
    format,
    hash,
    bytes: bytes.byteLength,
    dataset: null,
    errors: [{ severity: 'error', ...problem }],
    warnings: [],
    errorCount: 1,
    warningCount: 0,
    timings,
  });
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fail({ place: WHOLE_FILE, message: phrase('problemFileTooLarge', byteSize(bytes.byteLength), byteSize(MAX_IMPORT_BYTES)) });
  }
  let t = clock();
  options.onProgress?.('reading', 0);
  const hash = await sha256Hex(bytes);
  timings.read = clock() - t;
  // The first characters tell the format; a JSON file is then read a document at a time.
  const format = detectFormat(new TextDecoder().decode(bytes.subarray(0, 1024)), options.name, options.contentType);
  if (format === 'json') {
    t = clock();
    options.onProgress?.('parsing', 0);
    const streamed = await validateDatasetFile(bytes, {
      ...(options.knownReports ? { knownReports: options.knownReports } : {}),
      ...(options.pause ? { pause: options.pause } : {}),
      onProgress: (done, total) => options.onProgress?.('validating', total ? done / total : 1),
    });
    if (streamed) {
      const { timings: spent, ...checked } = streamed;
      timings.parse = spent.parse;
      timings.validate = spent.validate;
      return { format, hash, bytes: bytes.byteLength, timings, ...checked };
    }
  }
  // CSV, or JSON not laid out as a dataset (or not JSON at all): the whole text, which words what is wrong.
  t = clock();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ place: WHOLE_FILE, message: phrase('problemNotUtf8') }, null, hash);
  }
  timings.decode = clock() - t;

  t = clock();
  options.onProgress?.('parsing', 0);
  let value: unknown;
  let locate;
  if (format === 'json') {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return { ...fail(parsed.problem, format, hash) };
    value = parsed.value;
  } else {
    const parsed = parseCsvText(text, (share) => options.onProgress?.('parsing', share));
    if (!parsed.value) {
      return { format, hash, bytes: bytes.byteLength, dataset: null, errors: parsed.problems, warnings: [], errorCount: parsed.errorCount, warningCount: 0, timings };
    }
    value = parsed.value;
    locate = parsed.locate;
  }
  timings.parse = clock() - t;

  t = clock();
  options.onProgress?.('validating', 0);
  const result = await validateDataset(value, {
    ...(locate ? { locate } : {}),
    ...(options.knownReports ? { knownReports: options.knownReports } : {}),
    ...(options.pause ? { pause: options.pause } : {}),
    onProgress: (done, total) => options.onProgress?.('validating', total ? done / total : 1),
  });
  timings.validate = clock() - t;
  return { format, hash, bytes: bytes.byteLength, timings, ...result };
}
