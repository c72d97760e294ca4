/**
 * The drafter: from progress reports and a base dataset, the next dataset update as proposals a
 * person reviews — dated stage events, new documents, proposal → act links — each with the
 * report's sentence it rests on, its section and a confidence. Pure: no DOM, no file system, so
 * the CLI (scripts/draft.ts) and the options page share it.
 *
 * A report is read sentence by sentence. A sentence is tied to documents (drafter/ties.ts); each
 * date phrase in it (drafter/dates.ts) is paired with the nearest stage cue in its clause
 * (drafter/stage-cues.ts) and the nearest tied document. A date right after a reference
 * ("COM(2017) 793 final (12.12.2017)", "Directive (EU) 2017/541 of 15 March 2017") is the
 * document's own date: proposed or adopted, by its kind.
 */
import { reportSections, sectionOfBlock } from '../evidence/headings';
import type { ReportText } from '../evidence/report-file';
import { findReferences } from '../references';
import type { Reference } from '../references/types';
import { DATASET_SCHEMA_VERSION, DatasetSchema } from '../storage/dataset/schema';
import type { Dataset, DatasetDocument, DatasetEvent, Report, SourceRef } from '../storage/dataset/schema';
import { findDates, type DatePhrase } from './dates';
import { FORECAST, findCues, type Cue } from './stage-cues';
import { splitSentences, type Sentence } from './sentences';
import { nameIndex, sentenceTies, type Tie } from './ties';
import { guessKind, guessTitle, kindCalledAs, wordsBefore } from './new-documents';
import { citedReports, readReport, reportIdentity, type DraftFormat } from './read-report';
import { namesGiven } from './aliases';
import { ACT_TYPES, applyingActs } from './applicable';

export interface DraftInput {
  /** a file name, for messages */
  name: string;
  raw: string;
  /** the report's COM number and date when its text does not print them */
  id?: string;
  date?: string;
}

export interface Evidence {
  report: string;
  section: string;
  /** the sentence, verbatim from the normalised report */
  quote: string;
  /** the block the sentence stands in, for showing it with the sentences around it */
  context: string;
  footnote?: number;
}

export interface ProposedEvent {
  kind: 'event';
  document: string;
  event: DatasetEvent;
  confidence: number;
  /** how the sentence was tied to the document */
  tie: Tie['how'] | 'date-after';
  evidence: Evidence;
}

export interface ProposedDocument {
  kind: 'document';
  document: DatasetDocument;
  confidence: number;
  evidence: Evidence;
}

export interface ProposedLink {
  kind: 'link';
  proposal: string;
  act: string;
  confidence: number;
  evidence: Evidence;
}

export type Proposal = ProposedEvent | ProposedDocument | ProposedLink;

export interface DraftedReport {
  report: Report;
  format: DraftFormat;
  text: ReportText;
}

export interface Draft {
  /** the base dataset with every proposal applied: what the CLI writes */
  dataset: Dataset;
  /** the base the draft started from, and the reports' mentions: what a reviewer's choice is applied to */
  base: Dataset;
  mentions: Mentions;
  reports: DraftedReport[];
  proposals: Proposal[];
  warnings: string[];
}

export type FindReferences = (text: string) => Reference[];

const DOC_TYPES = new Set(['com', 'join', 'swd', 'sec', 'c']);
const MAX_QUOTE = 2000;

function clamp(x: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, x)) * 100) / 100;
}

function dateKey(date: string): string {
  return date.length === 7 ? `${date}-00` : date;
}

