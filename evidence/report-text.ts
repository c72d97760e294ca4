/**
 * A progress report's raw text, normalised once into blocks (headings, paragraphs, footnotes), for
 * the three shapes the reports come in:
 * - PDF text dumps: lines broken mid-sentence with blank lines between them, a footnote call as a
 *   lone number on its own line, footnote definitions ("N  text" and the lines that run on) under
 *   a separator line of spaces at each page's foot, page numbers;
 * - Word text: one paragraph per line, `[footnoteRef:N]` calls and `[N: text]` definitions;
 * - Markdown: `<sup>N</sup>` calls and definitions, `**bold**`, `#` headings, `---` rules.
 *
 * In every block whitespace is collapsed to single spaces, footnote markers are removed (their
 * places kept in `calls`), markup is removed. Body blocks come in reading order, then the
 * footnotes by number, so a footnote's text is whole even when it runs over a page break.
 *
 * Line-break hyphens: the reports are not hyphenated by the typesetter, so a hyphen at a line's
 * end is kept ("co-legislators", "EU-wide"); it is dropped only where the joined word occurs
 * elsewhere in the report and the hyphenated one does not ("inter-" "operability").
 */
import { HeadingSequence } from './headings';
import type { Block, FootnoteCall, ReportText } from './report-file';

export type { Block, ReportText } from './report-file';

type Piece = string | { call: number };

/** Builds a block's text from pieces of raw text and footnote calls, collapsing whitespace. */
class TextBuilder {
  text = '';
  calls: FootnoteCall[] = [];

  add(raw: string): void {
    const piece = raw.replace(/\s+/g, ' ');
    if (piece === '' || (piece === ' ' && (this.text === '' || this.text.endsWith(' ')))) return;
    this.text += this.text.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
  }

  call(number: number): void {
    this.calls.push({ number, at: this.text.trimEnd().length });
  }

  addAll(pieces: readonly Piece[]): void {
    for (const p of pieces) {
      if (typeof p === 'string') this.add(p);
      else this.call(p.call);
    }
  }

  block(kind: Block['kind'], number?: number): Block {
    const lead = this.text.length - this.text.trimStart().length;
    const text = this.text.trim();
    const block: Block = { kind, text };
    if (number !== undefined) block.number = number;
    if (this.calls.length > 0) {
      block.calls = this.calls.map((c) => ({ number: c.number, at: Math.min(text.length, Math.max(0, c.at - lead)) }));
    }
    return block;
  }
}

const BULLET = /^[·•\uf0b7▪]\s*/;
const SENTENCE_END = /[.:;!?]["'’”)\]]*$/;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Appends a block of body text to the previous paragraph (a sentence run on over a page break). */
function appendTo(target: Block, more: Block): void {
  const offset = target.text.length + 1;
  target.text = `${target.text} ${more.text}`;
  if (more.calls) target.calls = [...(target.calls ?? []), ...more.calls.map((c) => ({ number: c.number, at: c.at + offset }))];
}

function finish(body: Block[], notes: Map<number, Block>): ReportText {
  const footnotes = [...notes.values()].filter((b) => b.text !== '').sort((a, b) => a.number! - b.number!);
  return { blocks: [...body.filter((b) => b.text !== '' || b.calls), ...footnotes] };
}

/* ------------------------------------------------------------------ Word */

const WORD_CALL = /\[footnoteRef:(\d+)\]/g;
const WORD_NOTE = /\[(\d+):\s([^\]]*)\]/g;

