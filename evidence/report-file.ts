/**
 * The shape of a shipped report file (`public/reports/<slug>.json`): one progress report's text,
 * normalised once by `report-text.ts`, with its identity. The builder writes these files and the
 * report page parses them with this schema; zod/mini keeps the page's bundle small.
 */
import * as z from 'zod/mini';

/** Where a footnote is called in a block: `at` is the offset in the block's text it follows. */
export const FootnoteCallSchema = z.strictObject({
  number: z.number().check(z.int(), z.positive()),
  at: z.number().check(z.int(), z.nonnegative()),
});

export const BlockSchema = z.strictObject({
  kind: z.enum(['heading', 'paragraph', 'footnote']),
  text: z.string(),
  /** a footnote's number */
  number: z.optional(z.number().check(z.int(), z.positive())),
  calls: z.optional(z.array(FootnoteCallSchema)),
});

export const ReportTextSchema = z.strictObject({
  blocks: z.array(BlockSchema),
});

export const ReportFileSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  ordinal: z.number().check(z.int(), z.positive()),
  title: z.string().check(z.minLength(1)),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  blocks: z.array(BlockSchema),
});

export type FootnoteCall = z.infer<typeof FootnoteCallSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type ReportText = z.infer<typeof ReportTextSchema>;
export type ReportFile = z.infer<typeof ReportFileSchema>;

/** The file name of a report's file, without `.json`: "COM(2018) 470" → "COM-2018-470". */
export function reportSlug(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The path of a report's file inside the extension, for `browser.runtime.getURL`. */
export function reportFilePath(id: string): string {
  return `/reports/${reportSlug(id)}.json`;
}

/** A report file as shipped: keys in schema order, two-space JSON, a final newline. */
export function serialiseReportFile(file: ReportFile): string {
  const ordered = {
    id: file.id,
    ordinal: file.ordinal,
    title: file.title,
    date: file.date,
    blocks: file.blocks.map((b) => ({
      kind: b.kind,
      ...(b.number !== undefined ? { number: b.number } : {}),
      text: b.text,
      ...(b.calls ? { calls: b.calls.map((c) => ({ number: c.number, at: c.at })) } : {}),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
