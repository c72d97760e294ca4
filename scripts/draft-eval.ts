/**
 * npx tsx scripts/draft-eval.ts [--truth DATASET.json] [--verbose]
 * How close the drafter comes to the curated dataset (seeds/dataset.json, its events read as the
 * truth): from scratch on the five reports, and with the 18th report held out (drafted against
 * the dataset built from the other four). Prints the figures docs/drafter.md quotes.
 *
 * The reports' own numbers and dates are given from the curated reports where a report's text
 * does not print them: that is the report's identity, not a fact the drafter is measured on.
 */
import { readFileSync } from 'node:fs';
import { readReports as readSeedReports } from './build-seeds';
import { join } from 'node:path';
import { findQuote } from '../evidence/find-quote';
import { draftUpdate, type Draft, type ProposedEvent } from '../drafter/draft';
import { DatasetSchema, type Dataset } from '../storage/dataset/schema';
import { deriveStatus } from '../storage/dataset/status';
import { PROJECT_DIR, REPORTS_DIR } from './shared-dir';

export interface Figures {
  curatedEvents: number;
  proposedEvents: number;
  matched: number;
  extra: number;
  statusesAgree: number;
  documents: number;
  quotesFound: number;
}

const key = (doc: string, stage: string, date: string) => `${doc}\u0000${stage}\u0000${date}`;

/** Compares a draft's events (those from `reports` only) with the truth's events from the same reports. */
export function compare(draft: Draft, truth: Dataset, reports: ReadonlySet<string>): Figures & { missed: string[]; extras: ProposedEvent[]; disagreements: string[] } {
  const curated = new Set<string>();
  for (const doc of truth.documents) for (const e of doc.events) if (reports.has(e.source.report)) curated.add(key(doc.id, e.stage, e.date));
  const proposed = draft.proposals.filter((p): p is ProposedEvent => p.kind === 'event' && reports.has(p.event.source.report));
  const proposedKeys = new Set(proposed.map((p) => key(p.document, p.event.stage, p.event.date)));
  const matched = [...curated].filter((k) => proposedKeys.has(k)).length;
  const extras = proposed.filter((p) => !curated.has(key(p.document, p.event.stage, p.event.date)));
  const texts = new Map(draft.reports.map((r) => [r.report.id, r.text]));
  const quotesFound = proposed.filter((p) => {
    const text = texts.get(p.event.source.report);
    return text !== undefined && p.event.source.quote !== undefined && findQuote(text, p.event.source.quote) !== null;
  }).length;
  const drafted = new Map(draft.dataset.documents.map((d) => [d.id, d]));
  let agree = 0;
  const disagreements: string[] = [];
  for (const doc of truth.documents) {
    const want = deriveStatus(doc, truth.reports);
    const mine = drafted.get(doc.id);
    const got = mine ? deriveStatus(mine, draft.dataset.reports) : { stage: null };
    if (want.stage === got.stage) agree++;
    else disagreements.push(`${doc.id} (${doc.kind}): curated ${want.stage ?? 'none'} ${want.since ?? ''}, drafted ${got.stage ?? 'none'} ${got.since ?? ''}`);
  }
  return {
    curatedEvents: curated.size,
    proposedEvents: proposed.length,
    matched,
    extra: extras.length,
    statusesAgree: agree,
    documents: truth.documents.length,
    quotesFound,
    missed: [...curated].filter((k) => !proposedKeys.has(k)),
    disagreements,
    extras,
  };
}

