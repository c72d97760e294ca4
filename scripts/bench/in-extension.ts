/**
 * Bundled by the benchmark (esbuild, IIFE) and evaluated in the extension's options page, so the
 * import is measured with the project's own code, in the extension's origin, in real Chromium:
 * JSON.parse of the dataset text, validation with the one zod schema (`parseDataset`), and the
 * one read-write transaction of `loadBundledDataset` into a scratch database with the real schema.
 */
import Dexie from 'dexie';
import { config } from 'zod';
import { EurefsDb } from '../../storage/db';
import { loadBundledDataset, parseDataset } from '../../storage/load-dataset';
import { lookupDocuments } from '../../storage/lookup';
import type { Dataset, DatasetDocument } from '../../storage/dataset-schema';

// Extension pages forbid eval (MV3 CSP), so zod validates without its JIT there: say so rather
// than let it probe (the probe is what the options page pays too, once).
config({ jitless: true });

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** N documents shaped like the bundled ones (cloned, with fresh ids), as the text of a file. */
function datasetText(base: Dataset, n: number): string {
  const templates = base.documents.filter((d) => !d.becameAct && !d.fromProposal);
  const documents: DatasetDocument[] = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length]!;
    const year = 1990 + (i % 35);
    const number = Math.floor(i / 35) + 1;
    const { celex: _celex, procedure: _procedure, ...rest } = t;
    documents.push({ ...rest, id: `COM(${year}) ${number}`, type: 'com', amends: [], amendedBy: [], title: `${t.title} (${i})` });
  }
  return JSON.stringify({ ...base, version: `bench-${n}`, documents });
}

async function importOnce(n: number) {
  const base = parseDataset(await (await fetch('/dataset.json')).json());
  const text = datasetText(base, n);
  const name = `eurefs-bench-${n}-${Date.now()}`;
  await pause();
  const t0 = performance.now();
  const raw: unknown = JSON.parse(text);
  const t1 = performance.now();
  const dataset = parseDataset(raw);
  const t2 = performance.now();
  const db = new EurefsDb(name);
  await loadBundledDataset(db, dataset);
  const t3 = performance.now();
  // A lookup of 1,000 ids (half tracked) against the database just filled, no messaging.
  const ids = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `COM(${1990 + (i % 35)}) ${i + 1}` : `COM(2099) ${i}`));
  const t4 = performance.now();
  const answer = await lookupDocuments(db, ids);
  const t5 = performance.now();
  db.close();
  await Dexie.delete(name);
  return {
    documents: n,
    bytes: text.length,
    ms: t3 - t0,
    parseMs: t1 - t0,
    validateMs: t2 - t1,
    writeMs: t3 - t2,
    lookup1000DirectMs: t5 - t4,
    lookupFound: Object.values(answer.documents).filter(Boolean).length,
  };
}

(globalThis as unknown as { eurefsBench: unknown }).eurefsBench = { importOnce };
