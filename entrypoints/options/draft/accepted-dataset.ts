/**
 * The import file from a reviewed draft: the base it was drafted against plus the proposals the
 * reviewer accepted, applied by the drafter's own applyProposals, so that it is the same shape
 * `npm run draft` writes. The reports drafted are added whatever was accepted (the import
 * records where its facts come from).
 */
import { applyProposals, type Mentions, type Proposal } from '../../../drafter/draft';
import type { Dataset, Report, Stage } from '../../../storage/dataset/schema';
import type { Translator } from '../../../i18n/translate';
import { stageWords } from '../../../components/labels';

export interface DraftBasis {
  base: Dataset;
  reports: readonly Report[];
  mentions: Mentions;
}

export interface AcceptedDataset {
  dataset: Dataset;
  /** accepted events and links left out because a document they need is neither in the base nor accepted */
  skipped: SkippedProposal[];
}

/** An accepted proposal left out: facts, worded where they are shown (skippedWords). */
export type SkippedProposal =
  | { kind: 'event'; document: string; stage: Stage; date: string }
  | { kind: 'link'; proposal: string; act: string };

export function acceptedDataset(basis: DraftBasis, accepted: readonly Proposal[]): AcceptedDataset {
  const present = new Set(basis.base.documents.map((d) => d.id));
  for (const p of accepted) if (p.kind === 'document') present.add(p.document.id);
  const skipped: SkippedProposal[] = [];
  for (const p of accepted) {
    if (p.kind === 'event' && !present.has(p.document)) skipped.push({ kind: 'event', document: p.document, stage: p.event.stage, date: p.event.date });
    if (p.kind === 'link' && !(present.has(p.proposal) && present.has(p.act))) skipped.push({ kind: 'link', proposal: p.proposal, act: p.act });
  }
  return { dataset: applyProposals(basis.base, basis.reports, accepted, basis.mentions), skipped };
}

/** A left-out proposal in the reader's words: its stage as EUR-Lex names it, its date as the language writes dates. */
export function skippedWords(words: Translator, item: SkippedProposal): string {
  return item.kind === 'event'
    ? words.t('draftSkippedEvent', item.document, stageWords(words, item.stage), words.date(item.date))
    : words.t('draftSkippedLink', item.proposal, item.act);
}
