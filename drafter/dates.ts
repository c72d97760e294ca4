/**
 * Date phrases as the progress reports write them, found in a sentence: "On 12 June 2018",
 * "(12.12.2017)", "in January 2019" (a month: YYYY-MM), "on 5 February" (the year the report's
 * date implies), "the same day" (the date before it in the paragraph), "together with this
 * report" and "today" (the report's own date).
 */
export interface DatePhrase {
  /** YYYY-MM-DD or YYYY-MM */
  date: string;
  start: number;
  end: number;
  /** how the date was read: written out, relative to the report or to an earlier date */
  how: 'full' | 'month' | 'no-year' | 'same-day' | 'this-report';
}

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
};

export function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray, context: DateContext) => Omit<DatePhrase, 'start' | 'end'> | null }[] = [
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:and|-|–)\\s*\\d{1,2})?\\s+${MONTH}\\s+((?:19|20)\\d{2})\\b`, 'g'),
    read: (m) => {
      const date = isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
      return date ? { date, how: 'full' } : null;
    },
  },
  {
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g,
    read: (m) => {
      const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      return date ? { date, how: 'full' } : null;
    },
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+((?:19|20)\\d{2})\\b`, 'g'),
    read: (m) => ({ date: `${m[2]}-${String(MONTHS[m[1]!.toLowerCase()]).padStart(2, '0')}`, how: 'month' }),
  },
  {
    re: new RegExp(`\\b(?:on|of) (\\d{1,2})\\s+${MONTH}\\b(?!\\s*(?:19|20)\\d{2})`, 'g'),
    read: (m, context) => {
      if (!context.reportDate) return null;
      const [ry, rm] = context.reportDate.split('-').map(Number) as [number, number];
      const month = MONTHS[m[2]!.toLowerCase()]!;
      const date = isoDate(month <= rm ? ry : ry - 1, month, Number(m[1]));
      return date ? { date, how: 'no-year' } : null;
    },
  },
  {
    re: /\b(?:together with|alongside|accompanying|as part of a package with|along with) this (?:[Pp]rogress )?(?:[Rr]eport|Communication)\b|\btoday\b/gi,
    read: (_m, context) => (context.reportDate ? { date: context.reportDate, how: 'this-report' } : null),
  },
  {
    re: /\b(?:the same day|on that day|on the same date)\b/gi,
    read: (_m, context) => (context.previous ? { date: context.previous, how: 'same-day' } : null),
  },
];

export interface DateContext {
  /** the report's date, YYYY-MM-DD */
  reportDate?: string;
  /** the last full date before this sentence in its paragraph */
  previous?: string;
}

/** Every date phrase in a sentence, in order, none overlapping (the first pattern wins). */
export function findDates(sentence: string, context: DateContext = {}): DatePhrase[] {
  const found: DatePhrase[] = [];
  let previous = context.previous;
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  const candidates: { start: number; end: number; m: RegExpExecArray; p: (typeof PATTERNS)[number] }[] = [];
  for (const p of PATTERNS) {
    for (const m of sentence.matchAll(p.re)) candidates.push({ start: m.index, end: m.index + m[0].length, m: m as RegExpExecArray, p });
  }
  // pattern order decides overlaps; reading order decides "the same day"
  for (const c of candidates) {
    if (taken(c.start, c.end)) continue;
    if (c.p === PATTERNS[5]) continue;
    const read = c.p.read(c.m, { ...context, previous });
    if (read) found.push({ ...read, start: c.start, end: c.end });
  }
  found.sort((a, b) => a.start - b.start);
  for (const c of candidates.filter((x) => x.p === PATTERNS[5]).sort((a, b) => a.start - b.start)) {
    if (taken(c.start, c.end)) continue;
    const before = [...found].reverse().find((f) => f.end <= c.start && f.date.length === 10);
    previous = before?.date ?? context.previous;
    const read = c.p.read(c.m, { ...context, previous });
    if (read) found.push({ ...read, start: c.start, end: c.end });
  }
  return found.sort((a, b) => a.start - b.start);
}
