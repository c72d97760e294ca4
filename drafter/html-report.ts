/**
 * EUR-Lex's HTML rendition of a COM document, read into the same blocks as the text reports
 * (evidence/report-text.ts), without a DOM: the drafter runs in the CLI and on the options page
 * alike. Paragraphs are `<p>` elements; footnote calls are `<a class="footnoteRef">N</a>` (COM
 * renditions) or `<a class="oj-note-tag">(N)</a>` (Official Journal ones); footnote texts are
 * `<dd id="footnoteN">` or `<p class="oj-note">` at the end. Headings are the numbered
 * "ManualHeading"/"oj-ti-" paragraphs.
 */
import type { Block, FootnoteCall, ReportText } from '../evidence/report-file';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const CALL = /<a\b[^>]*class="(?:footnoteRef|oj-note-tag)"[^>]*>([\s\S]*?)<\/a>/gi;

/** A paragraph's inner HTML as text with its footnote calls. */
function blockText(inner: string): { text: string; calls: FootnoteCall[] } {
  let text = '';
  const calls: FootnoteCall[] = [];
  const add = (html: string) => {
    const piece = decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ');
    if (piece === ' ' && (text === '' || text.endsWith(' '))) return;
    text += text.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
  };
  let last = 0;
  for (const m of inner.matchAll(CALL)) {
    add(inner.slice(last, m.index));
    const number = Number(/\d+/.exec(m[1]!.replace(/<[^>]*>/g, ''))?.[0]);
    if (Number.isInteger(number) && number > 0) calls.push({ number, at: text.trimEnd().length });
    last = m.index + m[0].length;
  }
  add(inner.slice(last));
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return { text: trimmed, calls: calls.map((c) => ({ number: c.number, at: Math.min(trimmed.length, Math.max(0, c.at - lead)) })) };
}

const NOTE_DD = /<dd\b[^>]*id="footnote(\d+)"[^>]*>([\s\S]*?)<\/dd>/gi;
const NOTE_P = /<p\b[^>]*class="oj-note"[^>]*>([\s\S]*?)<\/p>/gi;
const PARAGRAPH = /<p\b([^>]*)>([\s\S]*?)<\/p>/gi;
const HEADING_CLASS = /class="[^"]*(?:ManualHeading|oj-ti-section|oj-ti-grseq)/i;

export function looksLikeHtml(raw: string): boolean {
  return /^\s*(?:<!doctype html|<html|<\?xml)/i.test(raw) || /<p\b[^>]*class=/i.test(raw.slice(0, 20000));
}

export function readEurLexHtml(html: string): ReportText {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '');
  const notes = new Map<number, Block>();
  // COM renditions number the anchors from 2 but print the notes from 1: the printed "(N)" counts
  let rest = body.replace(NOTE_DD, (_whole, n: string, inner: string) => {
    const printed = /<a\b[^>]*>\s*\((\d+)\)\s*<\/a>/.exec(inner);
    const number = printed ? Number(printed[1]) : Number(n);
    const { text } = blockText(printed ? inner.replace(printed[0], '') : inner);
    if (number > 0) notes.set(number, { kind: 'footnote', number, text });
    return '';
  });
  rest = rest.replace(NOTE_P, (_whole, inner: string) => {
    const number = Number(/<a\b[^>]*>\s*\((\d+)\)\s*<\/a>/.exec(inner)?.[1]);
    const { text } = blockText(inner.replace(/<a\b[^>]*>\s*\(\d+\)\s*<\/a>/, ''));
    if (Number.isInteger(number) && number > 0) notes.set(number, { kind: 'footnote', number, text });
    return '';
  });
  const blocks: Block[] = [];
  for (const m of rest.matchAll(PARAGRAPH)) {
    const { text, calls } = blockText(m[2]!);
    if (text === '') continue;
    const block: Block = { kind: HEADING_CLASS.test(m[1]!) ? 'heading' : 'paragraph', text };
    if (calls.length > 0) block.calls = calls;
    blocks.push(block);
  }
  const footnotes = [...notes.values()].filter((b) => b.text !== '').sort((a, b) => a.number! - b.number!);
  return { blocks: [...blocks, ...footnotes] };
}
