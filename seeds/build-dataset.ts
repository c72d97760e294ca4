/**
 * Builds the bundled dataset from the Security Union progress reports (plain text) and
 * `seeds/curated.json`. Pure: no file system, no clock; the same inputs give the same bytes.
 *
 * Derived mechanically from the reports:
 * - which report is which (the ordinal word in its opening: "This is the twelfth ...");
 * - the sections of each report (headings "II. ...", "1. ...", "(a) ...");
 * - every reference found by `findReferences`, with the report and section that mention it
 *   (a reference in a footnote counts for the section of the footnote's marker);
 * - document dates from footnotes such as `COM(2019) 4 final (7.1.2019)`;
 * - mentions of curated documents by their aliases ("ETIAS", "Cybersecurity Act").
 * `curated.json` is merged on top: titles, kinds, links, events. Curated event sources are
 * checked against the detected sections, so a typo in a section name fails the build.
 */
import type { Reference } from '../references/types';
import {
  DATASET_SCHEMA_VERSION,
  DatasetSchema,
  type Dataset,
  type DatasetDocument,
  type DatasetEvent,
  type Report,
  type SourceRef,
} from '../storage/dataset/schema';
import { ReportFileSchema, reportSlug, serialiseReportFile } from '../evidence/report-file';
import { normaliseReport } from '../evidence/report-text';
import { CuratedSchema, type Curated, type CuratedDocument } from './curated-schema';

export interface RawReport {
  /** file name, for messages only */
  name: string;
  text: string;
}

export type FindReferences = (text: string) => Reference[];

/* ------------------------------------------------------------------ report identity */

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};

/** The report's ordinal from its own opening sentence ("This is the twelfth monthly report ..."). */
export function reportOrdinal(text: string): number | null {
  const match = /\bThis is the (\w+)\b[^.]{0,80}?\breport\b/i.exec(text.slice(0, 3000));
  if (!match) return null;
  return ORDINAL_WORDS[match[1]!.toLowerCase()] ?? null;
}

/** Which curated report each text is, by the ordinal in its opening; fails on a text it cannot place. */
export function identifyReports(reportTexts: readonly RawReport[], reports: readonly Report[]): Map<string, { report: Report; text: string }> {
  const texts = new Map<string, { report: Report; text: string }>();
  for (const { name, text } of reportTexts) {
    const ordinal = reportOrdinal(text);
    const report = reports.find((r) => r.ordinal === ordinal);
    if (ordinal === null || !report) {
      throw new Error(`${name}: cannot tell which progress report this is (ordinal ${ordinal ?? 'not found'})`);
    }
    if (texts.has(report.id)) throw new Error(`${name}: report ${report.id} given twice`);
    texts.set(report.id, { report, text });
  }
  return texts;
}

/**
 * The report files shipped with the extension (public/reports/), by file name. They depend on the
 * report texts and the curated reports' identities only, so they can be written while the
 * dataset's evidence is still being filled in.
 */
export function buildReportFiles(reportTexts: readonly RawReport[], curatedInput: unknown): Map<string, string> {
  const curated: Curated = CuratedSchema.parse(curatedInput);
  const files = new Map<string, string>();
  const identified = [...identifyReports(reportTexts, curated.reports).values()].sort((a, b) => a.report.ordinal - b.report.ordinal);
  for (const { report, text } of identified) {
    const file = { id: report.id, ordinal: report.ordinal, title: report.title, date: report.date, blocks: normaliseReport(text).blocks };
    files.set(`${reportSlug(report.id)}.json`, serialiseReportFile(ReportFileSchema.parse(file)));
  }
  return files;
}

/* ------------------------------------------------------------------ sections */

export interface Section {
  /** offset in the report text where the section starts */
  start: number;
  /** the section as cited in sources: "II.1 Towards the interoperability of information systems" */
  label: string;
  /** the heading's words, for topics: "Towards the interoperability of information systems" */
  topic: string;
}

const INTRODUCTION = 'Introduction';

