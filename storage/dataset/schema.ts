/**
 * The one schema of the dataset: the bundled `seeds/dataset.json`, staff imports and what the
 * database stores. `seeds/dataset.schema.json` is generated from it (npm run seeds:schema), and
 * every type below is inferred from it, so the JSON Schema, the validator and the code can't drift.
 */
import { z } from 'zod';
import { ReferenceTypeSchema, StageSchema } from './enums';
import { STAGES } from './stages';

export { ReferenceTypeSchema, STAGES, StageSchema };

export const DATASET_SCHEMA_VERSION = 2;

/** Earlier formats this version still imports: version 1 had no quotes and no outside facts. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, DATASET_SCHEMA_VERSION];

export type Stage = z.infer<typeof StageSchema>;

/** A full date or, where a report gives only the month, `YYYY-MM`. Checked to be a real day. */
/** What a CELEX number starts with; the fast document check (fast-document.ts) uses the same. */
export const CELEX_PATTERN = /^[0-9CE]\d{4}[A-Z]{1,2}\d{4}/;

export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date written YYYY-MM-DD or YYYY-MM')
  .refine((value) => {
    if (value.length === 7) return true;
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'a day that exists in the calendar');


/**
 * Where a fact comes from: a progress report (by its canonical id), the section in it, and the
 * report's own words that state the fact. The bundled dataset's build checks every quote against
 * the report's text (seeds/README.md); in a staff import the quote is optional.
 */
export const SourceRefSchema = z.strictObject({
  report: z.string().min(1).describe('canonical id of the report, e.g. "COM(2018) 470"'),
  section: z.string().min(1).describe('the report section, e.g. "III.1 Interoperability"'),
  quote: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe(
      "the report's own words that state the fact: verbatim up to whitespace, line-break hyphenation and footnote markers; the shortest sentence or footnote that holds the stage and the date",
    ),
  footnote: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('the number of the report footnote that holds the date (or the quote), when the sentence calls one'),
});

/** Where a fact no progress report states comes from instead. */
export const OUTSIDE_ORIGINS = ['eur-lex', 'legislative-observatory', 'official-journal', 'the-document'] as const;

export const OutsideSourceSchema = z.strictObject({
  from: z
    .enum(OUTSIDE_ORIGINS)
    .describe('where the fact comes from, since no progress report states it: EUR-Lex, the Legislative Observatory, the Official Journal, the document itself'),
  note: z.string().min(1).max(500).describe('what the fact rests on, in words a reader can check'),
  url: z.url().optional().describe('where a reader can check it'),
});

/** The document fields that may rest on something other than the reports; each says what. */
export const DocumentOutsideSchema = z
  .strictObject({
    title: OutsideSourceSchema.optional(),
    date: OutsideSourceSchema.optional(),
    celex: OutsideSourceSchema.optional(),
    procedure: OutsideSourceSchema.optional(),
    becameAct: OutsideSourceSchema.optional(),
    fromProposal: OutsideSourceSchema.optional(),
    amends: OutsideSourceSchema.optional(),
    amendedBy: OutsideSourceSchema.optional(),
  })
  .describe('facts about the document that no progress report states, each with where it comes from instead');

export const ReportOutsideSchema = z
  .strictObject({
    id: OutsideSourceSchema.optional(),
    date: OutsideSourceSchema.optional(),
    title: OutsideSourceSchema.optional(),
  })
  .describe("facts about the report that its own text does not state (its number, its date), with where they come from");

export const EventSchema = z.strictObject({
  date: PartialDateSchema,
  stage: StageSchema,
  institution: z.string().min(1).describe('who acted: Commission, Council, European Parliament, co-legislators, ...'),
  label: z.string().min(1).max(300).describe('a short label of what happened, not a quote of the report'),
  source: SourceRefSchema,
});

export const DocumentSchema = z.strictObject({
  id: z.string().min(1).describe('canonical id, as references/ derives it'),
  type: ReferenceTypeSchema,
  kind: z
    .string()
    .min(1)
    .describe('what the document is: legislative-proposal, regulation, communication, report, ...'),
  title: z.string().min(1).max(1000),
  date: PartialDateSchema.optional(),
  celex: z.string().regex(CELEX_PATTERN).optional(),
  url: z.url().optional(),
  procedure: z.string().optional().describe('interinstitutional procedure, e.g. "2016/0357(COD)"'),
  aliases: z.array(z.string().min(1)).default([]),
  topics: z.array(z.string().min(1)).default([]),
  /** the act a proposal became */
  becameAct: z.string().optional(),
  /** the proposal an act came from */
  fromProposal: z.string().optional(),
  amends: z.array(z.string()).default([]),
  amendedBy: z.array(z.string()).default([]),
  /** where the reports mention the document */
  mentions: z.array(SourceRefSchema).default([]),
  events: z.array(EventSchema).default([]),
  outside: DocumentOutsideSchema.optional(),
});

export const ReportSchema = z.strictObject({
  id: z.string().min(1).describe('canonical id of the report, e.g. "COM(2018) 470"'),
  ordinal: z.number().int().positive().describe('12 for the twelfth progress report'),
  title: z.string().min(1),
  date: PartialDateSchema,
  outside: ReportOutsideSchema.optional(),
});

export const DatasetSchema = z.strictObject({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  version: z.string().min(1).describe('the dataset version, e.g. "2019-01-30.1"'),
  reports: z.array(ReportSchema),
  documents: z.array(DocumentSchema),
});

export type SourceRef = z.infer<typeof SourceRefSchema>;
export type OutsideSource = z.infer<typeof OutsideSourceSchema>;
export type DocumentOutside = z.infer<typeof DocumentOutsideSchema>;
export type DatasetEvent = z.infer<typeof EventSchema>;
export type DatasetDocument = z.infer<typeof DocumentSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
