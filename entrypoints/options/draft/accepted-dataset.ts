/**
 * The import file from a reviewed draft: the base it was drafted against plus the proposals the
 * reviewer accepted, applied by the drafter's own applyProposals, so that it is the same shape
 * `npm run draft` writes. The reports drafted are added whatever was accepted (the import
 * records where its facts come from).
 */
import { applyProposals, type Mentions, type Proposal } from '../../../drafter/draft';
import type { Dataset, Report } from '../../../storage/dataset/schema';

export interface DraftBasis {
  base: Dataset;
  reports: readonly Report[];
  mentions: Mentions;
}

export interface AcceptedDataset {
  dataset: Dataset;
  /** accepted events and links left out because a document they need is neither in the base nor accepted */
  skipped: string[];
}

export function acceptedDataset(basis: DraftBasis, accepted: readonly Proposal[]): AcceptedDataset {
  const present = new Set(basis.base.documents.map((d) => d.id));
  for (const p of accepted) if (p.kind === 'document') present.add(p.document.id);
  const skipped: string[] = [];
  for (const p of accepted) {
    if (p.kind === 'event' && !present.has(p.document)) skipped.push(`${p.document}: ${p.event.stage} ${p.event.date}`);
    if (p.kind === 'link' && !(present.has(p.proposal) && present.has(p.act))) skipped.push(`${p.proposal} → ${p.act}`);
  }
  return { dataset: applyProposals(basis.base, basis.reports, accepted, basis.mentions), skipped };
}
