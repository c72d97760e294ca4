/**
 * Finds a quote in a normalised report, verbatim up to what normalisation removes: whitespace,
 * line-break hyphenation and footnote markers (of the three shapes the reports come in), and
 * markdown's marks. Case and punctuation count, except that the reports write the apostrophe and
 * the double quotation mark both straight and curly in one text ("Commission's", "Europeans’"),
 * so those compare as one.
 */
import type { Block, ReportText } from './report-file';

export interface QuoteMatch {
  /** index of the block in `report.blocks` */
  block: number;
  /** offsets in that block's text */
  start: number;
  end: number;
}

/** One character for one, so offsets in the folded text are offsets in the original. */
export function foldQuotes(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

/** A quote as a reader copied it, in any of the reports' shapes, as the blocks write text. */
export function quoteReadings(quote: string): string[] {
  const plain = quote
    .replace(/\[footnoteRef:\d+\]/g, '')
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/<sup>([^<]*)<\/sup>/g, '$1')
    .replace(/\*+/g, '')
    // a PDF footnote call: a number alone on its line
    .replace(/[ \t]*\n\s*\d{1,3}[ \t]*\n\s*(?=[,.;:!?)])/g, '')
    .replace(/[ \t]*\n\s*\d{1,3}[ \t]*\n/g, ' ');
  const collapse = (s: string) => foldQuotes(s.replace(/\s+/g, ' ').trim());
  const kept = collapse(plain.replace(/([A-Za-z])-[ \t]*\n\s*/g, '$1-'));
  const joined = collapse(plain.replace(/([A-Za-z])-[ \t]*\n\s*(?=[a-z])/g, '$1'));
  return kept === joined ? [kept] : [kept, joined];
}

function findIn(block: Block, readings: readonly string[]): { start: number; end: number } | null {
  const text = foldQuotes(block.text);
  for (const reading of readings) {
    const start = text.indexOf(reading);
    if (start >= 0) return { start, end: start + reading.length };
  }
  return null;
}

/**
 * Where the quote stands in the report: in one block (paragraph, heading or footnote). With
 * `footnote`, that footnote is looked in first. Null when it is not there word for word.
 */
export function findQuote(report: ReportText, quote: string, options: { footnote?: number } = {}): QuoteMatch | null {
  const readings = quoteReadings(quote).filter((r) => r !== '');
  if (readings.length === 0) return null;
  if (options.footnote !== undefined) {
    const index = report.blocks.findIndex((b) => b.kind === 'footnote' && b.number === options.footnote);
    const found = index < 0 ? null : findIn(report.blocks[index]!, readings);
    if (found) return { block: index, ...found };
  }
  for (let index = 0; index < report.blocks.length; index++) {
    const found = findIn(report.blocks[index]!, readings);
    if (found) return { block: index, ...found };
  }
  return null;
}