interface Line {
  start: number;
  raw: string;
  /** without markdown marks and surrounding blanks */
  clean: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const clean = raw
      .replace(/^\s*#+\s*/, '')
      .replace(/[*_]+/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    lines.push({ start, raw, clean });
    start += raw.length + 1;
  }
  return lines;
}

function isUpper(s: string): boolean {
  const letters = s.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

function sentenceCase(s: string): string {
  if (!isUpper(s)) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Headings of a report, in order. Numbering must run in sequence, which keeps stray lines out. */
export function detectSections(text: string): Section[] {
  const lines = splitLines(text);
  const sections: Section[] = [{ start: 0, label: INTRODUCTION, topic: INTRODUCTION }];
  let roman = 0; // index into ROMAN of the current top-level section, 0 = none yet
  let romanLabel = '';
  let romanTopic = '';
  let sub = 0;
  let subLabel = '';
  let letter = 0;

  const continuation = (index: number, upper: boolean): string => {
    // a heading wrapped onto the next line (PDF text): join short follow-on lines
    let next = lines[index + 1];
    if (next && next.clean === '') next = lines[index + 2];
    if (!next || next.clean === '' || next.clean.length > 90) return '';
    if (/^([IVX]+\.|\d{1,2}\.|\([a-z]\))\s/.test(next.clean)) return '';
    if (upper ? isUpper(next.clean) : /^[a-z]/.test(next.clean)) return ` ${next.clean}`;
    return '';
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const s = line.clean;
    if (s.length === 0 || s.length > 160) continue;

    const top = /^([IVX]+)\.\s*(.+)$/.exec(s);
    if (top && isUpper(top[2]!)) {
      const index = ROMAN.indexOf(top[1]!) + 1;
      if (index > roman && index <= roman + 2) {
        roman = index;
        const words = (top[2]! + continuation(i, true)).replace(/\s+/g, ' ').trim();
        romanLabel = `${top[1]}. ${words}`;
        romanTopic = sentenceCase(words);
        sub = 0;
        letter = 0;
        sections.push({ start: line.start, label: romanLabel, topic: romanTopic });
        continue;
      }
    }
    if (roman === 0) continue;

    const numbered = /^(\d{1,2})\.\s+([A-Z].+)$/.exec(s);
    if (numbered && Number(numbered[1]) === sub + 1 && !/[.:;]$/.test(numbered[2]!)) {
      sub += 1;
      letter = 0;
      const words = (numbered[2]! + continuation(i, false)).replace(/\s+/g, ' ').trim();
      subLabel = `${ROMAN[roman - 1]}.${sub} ${words}`;
      sections.push({ start: line.start, label: subLabel, topic: words });
      continue;
    }

    const lettered = /^\(([a-z])\)\s+([A-Z].+)$/.exec(s);
    if (lettered && sub > 0 && lettered[1]!.charCodeAt(0) - 96 === letter + 1 && !/[.:;]$/.test(lettered[2]!)) {
      letter += 1;
      const words = (lettered[2]! + continuation(i, false)).replace(/\s+/g, ' ').trim();
      sections.push({
        start: line.start,
        label: `${ROMAN[roman - 1]}.${sub}(${lettered[1]}) ${words}`,
        topic: words,
      });
    }
  }
  void romanTopic;
  void subLabel;
  // the default opening section goes when a heading opens the text
  if (sections.length > 1 && text.slice(0, sections[1]!.start).trim() === '') sections.shift();
  return sections;
}

function sectionAt(sections: readonly Section[], offset: number): Section {
  let found = sections[0]!;
  for (const section of sections) {
    if (section.start <= offset) found = section;
    else break;
  }
  return found;
}

/* ------------------------------------------------------------------ footnotes */

interface Footnote {
  start: number;
  end: number;
  /** where its marker stands in the body, when found */
  marker?: number;
}

/**
 * Footnote definitions and the position of their markers, for the three shapes the reports come
 * in: PDF text (a number alone on a line is a marker, "N text" at the start of a line a
 * definition, both in sequence), Word text ("[footnoteRef:N]" and "[N: text]") and Markdown
 * ("<sup>N</sup>" in the body, at the start of a line for the definition).
 */
export function detectFootnotes(text: string): Footnote[] {
  const notes: Footnote[] = [];
  if (text.includes('[footnoteRef:')) {
    const markers = new Map<number, number>();
    for (const m of text.matchAll(/\[footnoteRef:(\d+)\]/g)) markers.set(Number(m[1]), m.index);
    for (const m of text.matchAll(/\[(\d+):[^\]]*\]/g)) {
      notes.push({ start: m.index, end: m.index + m[0].length, marker: markers.get(Number(m[1])) });
    }
    return notes;
  }
  if (text.includes('<sup>')) {
    const markers = new Map<number, number>();
    const lines = splitLines(text);
    for (const line of lines) {
      const def = /^\s*<sup>(\d+)<\/sup>/.exec(line.raw);
      if (def) {
        notes.push({ start: line.start, end: line.start + line.raw.length, marker: markers.get(Number(def[1])) });
        continue;
      }
      for (const m of line.raw.matchAll(/<sup>(\d+)<\/sup>/g)) {
        if (!markers.has(Number(m[1]))) markers.set(Number(m[1]), line.start + m.index);
      }
    }
    return notes;
  }
  // PDF text
  const lines = splitLines(text);
  let nextMarker = 1;
  let nextDef = 1;
  const markers = new Map<number, number>();
  let open: Footnote | null = null;
  for (const line of lines) {
    const lone = /^\s*(\d{1,3})\s*$/.exec(line.raw);
    if (lone && Number(lone[1]) === nextMarker) {
      markers.set(nextMarker, line.start);
      nextMarker += 1;
      open = null;
      continue;
    }
    const def = /^\s*(\d{1,3})\s+\S/.exec(line.raw);
    if (def && Number(def[1]) === nextDef && nextDef < nextMarker) {
      open = { start: line.start, end: line.start + line.raw.length, marker: markers.get(nextDef) };
      notes.push(open);
      nextDef += 1;
      continue;
    }
    if (open && line.raw.trim() !== '' && !/^\s/.test(line.raw)) {
      open.end = line.start + line.raw.length; // the definition runs on
    } else {
      open = null;
    }
  }
  return notes;
}

/* ------------------------------------------------------------------ dates */

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_AFTER =
  /(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*((?:19|20)\d{2})|(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})/g;

/**
 * The date a footnote gives right after a reference: `COM(2017) 793 final (12.12.2017)`,
 * `(COM(2018) 211 final of 17.4.2018)`, `COM(2016) 205 final, 6.4.2016`, and lists such as
 * `COM(2017) 793 final and COM(2017) 794 final (12.12.2017)`. Anything else between the
 * reference and the date (words, other numbers) and there is no date.
 */
export function dateAfter(text: string, ref: Reference, refs: readonly Reference[]): string | null {
  const windowEnd = Math.min(text.length, ref.end + 160);
  DATE_AFTER.lastIndex = ref.end;
  const m = DATE_AFTER.exec(text);
  if (!m || m.index >= windowEnd) return null;
  let gap = text.slice(ref.end, m.index);
  // blank out other references standing between
  const family = (r: Reference) => (['com', 'join', 'sec', 'swd', 'c'].includes(r.type) ? 'doc' : r.type);
  for (const other of refs) {
    if (other.start >= ref.end && other.end <= m.index && family(other) === 'doc' && family(ref) === 'doc') {
      const a = other.start - ref.end;
      const b = other.end - ref.end;
      gap = gap.slice(0, a) + ' '.repeat(b - a) + gap.slice(b);
    }
  }
  if (!/^(?:\s|,|\(|\band\b|\bof\b|\bfinal\b(?:\/\d)?)*$/i.test(gap)) return null;
  if (m[1]) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return isoDate(Number(m[6]), MONTHS[m[5]!.toLowerCase()]!, Number(m[4]));
}

/* ------------------------------------------------------------------ building */

interface Found {
  doc: { id: string; type: Reference['type']; celex?: string; url: string; firstText: string };
  mentions: Map<string, { ref: SourceRef; order: number }>;
  dates: Map<string, { count: number; first: number; source: SourceRef }>;
  topics: Set<string>;
}

function mentionKey(ref: SourceRef): string {
  return `${ref.report}\u0000${ref.section}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function titleFromReference(found: Found['doc']): string {
  if (['com', 'join', 'sec', 'swd', 'c', 'procedure'].includes(found.type)) return found.id;
  return found.firstText.replace(/\s+/g, ' ').trim() || found.id;
}

const NON_LEGISLATIVE = new Set([
  'communication',
  'joint-communication',
  'report',
  'joint-report',
  'progress-report',
  'recommendation',
  'action-plan',
  'staff-working-document',
  'commission-decision',
]);

const EURLEX_CELEX = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:';
const PROPOSAL_KINDS = new Set(['legislative-proposal', 'proposal', 'recommendation']);

/**
 * The CELEX of a COM/JOIN/SWD document, which its number alone does not decide (docs/ARCHITECTURE.md,
 * Identifiers): a curated kind does. COM proposals (and COM recommendations for Council
 * decisions) are PC, other COM documents DC; JOIN documents JC; SWD documents SC.
 */
export function documentCelex(id: string, kind: string): string | undefined {
  const m = /^(COM|JOIN|SWD)\((\d{4})\) (\d{1,4})$/.exec(id);
  if (!m || kind === 'unknown') return undefined;
  const letters = m[1] === 'JOIN' ? 'JC' : m[1] === 'SWD' ? 'SC' : PROPOSAL_KINDS.has(kind) ? 'PC' : 'DC';
  return `5${m[2]}${letters}${m[3]!.padStart(4, '0')}`;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function orderedSource(source: SourceRef): SourceRef {
  const out: SourceRef = { report: source.report, section: source.section };
  if (source.quote !== undefined) out.quote = source.quote;
  if (source.footnote !== undefined) out.footnote = source.footnote;
  return out;
}

/** Rebuilds an object with keys in the schema's order, dropping undefined, so output is stable. */
function orderedDocument(doc: DatasetDocument): DatasetDocument {
  const out: Record<string, unknown> = {};
  const keys: (keyof DatasetDocument)[] = [
    'id', 'type', 'kind', 'title', 'date', 'celex', 'url', 'procedure', 'aliases', 'topics',
    'becameAct', 'fromProposal', 'amends', 'amendedBy', 'mentions', 'events', 'outside',
  ];
  for (const key of keys) {
    if (doc[key] !== undefined) out[key] = doc[key];
  }
  out.mentions = doc.mentions.map(orderedSource);
  out.events = doc.events.map((e) => ({
    date: e.date,
    stage: e.stage,
    institution: e.institution,
    label: e.label,
    source: orderedSource(e.source),
  }));
  return out as DatasetDocument;
}

export interface BuildResult {
  dataset: Dataset;
  /** per report id, its detected section labels */
  sections: Map<string, string[]>;
  warnings: string[];
}

export function buildDataset(reportTexts: readonly RawReport[], curatedInput: unknown, find: FindReferences): BuildResult {
  const curated: Curated = CuratedSchema.parse(curatedInput);
  const warnings: string[] = [];

  const texts = identifyReports(reportTexts, curated.reports);
  const reports = [...curated.reports].sort((a, b) => a.ordinal - b.ordinal);
  const reportOrder = new Map(reports.map((r, i) => [r.id, i]));

  const found = new Map<string, Found>();
  const sectionsByReport = new Map<string, string[]>();
  const topicByLabel = new Map<string, string>();
  let order = 0;

  const ensure = (doc: Found['doc']): Found => {
    let entry = found.get(doc.id);
    if (!entry) {
      entry = { doc, mentions: new Map(), dates: new Map(), topics: new Set() };
      found.set(doc.id, entry);
    }
    return entry;
  };
  const mention = (entry: Found, source: SourceRef, topic: string) => {
    const key = mentionKey(source);
    if (!entry.mentions.has(key)) entry.mentions.set(key, { ref: source, order: order++ });
    entry.topics.add(topic);
  };

  const aliasMentions = new Map<string, Map<string, { ref: SourceRef; order: number }>>();
  const aliasTopics = new Map<string, Set<string>>();

  for (const report of reports) {
    const entry = texts.get(report.id);
    if (!entry) continue;
    const { text } = entry;
    const sections = detectSections(text);
    sectionsByReport.set(report.id, sections.map((s) => s.label));
    for (const s of sections) topicByLabel.set(`${report.id}\u0000${s.label}`, s.topic);
    const notes = detectFootnotes(text);
    const sectionFor = (offset: number): Section => {
      const note = notes.find((n) => n.start <= offset && offset < n.end);
      return sectionAt(sections, note?.marker ?? offset);
    };

    const refs = find(text);
    for (const ref of refs) {
      const section = sectionFor(ref.start);
      const item = ensure({ id: ref.id, type: ref.type, celex: ref.celex, url: ref.url, firstText: ref.text });
      const source = { report: report.id, section: section.label };
      mention(item, source, section.topic);
      const date = dateAfter(text, ref, refs);
      if (date) {
        const seen = item.dates.get(date);
        if (seen) seen.count += 1;
        else item.dates.set(date, { count: 1, first: order++, source });
      }
    }

    // curated documents named in words
    for (const doc of curated.documents) {
      for (const alias of doc.aliases ?? []) {
        if (alias.length < 3) continue;
        const pattern = new RegExp(
          `(?<![\\w-])${alias.split(/\s+/).map(escapeRegExp).join('[\\s*_]+')}(?![\\w-])`,
          'g',
        );
        for (const m of text.matchAll(pattern)) {
          const section = sectionFor(m.index);
          const source = { report: report.id, section: section.label };
          let map = aliasMentions.get(doc.id);
          if (!map) aliasMentions.set(doc.id, (map = new Map()));
          if (!map.has(mentionKey(source))) map.set(mentionKey(source), { ref: source, order: order++ });
          let topics = aliasTopics.get(doc.id);
          if (!topics) aliasTopics.set(doc.id, (topics = new Set()));
          topics.add(section.topic);
        }
      }
    }
  }

  // check curated sources against the detected sections
  const checkSource = (where: string, source: SourceRef) => {
    const labels = sectionsByReport.get(source.report);
    if (!reportOrder.has(source.report)) throw new Error(`${where}: unknown report ${source.report}`);
    if (labels && !labels.includes(source.section)) {
      throw new Error(
        `${where}: report ${source.report} has no section "${source.section}"; its sections: ${labels.join(' | ')}`,
      );
    }
  };

  const curatedById = new Map<string, CuratedDocument>();
  for (const doc of curated.documents) {
    if (curatedById.has(doc.id)) throw new Error(`curated.json: ${doc.id} twice`);
    curatedById.set(doc.id, doc);
    for (const e of doc.events ?? []) checkSource(`curated ${doc.id} event ${e.date} ${e.stage}`, e.source);
    for (const m of doc.mentions ?? []) checkSource(`curated ${doc.id} mention`, m);
  }

  const ids = sortedUnique([...found.keys(), ...curatedById.keys()]);
  const sortMentions = (list: { ref: SourceRef; order: number }[]): SourceRef[] => {
    const withIndex = list.map((m) => {
      const labels = sectionsByReport.get(m.ref.report) ?? [];
      return { ...m, r: reportOrder.get(m.ref.report) ?? 0, s: labels.indexOf(m.ref.section) };
    });
    withIndex.sort((a, b) => a.r - b.r || a.s - b.s || a.order - b.order);
    return withIndex.map((m) => m.ref);
  };

  const documents: DatasetDocument[] = [];
  for (const id of ids) {
    const auto = found.get(id);
    const cur = curatedById.get(id);

    const mentionList = new Map<string, { ref: SourceRef; order: number }>();
    for (const [k, v] of auto?.mentions ?? []) mentionList.set(k, v);
    for (const [k, v] of aliasMentions.get(id) ?? []) if (!mentionList.has(k)) mentionList.set(k, v);
    for (const m of cur?.mentions ?? []) if (!mentionList.has(mentionKey(m))) mentionList.set(mentionKey(m), { ref: m, order: order++ });
    for (const e of cur?.events ?? []) {
      if (!mentionList.has(mentionKey(e.source))) mentionList.set(mentionKey(e.source), { ref: e.source, order: order++ });
    }
    const mentions = sortMentions([...mentionList.values()]);

    const topics = new Set<string>([...(auto?.topics ?? []), ...(aliasTopics.get(id) ?? []), ...(cur?.topics ?? [])]);
    for (const m of mentions) {
      const topic = topicByLabel.get(`${m.report}\u0000${m.section}`);
      if (topic) topics.add(topic);
    }
    topics.delete(INTRODUCTION);

    // the date footnotes give most often (first seen on a tie)
    let autoDate: { date: string; source: SourceRef } | undefined;
    if (auto) {
      let best: { date: string; count: number; first: number; source: SourceRef } | undefined;
      for (const [date, v] of auto.dates) {
        if (!best || v.count > best.count || (v.count === best.count && v.first < best.first)) best = { date, ...v };
      }
      if (best) autoDate = { date: best.date, source: best.source };
      if (auto.dates.size > 1 && !cur?.date) warnings.push(`${id}: footnotes give several dates: ${[...auto.dates.keys()].join(', ')}`);
    }

    const type = cur?.type ?? auto!.doc.type;
    if (cur && auto && cur.type !== auto.doc.type) {
      warnings.push(`${id}: curated type ${cur.type} differs from the reference's ${auto.doc.type}`);
    }
    const kind = cur?.kind ?? 'unknown';
    const date = cur?.date ?? autoDate?.date;
    const events: DatasetEvent[] = [...(cur?.events ?? [])];

    // what a dated footnote already establishes for a curated document of a known kind
    if (cur && autoDate && (cur.date === undefined || cur.date === autoDate.date)) {
      const author = type === 'join' ? 'Commission and High Representative' : 'Commission';
      if (NON_LEGISLATIVE.has(kind) && ['com', 'join', 'swd', 'sec', 'c'].includes(type) && !events.some((e) => e.stage === 'adopted')) {
        events.push({ date: autoDate.date, stage: 'adopted', institution: author, label: `Adopted by the ${author}`, source: autoDate.source });
      }
      if (kind === 'legislative-proposal' && !events.some((e) => e.stage === 'proposed')) {
        events.push({ date: autoDate.date, stage: 'proposed', institution: 'Commission', label: 'Proposed by the Commission', source: autoDate.source });
      }
    }
    events.sort((a, b) => {
      const ka = a.date.length === 7 ? `${a.date}-00` : a.date;
      const kb = b.date.length === 7 ? `${b.date}-00` : b.date;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });

    const celex = cur?.celex ?? auto?.doc.celex ?? (cur ? documentCelex(id, kind) : undefined);
    const url = cur?.url ?? (celex ? `${EURLEX_CELEX}${celex}` : auto?.doc.url);

    documents.push(
      orderedDocument({
        id,
        type,
        kind,
        title: cur?.title ?? titleFromReference(auto!.doc),
        date,
        celex,
        url,
        procedure: cur?.procedure,
        aliases: cur?.aliases ?? [],
        topics: sortedUnique(topics),
        becameAct: cur?.becameAct,
        fromProposal: cur?.fromProposal,
        amends: cur?.amends ?? [],
        amendedBy: cur?.amendedBy ?? [],
        mentions,
        events,
        outside: cur?.outside,
      }),
    );
  }

  // links must point at documents that exist, and both ways
  const docIds = new Set(documents.map((d) => d.id));
  for (const doc of documents) {
    for (const target of [doc.becameAct, doc.fromProposal, ...doc.amends, ...doc.amendedBy]) {
      if (target !== undefined && !docIds.has(target)) throw new Error(`${doc.id}: links to ${target}, which is not in the dataset`);
    }
    if (doc.becameAct && documents.find((d) => d.id === doc.becameAct)?.fromProposal !== doc.id) {
      throw new Error(`${doc.id} becameAct ${doc.becameAct}, whose fromProposal does not point back`);
    }
    if (doc.fromProposal && documents.find((d) => d.id === doc.fromProposal)?.becameAct !== doc.id) {
      throw new Error(`${doc.id} fromProposal ${doc.fromProposal}, whose becameAct does not point back`);
    }
  }

  const dataset = DatasetSchema.parse({
    schemaVersion: DATASET_SCHEMA_VERSION,
    version: curated.version,
    reports: reports.map((r) => ({ id: r.id, ordinal: r.ordinal, title: r.title, date: r.date, ...(r.outside ? { outside: r.outside } : {}) })),
    documents: documents.sort(byId),
  });
  return { dataset, sections: sectionsByReport, warnings };
}

/** The dataset as written to disk: two-space JSON, keys in schema order, a final newline. */
export function serialiseDataset(dataset: Dataset): string {
  const ordered = {
    schemaVersion: dataset.schemaVersion,
    version: dataset.version,
    reports: dataset.reports.map((r) => ({ id: r.id, ordinal: r.ordinal, title: r.title, date: r.date, ...(r.outside ? { outside: r.outside } : {}) })),
    documents: dataset.documents.map(orderedDocument),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
