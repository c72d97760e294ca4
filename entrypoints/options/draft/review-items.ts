/**
 * What a reviewer decides about each proposal: accept, reject or leave pending, and for an event
 * an edit of its stage, date or document. The edit replaces those three fields only: the quote,
 * the section and the report stay the proposal's, so an edited event still rests on the words it
 * was drafted from (and the check below says when the edited date is no longer in them).
 */
import type { Proposal, ProposedEvent } from '../../../drafter/draft';
import { findDates } from '../../../drafter/dates';
import { PartialDateSchema, STAGES, type Stage } from '../../../storage/dataset/schema';
import { stageLabel } from '../../../storage/dataset/status';

export type Decision = 'pending' | 'accepted' | 'rejected';

export interface EventEdit {
  stage: Stage;
  date: string;
  document: string;
}

export interface ReviewItem {
  /** stable across re-renders: the proposal's place in the draft */
  key: string;
  proposal: Proposal;
  decision: Decision;
  edit?: EventEdit;
}

export function reviewItems(proposals: readonly Proposal[]): ReviewItem[] {
  return proposals.map((proposal, i) => ({ key: `p${i}`, proposal, decision: 'pending' }));
}

export type EditProblem = 'date-invalid' | 'stage-unknown' | 'document-unknown';

export interface EditCheck {
  problems: EditProblem[];
  /** the edited date is not one the quote states: the reviewer should say where it comes from */
  dateNotInQuote: boolean;
}

/**
 * `known`: the ids an event may be given to (the base's documents and the new documents
 * proposed); `reportDate`: the date of the report the quote is from, which "together with this
 * report" means.
 */
export function checkEdit(p: ProposedEvent, edit: EventEdit, known: ReadonlySet<string>, reportDate?: string): EditCheck {
  const problems: EditProblem[] = [];
  const dateOk = PartialDateSchema.safeParse(edit.date).success;
  if (!dateOk) problems.push('date-invalid');
  if (!(STAGES as readonly string[]).includes(edit.stage)) problems.push('stage-unknown');
  if (!known.has(edit.document.trim())) problems.push('document-unknown');
  const stated = findDates(p.evidence.quote, reportDate ? { reportDate } : {}).map((d) => d.date);
  const dateNotInQuote = dateOk && edit.date !== p.event.date && !stated.includes(edit.date);
  return { problems, dateNotInQuote };
}

/** The proposal as the reviewer left it: edited where they edited it, its evidence untouched. */
export function reviewedProposal(item: ReviewItem): Proposal {
  const p = item.proposal;
  if (p.kind !== 'event' || !item.edit) return p;
  const { stage, date } = item.edit;
  const document = item.edit.document.trim();
  const label = stage === p.event.stage ? p.event.label : `${stageLabel(stage).charAt(0).toUpperCase()}${stageLabel(stage).slice(1)}`;
  return { ...p, document, event: { ...p.event, stage, date, label } };
}

export interface Counts {
  accepted: number;
  rejected: number;
  pending: number;
}

export function countDecisions(items: readonly ReviewItem[]): Counts {
  const counts: Counts = { accepted: 0, rejected: 0, pending: 0 };
  for (const item of items) counts[item.decision]++;
  return counts;
}

/** Sets the decision of the items whose keys are given (Accept all shown, Reject all). */
export function decideAll(items: readonly ReviewItem[], keys: ReadonlySet<string>, decision: Decision): ReviewItem[] {
  return items.map((item) => (keys.has(item.key) ? { ...item, decision } : item));
}
