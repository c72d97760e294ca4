/**
 * Which lines of a report are its section headings, and how curators cite them. Headings are
 * numbered "II. UPPER CASE", "1. Words" and "(a) Words"; numbering must run in sequence (a
 * top-level number may skip one), which keeps numbered list items and stray lines out.
 */
import type { ReportText } from './report-file';

export interface Heading {
  /** the section as cited in sources: "II.1 Towards the interoperability of information systems" */
  label: string;
  /** the heading's words, for topics: "Towards the interoperability of information systems" */
  topic: string;
}

export interface AcceptedHeading extends Heading {
  /** the heading's text as shown: the line, and the next one when the heading wraps onto it */
  text: string;
  /** the heading took the next line as its continuation */
  joinsNext: boolean;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const NUMBERED_START = /^([IVX]+\.|\d{1,2}\.|\([a-z]\))\s/;

function isUpper(s: string): boolean {
  const letters = s.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

function sentenceCase(s: string): string {
  if (!isUpper(s)) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Tracks the numbering while lines are offered in reading order. */
export class HeadingSequence {
  private roman = 0; // index into ROMAN of the current top-level section, 0 = none yet
  private sub = 0;
  private letter = 0;

  /**
   * `line` is one line's text, whitespace collapsed; `next` the line after it, which a heading
   * wrapped over two lines (PDF text) continues on.
   */
  accept(line: string, next?: string): AcceptedHeading | null {
    const s = line.trim();
    if (s.length === 0 || s.length > 160) return null;
    const continuation = (upper: boolean): string | null => {
      if (!next || next === '' || next.length > 90 || NUMBERED_START.test(next)) return null;
      return (upper ? isUpper(next) : /^[a-z]/.test(next)) ? next : null;
    };
    const done = (label: string, topic: string, more: string | null): AcceptedHeading => ({
      label,
      topic,
      text: more === null ? s : `${s} ${more}`,
      joinsNext: more !== null,
    });

    const top = /^([IVX]+)\.\s*(.+)$/.exec(s);
    if (top && isUpper(top[2]!)) {
      const index = ROMAN.indexOf(top[1]!) + 1;
      if (index > this.roman && index <= this.roman + 2) {
        this.roman = index;
        this.sub = 0;
        this.letter = 0;
        const more = continuation(true);
        const words = more === null ? top[2]! : `${top[2]!} ${more}`;
        return done(`${top[1]}. ${words}`, sentenceCase(words), more);
      }
    }
    if (this.roman === 0) return null;

    const numbered = /^(\d{1,2})\.\s+([A-Z].+)$/.exec(s);
    if (numbered && Number(numbered[1]) === this.sub + 1 && !/[.:;]$/.test(numbered[2]!)) {
      this.sub += 1;
      this.letter = 0;
      const more = continuation(false);
      const words = more === null ? numbered[2]! : `${numbered[2]!} ${more}`;
      return done(`${ROMAN[this.roman - 1]}.${this.sub} ${words}`, words, more);
    }

    const lettered = /^\(([a-z])\)\s+([A-Z].+)$/.exec(s);
    if (lettered && this.sub > 0 && lettered[1]!.charCodeAt(0) - 96 === this.letter + 1 && !/[.:;]$/.test(lettered[2]!)) {
      this.letter += 1;
      const more = continuation(false);
      const words = more === null ? lettered[2]! : `${lettered[2]!} ${more}`;
      return done(`${ROMAN[this.roman - 1]}.${this.sub}(${lettered[1]}) ${words}`, words, more);
    }
    return null;
  }
}

export const INTRODUCTION = 'Introduction';

export interface Section extends Heading {
  /** index of the section's first block (its heading, or 0 for the text before any heading) */
  block: number;
}

/** The sections of a normalised report, in order; text before the first heading is "Introduction". */
export function reportSections(report: ReportText): Section[] {
  const sections: Section[] = [];
  const sequence = new HeadingSequence();
  report.blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    const heading = sequence.accept(block.text);
    if (heading) sections.push({ block: index, label: heading.label, topic: heading.topic });
  });
  const first = report.blocks.findIndex((b) => b.kind !== 'footnote');
  if (sections[0]?.block !== first) sections.unshift({ block: 0, label: INTRODUCTION, topic: INTRODUCTION });
  return sections;
}

/** The section a body block stands in. */
export function sectionOfBlock(sections: readonly Section[], block: number): Section {
  let found = sections[0]!;
  for (const section of sections) {
    if (section.block <= block) found = section;
    else break;
  }
  return found;
}