function pieces(text: string, call: RegExp): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(call)) {
    out.push(text.slice(last, m.index));
    out.push({ call: Number(m[1]) });
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function fromWord(raw: string): ReportText {
  const body: Block[] = [];
  const notes = new Map<number, Block>();
  const sequence = new HeadingSequence();
  for (const line of raw.split('\n')) {
    for (const m of line.matchAll(WORD_NOTE)) {
      const b = new TextBuilder();
      b.addAll(pieces(m[2]!, WORD_CALL));
      notes.set(Number(m[1]), b.block('footnote', Number(m[1])));
    }
    const b = new TextBuilder();
    b.addAll(pieces(line.replace(WORD_NOTE, ' ').replace(BULLET, ''), WORD_CALL));
    const block = b.block('paragraph');
    if (block.text === '') continue;
    if (sequence.accept(block.text)) block.kind = 'heading';
    body.push(block);
  }
  return finish(body, notes);
}

/* ------------------------------------------------------------------ Markdown */

const MD_CALL = /<sup>(\d+)<\/sup>/g;

/** Markdown's marks, not its words: emphasis, heading hashes, link syntax, escapes. */
function unmark(s: string): string {
  return s
    .replace(/^\s*#+\s*/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/<sup>(\D[^<]*)<\/sup>/g, '$1')
    .replace(/\*+/g, '')
    .replace(/\\+([\\_*[\]()#.!`-])/g, '$1');
}

function fromMarkdown(raw: string): ReportText {
  const body: Block[] = [];
  const notes = new Map<number, Block>();
  const sequence = new HeadingSequence();
  const groups: string[][] = [];
  let group: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.trim() === '') {
      if (group.length > 0) groups.push(group);
      group = [];
    } else group.push(line);
  }
  if (group.length > 0) groups.push(group);

  let notesSinceBody = false;
  for (const lines of groups) {
    if (/^\s*-{3,}\s*$/.test(lines[0]!)) {
      notesSinceBody = true;
      continue;
    }
    const def = /^\s*<sup>(\d+)<\/sup>\s*/.exec(lines[0]!);
    if (def) {
      const b = new TextBuilder();
      b.addAll(pieces(unmark([lines[0]!.slice(def[0].length), ...lines.slice(1)].join(' ')), MD_CALL));
      notes.set(Number(def[1]), b.block('footnote', Number(def[1])));
      notesSinceBody = true;
      continue;
    }
    let rest = lines;
    const first = collapse(unmark(lines[0]!).replace(MD_CALL, ''));
    const second = lines[1] === undefined ? undefined : collapse(unmark(lines[1]).replace(MD_CALL, ''));
    const heading = sequence.accept(first, second);
    if (heading) {
      const b = new TextBuilder();
      b.addAll(pieces(unmark(lines.slice(0, heading.joinsNext ? 2 : 1).join(' ')), MD_CALL));
      body.push(b.block('heading'));
      rest = lines.slice(heading.joinsNext ? 2 : 1);
      notesSinceBody = false;
      if (rest.length === 0) continue;
    }
    const b = new TextBuilder();
    b.addAll(pieces(unmark(rest.join(' ').replace(BULLET, '')), MD_CALL));
    const block = b.block('paragraph');
    const previous = body[body.length - 1];
    if (notesSinceBody && previous?.kind === 'paragraph' && !SENTENCE_END.test(previous.text) && /^[a-zA-Z]/.test(block.text)) {
      appendTo(previous, block); // the sentence runs on over a page break
    } else body.push(block);
    notesSinceBody = false;
  }
  return finish(body, notes);
}

/* ------------------------------------------------------------------ PDF */

type PdfItem = { line: string } | { call: number };

const SEPARATOR = /^ {40,}\s*$/;
const LONE_NUMBER = /^\s*(\d{1,3})\s*$/;

/** Splits a PDF dump into body lines and footnote calls (in reading order) and footnote texts. */
function pdfItems(raw: string): { items: PdfItem[]; notes: Map<number, string[]> } {
  const items: PdfItem[] = [];
  const notes = new Map<number, string[]>();
  let inNotes = false;
  let open: string[] | null = null;
  let nextCall = 1;
  let nextDef = 1;
  for (const line of raw.split('\n')) {
    if (SEPARATOR.test(line)) {
      inNotes = true; // a page's footnotes follow, or (a longer rule) the rest of one from the page before
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (inNotes) {
      const def = /^(\d{1,3})\s+(\S.*)$/.exec(line);
      if (def && Number(def[1]) === nextDef && nextDef < nextCall) {
        open = [def[2]!];
        notes.set(nextDef, open);
        nextDef += 1;
        continue;
      }
      if (LONE_NUMBER.test(line)) {
        inNotes = false; // the page number: the next page's body follows
        continue;
      }
      if (!line.startsWith(' ') && open) {
        open.push(trimmed); // a footnote running on, over blank lines too
        continue;
      }
      inNotes = false; // the body resumes on the next page, its first line indented by one space
    }
    const lone = LONE_NUMBER.exec(line);
    if (lone) {
      if (Number(lone[1]) === nextCall) {
        items.push({ call: nextCall });
        nextCall += 1;
      }
      continue; // otherwise a page number
    }
    items.push({ line: collapse(line) });
  }
  return { items, notes };
}

/**
 * Joins a line to the text before it: with a space, or across a line-break hyphen (see the file's
 * comment), or with nothing before punctuation that followed a footnote call ("Directive", "21", ". Although").
 */
function hyphenJoin(before: string, after: string, words: string): string {
  const tail = /([A-Za-z]+)-$/.exec(before);
  const head = /^([a-z]+)/.exec(after);
  if (!tail || !head) return `${before}${before.endsWith('-') || /^[,.;:!?)\]]/.test(after) ? '' : ' '}${after}`;
  const joined = tail[1]! + head[1]!;
  const occurs = (w: string) => new RegExp(`(?<![\\w-])${w}(?![\\w-])`).test(words);
  if (occurs(joined) && !occurs(`${tail[1]}-${head[1]}`)) return `${before.slice(0, -1)}${after}`;
  return `${before}${after}`;
}

function fromPdf(raw: string): ReportText {
  const { items, notes: noteLines } = pdfItems(raw);
  const words = collapse(raw);
  const lengths = items.flatMap((i) => ('line' in i ? [i.line.length] : [])).sort((a, b) => a - b);
  const fullLine = lengths[Math.floor(lengths.length * 0.9)] ?? 80;

  const body: Block[] = [];
  const sequence = new HeadingSequence();
  let text: string | null = null;
  let calls: FootnoteCall[] = [];
  let ended = false; // the current paragraph's last line closed a sentence well short of the margin
  const flush = () => {
    if (text !== null) body.push(calls.length > 0 ? { kind: 'paragraph', text, calls } : { kind: 'paragraph', text });
    text = null;
    calls = [];
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if ('call' in item) {
      if (text !== null) calls.push({ number: item.call, at: text.length });
      else {
        const last = body[body.length - 1];
        if (last) last.calls = [...(last.calls ?? []), { number: item.call, at: last.text.length }];
      }
      continue;
    }
    const line = item.line.replace(BULLET, '');
    const next = items.slice(i + 1).find((x): x is { line: string } => 'line' in x)?.line;
    const heading = sequence.accept(line, next);
    if (heading) {
      flush();
      body.push({ kind: 'heading', text: heading.text });
      if (heading.joinsNext) i = items.indexOf(items.slice(i + 1).find((x) => 'line' in x)!, i + 1);
      ended = true;
      continue;
    }
    if (text === null || (ended && !/^[a-z]/.test(line)) || BULLET.test(item.line)) {
      flush();
      text = line;
    } else {
      text = hyphenJoin(text, line, words);
    }
    ended = SENTENCE_END.test(line) && line.length < fullLine * 0.8;
  }
  flush();

  const notes = new Map<number, Block>();
  for (const [number, lines] of noteLines) {
    const joined = lines.slice(1).reduce((acc, l) => hyphenJoin(acc, l, words), collapse(lines[0]!));
    notes.set(number, { kind: 'footnote', number, text: joined });
  }
  return finish(body, notes);
}

/* ------------------------------------------------------------------ */

export type ReportFormat = 'pdf' | 'word' | 'markdown';

export function reportFormat(raw: string): ReportFormat {
  if (raw.includes('[footnoteRef:')) return 'word';
  if (raw.includes('<sup>') || /^#{1,6} /m.test(raw)) return 'markdown';
  return 'pdf';
}

/** Normalises a report's raw text, in whichever of the three shapes it comes. */
export function normaliseReport(raw: string): ReportText {
  const text = raw.replace(/\r\n?/g, '\n');
  const format = reportFormat(text);
  if (format === 'word') return fromWord(text);
  if (format === 'markdown') return fromMarkdown(text);
  return fromPdf(text);
}

/** A footnote block by its number. */
export function footnoteBlock(report: ReportText, number: number): { index: number; block: Block } | null {
  const index = report.blocks.findIndex((b) => b.kind === 'footnote' && b.number === number);
  return index < 0 ? null : { index, block: report.blocks[index]! };
}