/** Text between a reference and a date that still makes the date the document's own. */
const OWN_DATE_GAP =
  /^(?:\s|,|\(|\band\b|\bof\b|\bfinal\b(?:\/\d)?|\bthe European Parliament and of the Council\b|\bthe Council\b|\bthe Commission\b)*$/i;

/** Who adopts an act: the Council alone for its own decisions, the co-legislators otherwise. */
function actAuthor(sentence: string, ref: Reference): string {
  const before = sentence.slice(Math.max(0, ref.start - 20), ref.start);
  const after = sentence.slice(ref.end, ref.end + 60);
  // "Council Regulation 1053/2013": the grammar's reference holds the Council's own word
  if (/\bCouncil\s*$/.test(before) || /^Council\b/.test(ref.text) || /^\s*of the Council\b/.test(after)) return 'Council';
  if (/^\s*of the European Parliament and of the Council\b/.test(after) || ref.type !== 'decision') return 'European Parliament and Council';
  return 'Council';
}

interface ReportContext {
  report: Report;
  /** the reports already in the dataset: a report cited in another is no file that moves */
  reports: readonly Report[];
  text: ReportText;
  find: FindReferences;
  known: Map<string, DatasetDocument>;
}

/** Where a report mentions each document: not a proposal to review, but carried into the draft. */
export type Mentions = Map<string, SourceRef[]>;

/** Proposals of one report against what is known so far. */
export function draftReport(context: ReportContext): { proposals: Proposal[]; mentions: Mentions } {
  const { report, text, find, known } = context;
  const sections = reportSections(text);
  const names = nameIndex([...known.values()]);
  const proposals: Proposal[] = [];

  // the body block that calls each footnote, for the footnote's section
  const caller = new Map<number, number>();
  text.blocks.forEach((b, i) => {
    if (b.kind !== 'footnote') for (const c of b.calls ?? []) if (!caller.has(c.number)) caller.set(c.number, i);
  });
  const sectionOf = (index: number): string => {
    const block = text.blocks[index]!;
    const at = block.kind === 'footnote' ? (caller.get(block.number!) ?? index) : index;
    return sectionOfBlock(sections, at).label;
  };

  const footnoteRefs = new Map<number, Reference[]>();
  for (const b of text.blocks) if (b.kind === 'footnote') footnoteRefs.set(b.number!, find(b.text));
  // what a footnote's own words say its documents are ("See the April 2016 Communication on ... (COM(2016) 205 final)"):
  // they come before what the sentence calling the footnote suggests
  const ownKinds = new Map<string, string>();
  for (const b of text.blocks) {
    if (b.kind !== 'footnote') continue;
    for (const s of splitSentences(b)) {
      const refs = find(s.text);
      for (const ref of refs) {
        const kind = guessKind(ref, wordsBefore(s.text, ref, refs));
        if (kind !== 'unknown' && !ownKinds.has(ref.id)) ownKinds.set(ref.id, kind);
      }
    }
  }

  const seenDocs = new Map<string, ProposedDocument>();
  // what the sentence calling a footnote says its documents are ("three legislative proposals")
  const kindHints = new Map<string, string>();
  const callerTies = new Map<number, Tie[]>();
  const mentions: Mentions = new Map();
  let paragraphCarry: Tie[] = [];
  // names the report gives documents in passing, for the new documents' aliases
  const givenNames = new Map<string, string[]>();

  text.blocks.forEach((block, index) => {
    const section = sectionOf(index);
    const evidenceOf = (s: Sentence): Evidence => {
      const e: Evidence = { report: report.id, section, quote: s.text.slice(0, MAX_QUOTE), context: block.text };
      if (block.kind === 'footnote') e.footnote = block.number!;
      return e;
    };
    let previousDate: string | undefined;
    // a sentence that names no document speaks of those of the sentence before it, or (in a
    // footnote) of those of the sentence that calls the footnote
    // a paragraph goes on with the file of the paragraph before it until a heading changes the subject
    let carried: Tie[] = block.kind === 'footnote' ? (callerTies.get(block.number!) ?? []) : block.kind === 'paragraph' ? paragraphCarry : [];
    // only the negotiation of a proposal goes on into the next paragraph: other stages there are of other documents
    let carriedOver = block.kind === 'paragraph';
    for (const sentence of splitSentences(block)) {
      const refs = find(sentence.text);
      const ties = sentenceTies(sentence, refs, footnoteRefs, names);
      if (block.kind !== 'footnote') {
        for (const call of sentence.calls) {
          const own = ties.filter((t) => t.how !== 'footnote');
          if (!callerTies.has(call.number)) callerTies.set(call.number, own.length > 0 ? own : (carried.length > 0 ? carried : []));
        }
      }
      for (const t of ties) {
        if (t.how === 'footnote') continue; // the footnote mentions it itself
        const list = mentions.get(t.document) ?? [];
        if (!list.some((m) => m.section === section)) list.push({ report: report.id, section });
        mentions.set(t.document, list);
      }

      for (const t of ties) {
        if (t.how !== 'footnote' || !DOC_TYPES.has(t.reference?.type ?? '') || t.reference?.type === 'swd' || kindHints.has(t.document)) continue;
        const kind = kindCalledAs(sentence.text.slice(0, t.at));
        if (kind) kindHints.set(t.document, kind);
      }

      // a name the sentence gives the one document it speaks of: "the proposed 'Cybersecurity Act'"
      const tiedDocs = new Set(ties.filter((t) => t.reference?.type !== 'procedure').map((t) => t.document));
      if (tiedDocs.size === 1) {
        const [id] = tiedDocs;
        for (const n of namesGiven(sentence.text)) {
          const list = givenNames.get(id!) ?? [];
          if (!list.includes(n.alias)) list.push(n.alias);
          givenNames.set(id!, list);
        }
      }

      // documents the report names that the dataset does not hold yet
      for (const ref of refs) {
        if (known.has(ref.id) || seenDocs.has(ref.id)) continue;
        const before = wordsBefore(sentence.text, ref, refs);
        const guessed = guessKind(ref, before);
        const kind = guessed === 'unknown' ? (kindHints.get(ref.id) ?? guessed) : guessed;
        const title = guessTitle(ref, before);
        const doc: DatasetDocument = {
          id: ref.id, type: ref.type, kind, title, aliases: [], topics: [], amends: [], amendedBy: [], mentions: [], events: [],
          ...(ref.celex ? { celex: ref.celex } : {}),
          url: ref.url,
        };
        seenDocs.set(ref.id, { kind: 'document', document: doc, confidence: clamp(title === ref.id ? 0.5 : 0.8), evidence: evidenceOf(sentence) });
      }
      const kindOf = (id: string) => {
        const kind = known.get(id)?.kind ?? seenDocs.get(id)?.document.kind;
        return kind && kind !== 'unknown' ? kind : (ownKinds.get(id) ?? kindHints.get(id) ?? 'unknown');
      };
      const isReport = (id: string) => id === report.id || context.reports.some((r) => r.id === id);

      const dates = findDates(sentence.text, { ...(report.date ? { reportDate: report.date } : {}), ...(previousDate ? { previous: previousDate } : {}) }).filter(
        (d, i, all) => !namesDocument(sentence.text, d) && !inPeriod(sentence.text, d, all[i - 1], all[i + 1]),
      );
      const cues = findCues(sentence.text);
      const used = new Set<DatePhrase>();

      // a date right after a reference: the document's own date
      for (const ref of refs) {
        const d = dates.find((x) => x.start >= ref.end && x.how === 'full' && !used.has(x));
        if (!d || d.start - ref.end > 120 || !OWN_DATE_GAP.test(sentence.text.slice(ref.end, d.start).replace(/COM\(\d{4}\)\s*\d+/g, ' '))) continue;
        if (refs.some((r) => r !== ref && r.start >= ref.end && r.end <= d.start && !DOC_TYPES.has(r.type))) continue;
        if (dateKey(d.date) > dateKey(report.date)) continue;
        used.add(d);
        // "COM(2017) 477 final/2 (4.10.2017)": a corrigendum's date, not the day the document was proposed or adopted
        if (/\bfinal\s*\/\s*\d+\s*$/.test(ref.text)) continue;
        let event: DatasetEvent | null = null;
        if (ACT_TYPES.has(ref.type)) {
          const who = actAuthor(sentence.text, ref);
          event = { date: d.date, stage: 'adopted', institution: who, label: `Adopted by the ${who}`, source: { report: report.id, section } };
        } else if (DOC_TYPES.has(ref.type)) {
          const proposal = kindOf(ref.id) === 'legislative-proposal' || kindOf(ref.id) === 'proposal';
          const who = ref.type === 'join' ? 'Commission and High Representative' : 'Commission';
          event = proposal
            ? { date: d.date, stage: 'proposed', institution: 'Commission', label: 'Proposed by the Commission', source: { report: report.id, section } }
            : { date: d.date, stage: 'adopted', institution: who, label: `Adopted by the ${who}`, source: { report: report.id, section } };
        }
        if (!event) continue;
        const ev = evidenceOf(sentence);
        event.source.quote = ev.quote;
        if (ev.footnote) event.source.footnote = ev.footnote;
        proposals.push({ kind: 'event', document: ref.id, event, confidence: clamp(kindOf(ref.id) === 'unknown' ? 0.6 : 0.85), tie: 'date-after', evidence: ev });
        const seen = seenDocs.get(ref.id);
        if (seen && !seen.document.date) seen.document.date = d.date;
      }

      // "European Parliament resolution of 12 December 2018 on ... (2018/2044(INI))": a resolution's date before its procedure number
      for (const ref of refs) {
        if (ref.type !== 'procedure') continue;
        const d = [...dates].reverse().find((x) => x.end <= ref.start && x.how === 'full' && !used.has(x));
        if (!d || !/\b[Rr]esolution (?:adopted )?(?:of|on)\s+$/.test(sentence.text.slice(Math.max(0, d.start - 30), d.start))) continue;
        const between = sentence.text.slice(d.end, ref.start);
        if (between.length > 300 || /;/.test(between) || refs.some((r) => r !== ref && r.start >= d.end && r.end <= ref.start)) continue;
        if (dateKey(d.date) > dateKey(report.date)) continue;
        used.add(d);
        const ev = evidenceOf(sentence);
        const source: SourceRef = { report: report.id, section, quote: ev.quote, ...(ev.footnote ? { footnote: ev.footnote } : {}) };
        const event: DatasetEvent = { date: d.date, stage: 'adopted', institution: 'European Parliament', label: 'Adopted by the European Parliament', source };
        proposals.push({ kind: 'event', document: ref.id, event, confidence: clamp(0.8), tie: 'reference', evidence: ev });
      }

      // present-tense states, dated to the report: "trilogues are on-going", "the Commission continues to implement"
      if (dates.length === 0 && !FORECAST.test(sentence.text)) {
        for (const present of presentStates(sentence.text, cues)) {
          const chosen = ties.length > 0 ? nearestTies(ties, present.cue, { date: report.date, start: present.cue.start, end: present.cue.end, how: 'this-report' }) : [];
          for (const tie of chosen) {
            if (present.stage === 'implementation' && PROPOSAL_KINDS.has(kindOf(tie.document))) continue;
            const ev = evidenceOf(sentence);
            const source: SourceRef = { report: report.id, section, quote: ev.quote, ...(ev.footnote ? { footnote: ev.footnote } : {}) };
            const event: DatasetEvent = { date: report.date, stage: present.stage, institution: present.cue.institution, label: present.label, source };
            proposals.push({ kind: 'event', document: tie.document, event, confidence: clamp(present.stage === 'implementation' ? 0.4 : 0.5), tie: tie.how, evidence: ev });
          }
        }
      }

      // acts the sentence says apply: "the existing Visa Information System", "Under the Schengen evaluation mechanism, ..."
      for (const applying of applyingActs(sentence.text, ties, kindOf)) {
        const ev = evidenceOf(sentence);
        const source: SourceRef = { report: report.id, section, quote: ev.quote, ...(ev.footnote ? { footnote: ev.footnote } : {}) };
        const event: DatasetEvent = { date: report.date, stage: 'applicable', institution: 'co-legislators', label: 'Applicable', source };
        proposals.push({ kind: 'event', document: applying.tie.document, event, confidence: clamp(applying.tie.how === 'footnote' ? 0.35 : 0.45), tie: applying.tie.how, evidence: ev });
      }

      // stage events: each remaining date with the nearest cue of its clause and the nearest document
      for (const d of dates) {
        if (used.has(d)) continue;
        if (dateKey(d.date) > dateKey(report.date) && !(d.date.length === 7 && report.date.startsWith(d.date))) continue;
        const cue = nearestCue(sentence.text, cues, d);
        if (!cue) continue;
        // the clause up to the cue and its date: "..., work is ongoing and will allow the Parliament to adopt its mandate in March 2019"
        const from = Math.min(cue.start, d.start);
        const clauseStart = Math.max(0, sentence.text.lastIndexOf(',', from) + 1, sentence.text.lastIndexOf(';', from) + 1);
        if (FORECAST.test(sentence.text.slice(clauseStart, Math.max(cue.end, d.end)))) continue;
        const fits = (t: Tie) =>
          stageFits(cue.stage, t, kindOf(t.document), isReport(t.document)) && (!cue.namedAfter || (t.how !== 'footnote' && t.at >= cue.end && t.at - cue.end < 40));
        const carriedFits = (t: Tie) => fits(t) && (!carriedOver || (NEGOTIATED.has(cue.stage) && PROPOSAL_KINDS.has(kindOf(t.document))));
        const chosen = ties.length > 0 ? nearestTies(ties.filter(fits), cue, d) : allOf(carried.filter(carriedFits));
        if (chosen.length === 0) continue;
        for (const tie of chosen) {
          let confidence = 0.9;
          if (ties.length === 0) confidence -= 0.3; // the document was named in the sentence before
          if (tie.how === 'footnote') confidence -= 0.1;
          if (tie.how === 'alias' || tie.how === 'title') confidence -= 0.15;
          if (chosen.length > 1) confidence -= 0.1;
          if (d.how === 'month') confidence -= 0.1;
          if (d.how === 'same-day' || d.how === 'no-year') confidence -= 0.15;
          if (cue.weak) confidence -= 0.2;
          if (FORECAST.test(sentence.text)) confidence -= 0.15;
          const ev = evidenceOf(sentence);
          const source: SourceRef = { report: report.id, section, quote: ev.quote };
          if (ev.footnote) source.footnote = ev.footnote;
          else if (tie.how === 'footnote') {
            const call = sentence.calls.find((c) => c.at === tie.at);
            if (call) source.footnote = call.number;
          }
          // "their adoption by the Commission": a proposal's adoption by the Commission is its proposal
          const proposedHere = cue.stage === 'adopted' && cue.institution === 'Commission' && PROPOSAL_KINDS.has(kindOf(tie.document));
          const stage = proposedHere ? 'proposed' : cue.stage;
          const label = proposedHere ? 'Proposed by the Commission' : cue.label;
          proposals.push({
            kind: 'event',
            document: tie.document,
            event: { date: d.date, stage, institution: cue.institution, label, source },
            confidence: clamp(confidence),
            tie: tie.how,
            evidence: ev,
          });
        }
      }

      // proposal → act: "Regulation (EU) 2019/1148 ... following the Commission proposal COM(2018) 209 final"
      for (const act of refs.filter((r) => ACT_TYPES.has(r.type))) {
        for (const proposal of refs.filter((r) => r.type === 'com' && r.start > act.end)) {
          const between = sentence.text.slice(act.end, proposal.start);
          if (!/\b(?:following|based on|on the basis of|resulting from|stemming from)\b[^;]*\bproposal\s*(?:\(\s*)?$/i.test(between)) continue;
          proposals.push({ kind: 'link', proposal: proposal.id, act: act.id, confidence: clamp(0.85), evidence: evidenceOf(sentence) });
        }
      }

      const full = dates.filter((d) => d.date.length === 10);
      if (full.length > 0) previousDate = full[full.length - 1]!.date;
      if (ties.length > 0) {
        carried = ties.filter((t) => t.how !== 'footnote' || ties.every((x) => x.how === 'footnote'));
        carriedOver = false;
      }
    }
    if (block.kind === 'paragraph') paragraphCarry = carried;
    else if (block.kind !== 'footnote') paragraphCarry = [];
  });

  for (const p of seenDocs.values()) {
    for (const alias of givenNames.get(p.document.id) ?? []) if (!p.document.aliases.includes(alias)) p.document.aliases.push(alias);
    proposals.push(p);
  }
  return { proposals: dedupe(proposals), mentions };
}

/**
 * "the December 2016 Action Plan", "the September 2017 Joint Communication", "the May 2017
 * revision of the Directive": a month before a noun names a document or an event the sentence
 * builds on; it dates nothing the sentence reports.
 */
function namesDocument(sentence: string, d: DatePhrase): boolean {
  return d.how === 'month' && /\bthe\s+$/.test(sentence.slice(0, d.start)) && /^\s+(?!(?:and|or|to|in|on|at|by|for|of|with|when|which|that)\b)[A-Za-z]/.test(sentence.slice(d.end));
}

/** "from July 2017 to June 2018": the two ends of a period a document covers, not events. */
function inPeriod(sentence: string, d: DatePhrase, before: DatePhrase | undefined, after: DatePhrase | undefined): boolean {
  const joined = (a: DatePhrase, b: DatePhrase) =>
    /^\s*(?:to|until|–|-)\s*$/.test(sentence.slice(a.end, b.start)) && /\b(?:from|between)\s+$/.test(sentence.slice(0, a.start));
  return (!!after && joined(d, after)) || (!!before && joined(before, d));
}

const PROPOSAL_KINDS = new Set(['legislative-proposal', 'proposal']);
const NON_LEGISLATIVE = new Set(['communication', 'joint-communication', 'report', 'joint-report', 'progress-report', 'action-plan', 'staff-working-document', 'recommendation', 'commission-decision', 'ep-resolution']);

/** Whether a document can be at a stage: a communication is not negotiated, an act is not proposed, a report does not move. */
function stageFits(stage: Cue['stage'], tie: Tie, kind: string, isReport: boolean): boolean {
  if (isReport) return false;
  const legislative = stage === 'proposed' || stage === 'in-negotiation' || stage === 'provisional-agreement';
  if (legislative && NON_LEGISLATIVE.has(kind)) return false;
  // an act named by its alias ("the existing Visa Information System") is no proposal either
  if (legislative && (ACT_TYPES.has(tie.reference?.type ?? '') || ACT_TYPES.has(kind))) return false;
  return true;
}
const UNDER_WAY = /\b(?:on-?going|under ?way|continu(?:e|es|ing)|in their final stages|advance|intensive)\b/i;
const IMPLEMENTING = /\b(?:continues?(?:,[^,.;]{0,80},)? to (?:work on|implement)|implementing the|full implementation|implementation of (?:the|this)|reporting exercise is (?:now )?under ?way|(?:is|are) (?:assessing|monitoring|verifying) the (?:transposition|implementation)|(?:has|have) (?:launched|opened) infringement|(?:is|are) still at [^.]{0,40}stage of (?:the )?implementation)\b/i;

/** Who implements: the Commission where it is the subject before the words ("The Commission has launched infringement procedures against ... Member States"), else the Member States where named. */
function implementer(sentence: string, at: number): string {
  if (/\bCommission\b/.test(sentence.slice(0, at))) return 'Commission';
  return /\bMember States\b/.test(sentence) ? 'Member States' : 'Commission';
}

/** What a sentence without a date says stands as of the report. */
function presentStates(sentence: string, cues: readonly Cue[]): { stage: 'in-negotiation' | 'implementation'; cue: Cue; label: string }[] {
  const out: { stage: 'in-negotiation' | 'implementation'; cue: Cue; label: string }[] = [];
  const negotiating = cues.find((c) => c.stage === 'in-negotiation' && !c.weak);
  if (negotiating && UNDER_WAY.test(sentence)) out.push({ stage: 'in-negotiation', cue: negotiating, label: 'Negotiations under way' });
  const m = IMPLEMENTING.exec(sentence);
  // "a Joint Report on the implementation of the Joint Framework": the report is not what is implemented
  const aboutReport = m && cues.some((c) => c.namedAfter && c.start <= m.index && m.index < c.end + 4);
  if (m && !negotiating && !aboutReport) {
    const cue: Cue = { stage: 'implementation', start: m.index, end: m.index + m[0].length, institution: implementer(sentence, m.index), label: 'Being implemented', weak: true };
    out.push({ stage: 'implementation', cue, label: 'Being implemented' });
  }
  return out;
}

function nearestCue(sentence: string, cues: readonly Cue[], d: DatePhrase): Cue | null {
  let best: { cue: Cue; distance: number } | null = null;
  for (const cue of cues) {
    const from = Math.min(cue.end, d.end);
    const to = Math.max(cue.start, d.start);
    const between = sentence.slice(from, to);
    if (/;/.test(between)) continue;
    const distance = Math.max(0, to - from) + (cue.start > d.end ? 10 : 0);
    if (distance > 160) continue;
    if (!best || distance < best.distance) best = { cue, distance };
  }
  return best?.cue ?? null;
}

function nearestTies(ties: readonly Tie[], cue: Cue, d: DatePhrase): Tie[] {
  if (ties.length === 0) return [];
  const centre = (Math.min(cue.start, d.start) + Math.max(cue.end, d.end)) / 2;
  const distance = (t: Tie) => Math.abs((t.at + t.end) / 2 - centre);
  const byDoc = new Map<string, Tie>();
  for (const t of ties) {
    const seen = byDoc.get(t.document);
    if (!seen || distance(t) < distance(seen)) byDoc.set(t.document, t);
  }
  const list = [...byDoc.values()];
  const min = Math.min(...list.map(distance));
  const closest = list.filter((t) => distance(t) === min);
  // a footnote listing several documents ties them all at one place
  return closest.length > 4 ? [] : closest;
}

/** Each document of a list once, or none when the list names too many to tell. */
function allOf(ties: readonly Tie[]): Tie[] {
  const byDoc = new Map<string, Tie>();
  for (const t of ties) if (!byDoc.has(t.document)) byDoc.set(t.document, t);
  return byDoc.size > 4 ? [] : [...byDoc.values()];
}

function eventKey(p: ProposedEvent): string {
  return `${p.document}\u0000${p.event.stage}\u0000${p.event.date}`;
}

function dedupe(proposals: Proposal[]): Proposal[] {
  const best = new Map<string, Proposal>();
  const out: Proposal[] = [];
  for (const p of proposals) {
    const key = p.kind === 'event' ? `e${eventKey(p)}` : p.kind === 'link' ? `l${p.proposal}\u0000${p.act}` : `d${p.document.id}`;
    const seen = best.get(key);
    if (!seen) {
      best.set(key, p);
      out.push(p);
    } else if (p.confidence > seen.confidence) {
      out[out.indexOf(seen)] = p;
      best.set(key, p);
    }
  }
  return out;
}

const NEGOTIATED = new Set(['in-negotiation', 'provisional-agreement']);

/**
 * A COM document the reports later say is negotiated was a proposal: its own date ("COM(2017)
 * 477 final (13.9.2017)"), first read as an adoption by the Commission, is the date it was proposed.
 */
function asProposals(proposals: readonly Proposal[]): Proposal[] {
  const negotiated = new Set(proposals.flatMap((p) => (p.kind === 'event' && NEGOTIATED.has(p.event.stage) ? [p.document] : [])));
  const out = proposals.map((p): Proposal => {
    if (p.kind === 'document' && negotiated.has(p.document.id) && p.document.type === 'com' && p.document.kind === 'unknown') {
      return { ...p, document: { ...p.document, kind: 'legislative-proposal' } };
    }
    if (p.kind !== 'event' || p.tie !== 'date-after' || p.event.stage !== 'adopted' || p.event.institution !== 'Commission' || !negotiated.has(p.document)) return p;
    return { ...p, event: { ...p.event, stage: 'proposed', label: 'Proposed by the Commission' } };
  });
  return dedupe(out);
}

/** An empty dataset to start from. */
export function emptyDataset(): Dataset {
  return { schemaVersion: DATASET_SCHEMA_VERSION, version: 'draft', reports: [], documents: [] };
}

/** The dataset with the proposals applied (all of them, or those `accept` keeps). */
export function applyProposals(base: Dataset, reports: readonly Report[], proposals: readonly Proposal[], mentions: Mentions = new Map()): Dataset {
  const docs = new Map(base.documents.map((d) => [d.id, structuredClone(d)]));
  const allReports = [...base.reports.map((r) => ({ ...r }))];
  for (const r of reports) if (!allReports.some((x) => x.id === r.id)) allReports.push({ ...r });
  for (const p of proposals) if (p.kind === 'document' && !docs.has(p.document.id)) docs.set(p.document.id, structuredClone(p.document));
  for (const p of proposals) {
    if (p.kind !== 'event') continue;
    const doc = docs.get(p.document);
    if (!doc) continue;
    if (doc.events.some((e) => e.stage === p.event.stage && e.date === p.event.date)) continue;
    doc.events.push(structuredClone(p.event));
  }
  for (const p of proposals) {
    if (p.kind !== 'link') continue;
    const proposal = docs.get(p.proposal);
    const act = docs.get(p.act);
    if (!proposal || !act || proposal.becameAct || act.fromProposal) continue;
    proposal.becameAct = act.id;
    act.fromProposal = proposal.id;
    if (proposal.kind === 'unknown') proposal.kind = 'legislative-proposal';
  }
  for (const [id, list] of mentions) {
    const doc = docs.get(id);
    if (!doc) continue;
    for (const m of list) if (!doc.mentions.some((x) => x.report === m.report && x.section === m.section)) doc.mentions.push({ ...m });
  }
  for (const doc of docs.values()) {
    doc.events.sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)));
    // an event is a mention of its document too
    for (const e of doc.events) {
      if (!doc.mentions.some((m) => m.report === e.source.report && m.section === e.source.section)) doc.mentions.push({ report: e.source.report, section: e.source.section });
    }
  }
  allReports.sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.ordinal - b.ordinal);
  const latest = allReports[allReports.length - 1];
  return DatasetSchema.parse({
    schemaVersion: DATASET_SCHEMA_VERSION,
    version: latest ? `${latest.date}.draft` : base.version,
    reports: allReports,
    documents: [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  });
}

