/**
 * A progress report as the drafter reads it: normalised into blocks whatever shape it comes in
 * (the three text shapes of evidence/report-text.ts, or EUR-Lex's HTML rendition), and what it
 * says about itself: its ordinal ("This is the twelfth ... report"), and where it prints them
 * (its cover page, or another report's footnote), its date and COM number.
 */
import { normaliseReport, type ReportText } from '../evidence/report-text';
import { looksLikeHtml, readEurLexHtml } from './html-report';
import { isoDate } from './dates';

export type DraftFormat = 'pdf' | 'word' | 'markdown' | 'html';

export interface ReadReport {
  text: ReportText;
  format: DraftFormat;
}

export function readReport(raw: string): ReadReport {
  if (looksLikeHtml(raw)) return { text: readEurLexHtml(raw), format: 'html' };
  const text = normaliseReport(raw);
  const format = raw.includes('[footnoteRef:') ? 'word' : raw.includes('<sup>') || /^#{1,6} /m.test(raw) ? 'markdown' : 'pdf';
  return { text, format };
}

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty-second': 22, 'twenty-third': 23, 'twenty-fourth': 24, 'twenty-fifth': 25,
};

const ORDINAL_TITLE: Record<number, string> = Object.fromEntries(
  Object.entries(ORDINAL_WORDS).map(([word, n]) => [n, word.charAt(0).toUpperCase() + word.slice(1)]),
);

export interface ReportIdentity {
  ordinal: number | null;
  /** the COM number, "COM(2018) 46", where the report prints it on its cover */
  id?: string;
  /** YYYY-MM-DD, where the report prints it ("Brussels, 24.1.2018") */
  date?: string;
  title?: string;
}

function headText(text: ReportText, blocks = 12): string {
  return text.blocks.slice(0, blocks).map((b) => b.text).join('\n');
}

export function reportIdentity(text: ReportText): ReportIdentity {
  const head = headText(text);
  const ordinalMatch = /\bThis is the ([\w-]+)\b[^.]{0,80}?\breport\b/i.exec(head);
  const ordinal = ordinalMatch ? (ORDINAL_WORDS[ordinalMatch[1]!.toLowerCase()] ?? null) : null;
  const identity: ReportIdentity = { ordinal };
  const cover = head.slice(0, ordinalMatch?.index ?? head.length);
  const com = /\bCOM\((\d{4})\)\s*(\d{1,4})\s+final\b/.exec(cover);
  if (com) identity.id = `COM(${com[1]}) ${Number(com[2])}`;
  const brussels = /\bBrussels,\s*(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(cover);
  if (brussels) {
    const date = isoDate(Number(brussels[3]), Number(brussels[2]), Number(brussels[1]));
    if (date) identity.date = date;
  }
  if (ordinal !== null && ORDINAL_TITLE[ordinal]) {
    identity.title = `${ORDINAL_TITLE[ordinal]} progress report towards an effective and genuine Security Union`;
  }
  return identity;
}

/**
 * What a report says of earlier ones: "the fourteenth Security Union Progress Report
 * (COM(2018) 211 final of 17.4.2018)" names the fourteenth report's number and date.
 */
export function citedReports(text: ReportText): Map<number, { id: string; date?: string }> {
  const found = new Map<number, { id: string; date?: string }>();
  const pattern =
    /\b([\w-]+) (?:Security Union )?[Pp]rogress [Rr]eport(?: towards an effective and genuine Security Union)?\s*\(COM\((\d{4})\)\s*(\d{1,4}) final(?:\s*(?:of|,)?\s*\(?(\d{1,2})\.(\d{1,2})\.(\d{4}))?/g;
  for (const block of text.blocks) {
    for (const m of block.text.matchAll(pattern)) {
      const ordinal = ORDINAL_WORDS[m[1]!.toLowerCase()];
      if (ordinal === undefined) continue;
      const entry: { id: string; date?: string } = { id: `COM(${m[2]}) ${Number(m[3])}` };
      const date = m[4] ? isoDate(Number(m[6]), Number(m[5]), Number(m[4])) : null;
      if (date) entry.date = date;
      if (!found.has(ordinal)) found.set(ordinal, entry);
    }
  }
  return found;
}
