/**
 * Builds the bundled dataset from the Security Union progress reports (plain text) and
 * `seeds/curated.json`. Pure: no file system, no clock; the same inputs give the same bytes.
 *
 * Each report is read through its normalised blocks (evidence/report-text.ts). Derived
 * mechanically from them:
 * - which report is which (the ordinal word in its opening: "This is the twelfth ...");
 * - the sections of each report (headings "II. ...", "1. ...", "(a) ...");
 * - every reference found by `findReferences`, with the report and section that mention it
 *   (a reference in a footnote counts for the section of the footnote's call) and the report's
 *   words as its quote: the sentence that holds it, or the footnote;
 * - document dates from footnotes such as `COM(2019) 4 final (7.1.2019)`;
 * - mentions of curated documents by their aliases ("ETIAS", "Cybersecurity Act").
 * `curated.json` is merged on top: titles, kinds, links, events. Curated event sources are
 * checked against the detected sections, so a typo in a section name fails the build; the
 * evidence of every fact is checked by seeds/check-evidence.ts.
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
import { INTRODUCTION, reportSections, sectionOfBlock, type Heading, type Section } from '../evidence/headings';
import { normaliseReport, type Block, type ReportText as NormalisedReport } from '../evidence/report-text';
import { sentenceAround } from '../evidence/sentence';
import { checkEvidence } from './check-evidence';
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

/** A report's sections as curators cite them, from its normalised text (evidence/headings.ts). */
export function detectSections(text: string): Heading[] {
  return reportSections(normaliseReport(text)).map(({ label, topic }) => ({ label, topic }));
}

/**
 * The section each block counts for: a body block the section it stands in, a footnote the
 * section of the block that calls it (the last section when nothing calls it).
 */
function blockSections(report: NormalisedReport, sections: readonly Section[]): Section[] {
  const callers = new Map<number, number>();
  report.blocks.forEach((block, index) => {
    for (const call of block.calls ?? []) if (!callers.has(call.number)) callers.set(call.number, index);
  });
  return report.blocks.map((block, index) => {
    if (block.kind !== 'footnote') return sectionOfBlock(sections, index);
    const caller = callers.get(block.number!);
    return caller === undefined ? sections[sections.length - 1]! : sectionOfBlock(sections, caller);
  });
}

/** The report's own words for a mention at start..end of a block: its sentence, or a footnote whole. */
function quoteAt(block: Block, start: number, end: number): { quote: string; footnote?: number } {
  if (block.kind === 'footnote' && block.text.length <= QUOTE_MAX) return { quote: block.text, footnote: block.number! };
  const quote = sentenceAround(block.text, start, end).text.slice(0, QUOTE_MAX);
  return block.kind === 'footnote' ? { quote, footnote: block.number! } : { quote };
}

const QUOTE_MAX = 2000;

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
  /** what the evidence checks found (seeds/check-evidence.ts): the dataset is not to be shipped while any remain */
  problems: string[];
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

  const normalised = new Map<string, NormalisedReport>();
  for (const report of reports) {
    const entry = texts.get(report.id);
    if (!entry) continue;
    const text = normaliseReport(entry.text);
    normalised.set(report.id, text);
    const sections = reportSections(text);
    sectionsByReport.set(report.id, sections.map((s) => s.label));
    for (const s of sections) topicByLabel.set(`${report.id}\u0000${s.label}`, s.topic);
    const sectionOf = blockSections(text, sections);

    text.blocks.forEach((block, index) => {
      const section = sectionOf[index]!;
      const refs = find(block.text);
      for (const ref of refs) {
        const item = ensure({ id: ref.id, type: ref.type, celex: ref.celex, url: ref.url, firstText: ref.text });
        const source: SourceRef = { report: report.id, section: section.label, ...quoteAt(block, ref.start, ref.end) };
        mention(item, source, section.topic);
        const date = dateAfter(block.text, ref, refs);
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
          const pattern = new RegExp(`(?<![\\w-])${alias.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\w-])`, 'g');
          for (const m of block.text.matchAll(pattern)) {
            const source: SourceRef = { report: report.id, section: section.label, ...quoteAt(block, m.index, m.index + m[0].length) };
            let map = aliasMentions.get(doc.id);
            if (!map) aliasMentions.set(doc.id, (map = new Map()));
            if (!map.has(mentionKey(source))) map.set(mentionKey(source), { ref: source, order: order++ });
            let topics = aliasTopics.get(doc.id);
            if (!topics) aliasTopics.set(doc.id, (topics = new Set()));
            topics.add(section.topic);
          }
        }
      }
    });
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
  const problems = checkEvidence({ dataset, texts: normalised, curated: curated.documents });
  return { dataset, sections: sectionsByReport, warnings, problems };
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