/** Which report each input is: its own words first, then other reports' citations, the base, the caller. */
export type GivenReports = ReadonlyMap<number, { id: string; date: string }>;

function identify(inputs: readonly DraftInput[], base: Dataset, given: GivenReports): { drafted: DraftedReport[]; warnings: string[] } {
  const read = inputs.map((input) => ({ input, ...readReport(input.raw) }));
  const cited = new Map<number, { id: string; date?: string }>();
  for (const r of read) for (const [n, c] of citedReports(r.text)) if (!cited.has(n)) cited.set(n, c);
  const warnings: string[] = [];
  const drafted: DraftedReport[] = [];
  for (const r of read) {
    const own = reportIdentity(r.text);
    const inBase = own.ordinal === null ? undefined : base.reports.find((b) => b.ordinal === own.ordinal);
    const fromOthers = own.ordinal === null ? undefined : cited.get(own.ordinal);
    const told = own.ordinal === null ? undefined : given.get(own.ordinal);
    const id = r.input.id ?? own.id ?? fromOthers?.id ?? inBase?.id ?? told?.id;
    const date = r.input.date ?? own.date ?? fromOthers?.date ?? inBase?.date ?? told?.date;
    if (!id || !date || own.ordinal === null) {
      throw new Error(
        `${r.input.name}: cannot tell which report this is (ordinal ${own.ordinal ?? '?'}, number ${id ?? '?'}, date ${date ?? '?'}); give them as ORDINAL=COM(YYYY) N@YYYY-MM-DD`,
      );
    }
    const report: Report = { id, ordinal: own.ordinal, title: own.title ?? inBase?.title ?? `Progress report ${own.ordinal}`, date };
    const outsideId = !own.id && !fromOthers?.id && !inBase;
    const outsideDate = !own.date && !fromOthers?.date && !inBase;
    if (outsideId || outsideDate) {
      const note = { from: 'the-document' as const, note: 'given by the person who drafted the update; the report text does not print it' };
      report.outside = { ...(outsideId ? { id: note } : {}), ...(outsideDate ? { date: note } : {}) };
    }
    drafted.push({ report, format: r.format, text: r.text });
  }
  return { drafted, warnings };
}

