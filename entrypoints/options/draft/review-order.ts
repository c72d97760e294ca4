/**
 * The order staff review proposals in: the least confident first, since those are the ones a
 * person most needs to read; among equals, by document and date, so that one document's
 * proposals stand together and the list does not reshuffle between drafts of the same report.
 */
import type { Proposal } from '../../../drafter/draft';

/** The document a proposal is about: the event's document, the new document, the proposal of a link. */
export function proposalSubject(p: Proposal): string {
  return p.kind === 'event' ? p.document : p.kind === 'document' ? p.document.id : p.proposal;
}

/** The date a proposal states, if any: an event's date, a new document's own date. */
export function proposalDate(p: Proposal): string {
  return p.kind === 'event' ? p.event.date : p.kind === 'document' ? (p.document.date ?? '') : '';
}

const KIND_ORDER: Record<Proposal['kind'], number> = { document: 0, event: 1, link: 2 };

export function reviewOrder<T extends { proposal: Proposal }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      a.proposal.confidence - b.proposal.confidence ||
      proposalSubject(a.proposal).localeCompare(proposalSubject(b.proposal)) ||
      KIND_ORDER[a.proposal.kind] - KIND_ORDER[b.proposal.kind] ||
      proposalDate(a.proposal).localeCompare(proposalDate(b.proposal)),
  );
}
