/**
 * Stages in the order a legislative file normally moves through them (docs/ARCHITECTURE.md, "Status").
 * A module of its own, free of any schema library, so the content script can name stages
 * without loading the dataset schema.
 */
export const STAGES = [
  'announced',
  'proposed',
  'in-negotiation',
  'provisional-agreement',
  'adopted',
  'published',
  'in-force',
  'applicable',
  'implementation',
  'withdrawn',
  'rejected',
] as const;
