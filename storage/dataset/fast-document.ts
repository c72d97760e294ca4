/**
 * A fast check of the common, well-formed document: true only where DocumentSchema would accept
 * the value and give back an equal one, key order included (every field present that the schema
 * would fill in with a default, every key in the schema's order). Anything else — a problem, a
 * default to fill in, a value zod would change, a shape it has not seen — is not decided here:
 * the caller runs the schema, which stays the one source of truth and words every error.
 *
 * Why: zod without its JIT (an extension page's CSP forbids eval) spent most of a 100,000-document
 * import's validation building the copies it returns. The keys and enumerations are read from the
 * schema itself; a property test (tests/unit/storage/dataset/fast-document.test.ts) holds the rest
 * to it on generated and hostile values.
 */
import { CELEX_PATTERN, DocumentSchema, EventSchema, OutsideSourceSchema, PartialDateSchema, ReferenceTypeSchema, SourceRefSchema, StageSchema, DocumentOutsideSchema } from './schema';
import type { DatasetDocument } from './schema';

const DOCUMENT_KEYS = Object.keys(DocumentSchema.shape);
const EVENT_KEYS = Object.keys(EventSchema.shape);
const SOURCE_KEYS = Object.keys(SourceRefSchema.shape);
const OUTSIDE_KEYS = Object.keys(DocumentOutsideSchema.shape);
const OUTSIDE_SOURCE_KEYS = Object.keys(OutsideSourceSchema.shape);
/** Fields the schema fills in when absent: a value without them is not returned as it is. */
const DOCUMENT_REQUIRED = new Set(['id', 'type', 'kind', 'title', 'aliases', 'topics', 'amends', 'amendedBy', 'mentions', 'events']);
const EVENT_REQUIRED = new Set(EVENT_KEYS);
const SOURCE_REQUIRED = new Set(['report', 'section']);
const OUTSIDE_SOURCE_REQUIRED = new Set(['from', 'note']);
const NONE = new Set<string>();

const STAGES = new Set<unknown>(StageSchema.options);
const TYPES = new Set<unknown>(ReferenceTypeSchema.options);
const ORIGINS = new Set<unknown>(OutsideSourceSchema.shape.from.options);
const documentUrl = DocumentSchema.shape.url;
const outsideUrl = OutsideSourceSchema.shape.url;

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

/** Own keys, each known and in `order`'s order, and every one of `required` among them. */
function keysInOrder(value: Record<string, unknown>, order: readonly string[], required: ReadonlySet<string>): boolean {
  let at = 0;
  let seen = 0;
  for (const key of Object.keys(value)) {
    while (at < order.length && order[at] !== key) at++;
    if (at === order.length) return false;
    if (required.has(key)) seen++;
    at++;
  }
  return seen === required.size;
}

const text = (value: unknown, min = 1, max = Infinity): boolean => typeof value === 'string' && value.length >= min && value.length <= max;

/** A checker with its own memo of the dates and addresses it has seen (a file repeats them). */
export function createDocumentCheck(): (value: unknown) => value is DatasetDocument {
  const dates = new Map<string, boolean>();
  const date = (value: unknown): boolean => {
    if (typeof value !== 'string') return false;
    let ok = dates.get(value);
    if (ok === undefined) {
      ok = PartialDateSchema.safeParse(value).success;
      dates.set(value, ok);
    }
    return ok;
  };
  // zod trims an address and takes tabs and line breaks out of it: only one it returns as it is.
  const url = (value: unknown, schema: typeof documentUrl | typeof outsideUrl): boolean => {
    if (typeof value !== 'string') return false;
    const parsed = schema.safeParse(value);
    return parsed.success && parsed.data === value;
  };
  const strings = (value: unknown, min: number): boolean => {
    if (!isList(value)) return false;
    for (let i = 0; i < value.length; i++) if (!text(value[i], min)) return false;
    return true;
  };
  const source = (value: unknown): boolean => {
    if (!isPlain(value) || !keysInOrder(value, SOURCE_KEYS, SOURCE_REQUIRED)) return false;
    if (!text(value.report) || !text(value.section)) return false;
    if ('quote' in value && !text(value.quote, 1, 2000)) return false;
    if ('footnote' in value) {
      const n = value.footnote;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return false;
    }
    return true;
  };
  const event = (value: unknown): boolean =>
    isPlain(value) &&
    keysInOrder(value, EVENT_KEYS, EVENT_REQUIRED) &&
    date(value.date) &&
    STAGES.has(value.stage) &&
    text(value.institution) &&
    text(value.label, 1, 300) &&
    source(value.source);
  const outside = (value: unknown): boolean => {
    if (!isPlain(value) || !keysInOrder(value, OUTSIDE_KEYS, NONE)) return false;
    for (const key in value) {
      const fact = value[key];
      if (!isPlain(fact) || !keysInOrder(fact, OUTSIDE_SOURCE_KEYS, OUTSIDE_SOURCE_REQUIRED)) return false;
      if (!ORIGINS.has(fact.from) || !text(fact.note, 1, 500)) return false;
      if ('url' in fact && !url(fact.url, outsideUrl)) return false;
    }
    return true;
  };
  const every = (value: unknown, check: (item: unknown) => boolean): boolean => {
    if (!isList(value)) return false;
    for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
    return true;
  };

  return (value: unknown): value is DatasetDocument => {
    if (!isPlain(value) || !keysInOrder(value, DOCUMENT_KEYS, DOCUMENT_REQUIRED)) return false;
    if (!text(value.id) || !TYPES.has(value.type) || !text(value.kind) || !text(value.title, 1, 1000)) return false;
    if ('date' in value && !date(value.date)) return false;
    if ('celex' in value && !(typeof value.celex === 'string' && CELEX_PATTERN.test(value.celex))) return false;
    if ('url' in value && !url(value.url, documentUrl)) return false;
    for (const key of ['procedure', 'becameAct', 'fromProposal'] as const) if (key in value && typeof value[key] !== 'string') return false;
    if (!strings(value.aliases, 1) || !strings(value.topics, 1) || !strings(value.amends, 0) || !strings(value.amendedBy, 0)) return false;
    if (!every(value.mentions, source) || !every(value.events, event)) return false;
    return !('outside' in value) || outside(value.outside);
  };
}
