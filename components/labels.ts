import { describeId } from '../references';
import type { ReferenceType } from '../references/types';
import type { STAGES } from '../storage/dataset/stages';
import type { MessageKey } from '../i18n/keys';
import type { Translator } from '../i18n/translate';

type Stage = (typeof STAGES)[number];

/** The kind of document a reference names, as EUR-Lex names it in the reader's language. */
export const TYPE_KEYS: Readonly<Record<ReferenceType, MessageKey>> = {
  com: 'typeCom',
  join: 'typeJoin',
  sec: 'typeSec',
  swd: 'typeSwd',
  c: 'typeC',
  directive: 'typeDirective',
  regulation: 'typeRegulation',
  decision: 'typeDecision',
  'framework-decision': 'typeFrameworkDecision',
  procedure: 'typeProcedure',
};

/** A stage in the words EUR-Lex and the Legislative Observatory use in the reader's language. */
export const STAGE_KEYS: Readonly<Record<Stage, MessageKey>> = {
  announced: 'stageAnnounced',
  proposed: 'stageProposed',
  'in-negotiation': 'stageInNegotiation',
  'provisional-agreement': 'stageProvisionalAgreement',
  adopted: 'stageAdopted',
  published: 'stagePublished',
  'in-force': 'stageInForce',
  applicable: 'stageApplicable',
  implementation: 'stageImplementation',
  withdrawn: 'stageWithdrawn',
  rejected: 'stageRejected',
};

/**
 * The dataset's kinds of document a reader sees after the type ("legislative proposal"), in the
 * EU's words for them; a kind not listed here is shown as the dataset writes it.
 */
export const KIND_KEYS: Readonly<Record<string, MessageKey>> = {
  'legislative-proposal': 'kindLegislativeProposal',
  proposal: 'kindProposal',
  communication: 'kindCommunication',
  'joint-communication': 'kindJointCommunication',
  'progress-report': 'kindProgressReport',
  report: 'kindReport',
  'joint-report': 'kindJointReport',
  recommendation: 'kindRecommendation',
  'action-plan': 'kindActionPlan',
  'staff-working-document': 'kindStaffWorkingDocument',
  'ep-resolution': 'kindEpResolution',
  'commission-decision': 'kindCommissionDecision',
  regulation: 'kindRegulation',
  directive: 'kindDirective',
  decision: 'kindDecision',
  'framework-decision': 'kindFrameworkDecision',
};

/** A stage's words; null, a document the dataset knows with no dated event, has words of its own. */
export function stageWords(words: Translator, stage: Stage | null): string {
  return words.t(stage === null ? 'stageNone' : STAGE_KEYS[stage]);
}

/** The kind of document a reference names, in English: for the exports, which are data, not interface. */
export const TYPE_NAMES: Record<ReferenceType, string> = {
  com: 'Commission document (COM)',
  join: 'Joint communication (JOIN)',
  sec: 'Commission staff document (SEC)',
  swd: 'Staff working document (SWD)',
  c: 'Commission decision or act (C)',
  directive: 'Directive',
  regulation: 'Regulation',
  decision: 'Decision',
  'framework-decision': 'Framework Decision',
  procedure: 'Interinstitutional procedure',
};

/**
 * An act cited in English as the EU's citation style writes it: the author where the page names
 * one, the kind, then the domain and suffix it carries (`Council Regulation (EC) No 1006/2008`,
 * `Directive 95/46/EC`, `Council Framework Decision 2002/475/JHA`).
 */
const ENGLISH_ACT =
  /^(?:(?:Council|Commission|European Parliament and (?:of the )?Council|European Central Bank)\s+)?(?:(?:Implementing|Delegated|Framework)\s+)?(?:Directive|Regulation|Decision)\s/;
/** What the canonical label leaves out and a written citation says: `(EC)`, `(EU, Euratom)`, `/JHA`. */
const DOMAIN_OR_SUFFIX = /\([A-Za-z, ]+\)|\d\/[A-Z]{2,}\b/;

/**
 * A short human citation. For an act the page cited in English with its domain or suffix, the
 * page's own words (whitespace made plain), since the canonical label (`Regulation No
 * 1006/2008`, `Directive 95/46`) drops them; otherwise the canonical label: acts by their number
 * rather than CELEX, and references in other languages, by CELEX or by link in English.
 */
export function referenceLabel({ id, text }: { id: string; text?: string }): string {
  const canonical = describeId(id);
  const label = canonical?.label ?? id;
  if (!text || !canonical || canonical.celex === undefined) return label;
  const written = text.replace(/\s+/g, ' ').trim();
  if (!ENGLISH_ACT.test(written) || !DOMAIN_OR_SUFFIX.test(written)) return label;
  // Only a citation that still names this act (its number and its year) stands in for it.
  const year = String(canonical.year);
  const numbers: readonly string[] = written.match(/\d+/g) ?? [];
  if (!numbers.includes(canonical.number) || !numbers.some((n) => n === year || n === year.slice(2))) return label;
  return written;
}