/**
 * Drafts the update: reports in the order of their dates (whatever the order given), each read
 * against the base plus what the reports before it proposed.
 */
export function draftUpdate(
  inputs: readonly DraftInput[],
  base: Dataset | null = null,
  options: { given?: GivenReports; find?: FindReferences } = {},
): Draft {
  const find = options.find ?? findReferences;
  const start = base ?? emptyDataset();
  const { drafted, warnings } = identify(inputs, start, options.given ?? new Map());
  drafted.sort((a, b) => dateKey(a.report.date).localeCompare(dateKey(b.report.date)) || a.report.ordinal - b.report.ordinal);
  let dataset = start;
  const proposals: Proposal[] = [];
  const mentions: Mentions = new Map();
  for (const d of drafted) {
    const known = new Map(dataset.documents.map((doc) => [doc.id, doc]));
    const drafted = draftReport({ report: d.report, reports: dataset.reports, text: d.text, find, known });
    const found = drafted.proposals.filter(
      (p) => !(p.kind === 'event' && known.get(p.document)?.events.some((e) => e.stage === p.event.stage && e.date === p.event.date)),
    );
    proposals.push(...found);
    for (const [id, list] of drafted.mentions) mentions.set(id, [...(mentions.get(id) ?? []), ...list]);
    dataset = applyProposals(dataset, [d.report], found, drafted.mentions);
  }
  const settled = asProposals(proposals);
  return { dataset: applyProposals(start, drafted.map((d) => d.report), settled, mentions), base: start, mentions, reports: drafted, proposals: settled, warnings };
}