/** The five reports as the drafter takes them. */
export function readReports(): { name: string; raw: string }[] {
  return readSeedReports(REPORTS_DIR).map((r) => ({ name: r.name, raw: r.text }));
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

function print(title: string, f: Figures): void {
  console.log(`\n${title}`);
  console.log(`  curated events: ${f.curatedEvents}; proposed: ${f.proposedEvents}`);
  console.log(`  curated events proposed (same document, stage, date): ${f.matched} (${pct(f.matched, f.curatedEvents)})`);
  console.log(`  proposed events the curated dataset lacks: ${f.extra}`);
  console.log(`  statuses agreeing with the curated ones: ${f.statusesAgree} of ${f.documents} documents (${pct(f.statusesAgree, f.documents)})`);
  console.log(`  proposed events whose quote findQuote finds in the report: ${f.quotesFound} of ${f.proposedEvents}`);
}

function main(argv: string[]): void {
  const at = argv.indexOf('--truth');
  const truthFile = at >= 0 && argv[at + 1] ? argv[at + 1]! : join(PROJECT_DIR, 'seeds', 'dataset.json');
  const truth = DatasetSchema.parse(JSON.parse(readFileSync(truthFile, 'utf8')));
  console.log(`truth: ${truthFile} (${truth.documents.length} documents, ${truth.documents.reduce((n, d) => n + d.events.length, 0)} events)`);
  const given = new Map(truth.reports.map((r) => [r.ordinal, { id: r.id, date: r.date }]));
  const reports = readReports();
  const verbose = argv.includes('--verbose');

  const scratch = draftUpdate(reports, null, { given });
  const all = compare(scratch, truth, new Set(truth.reports.map((r) => r.id)));
  print('From scratch, five reports in date order (no base, no curated.json):', all);

  const eighteenth = truth.reports.find((r) => r.ordinal === 18)!;
  const others = draftUpdate(
    reports.filter((r) => !/This is the eighteenth/.test(r.raw.slice(0, 3000))),
    null,
    { given },
  );
  const held = draftUpdate(reports.filter((r) => /This is the eighteenth/.test(r.raw.slice(0, 3000))), others.dataset, { given });
  const heldFigures4 = compare(held, truth, new Set([eighteenth.id]));
  print(`Hold-out: the 18th report (${eighteenth.id}) drafted with the other four's draft as base:`, heldFigures4);

  // the same hold-out on the curated dataset without the 18th report's facts: titles, aliases and kinds a staff base has
  const curatedBase: Dataset = {
    ...truth,
    reports: truth.reports.filter((r) => r.id !== eighteenth.id),
    documents: truth.documents.map((d) => ({
      ...d,
      events: d.events.filter((e) => e.source.report !== eighteenth.id),
      mentions: d.mentions.filter((m) => m.report !== eighteenth.id),
    })),
  };
  const heldCurated = draftUpdate(reports.filter((r) => /This is the eighteenth/.test(r.raw.slice(0, 3000))), curatedBase, { given });
  const heldFigures = compare(heldCurated, truth, new Set([eighteenth.id]));
  print(`Hold-out: the 18th report drafted with the curated dataset minus the 18th report's events as base:`, heldFigures);
  const before = compare({ ...heldCurated, dataset: { ...curatedBase, reports: truth.reports }, proposals: [] }, truth, new Set([eighteenth.id]));
  console.log(`  (that base alone, before drafting the 18th: ${before.statusesAgree} of ${before.documents} statuses agree)`);

  if (verbose) {
    console.log("\nhold-out (the other four's draft as base) extra:");
    for (const e of heldFigures4.extras) console.log(`  ${e.document} | ${e.event.stage} | ${e.event.date} | ${e.confidence} | ${e.evidence.quote.slice(0, 200)}`);
    console.log('\nhold-out (curated base) extra:');
    for (const e of heldFigures.extras) console.log(`  ${e.document} | ${e.event.stage} | ${e.event.date} | ${e.confidence} | ${e.evidence.quote.slice(0, 200)}`);
    console.log('\nmissed:');
    for (const m of all.missed) console.log('  ' + m.split('\u0000').join(' | '));
    console.log('\nstatuses that differ:');
    for (const d of all.disagreements) console.log(`  ${d}`);
    console.log('\nextra:');
    for (const e of all.extras) console.log(`  ${e.document} | ${e.event.stage} | ${e.event.date} | ${e.confidence} | ${e.evidence.quote.slice(0, 160)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
