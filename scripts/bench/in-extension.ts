/**
 * Bundled by the benchmark (esbuild, IIFE) and evaluated in the extension's options page, so the
 * import is measured with the project's own code, in the extension's origin, in real Chromium:
 * the file's bytes read and validated a document at a time with the one zod schema
 * (`readDatasetFile`, what `ensureBundledDataset` does with the bytes the background fetches), and
 * the one read-write transaction of `loadBundledDataset` into a scratch database with the real schema.
 * Then the staff path on the same documents: the file prepared as the import worker prepares it
 * (`prepareImportLazily`), then `applyImport` (merge) over the real bundled dataset in a second
 * scratch database, as the options page applies a file, and its undo.
 */
import Dexie from 'dexie';
import { config } from 'zod';
import { EurefsDb } from '../../storage/dataset/db';
import { loadBundledDataset, parseDataset } from '../../storage/dataset/load-bundled';
import { readDatasetFile } from '../../storage/dataset/dataset-file';
import { prepareImportLazily } from '../../storage/import/pipeline';
import { lookupDocuments } from '../../storage/dataset/lookup';
import { applyImport, undoLastImport } from '../../storage/dataset/layers';
import type { Dataset, DatasetDocument } from '../../storage/dataset/schema';

// Extension pages forbid eval (MV3 CSP), so zod validates without its JIT there: say so rather
// than let it probe (the probe is what the options page pays too, once).
config({ jitless: true });

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * N documents shaped like the bundled ones (cloned, with fresh ids), as the bytes of a file (what
 * the import worker is handed, and what the background fetches): written a document at a time,
 * so that the file's whole text is never a string in the page's heap, which the benchmark's peak
 * would count.
 */
function datasetFile(base: Dataset, n: number): Uint8Array {
  const templates = base.documents.filter((d) => !d.becameAct && !d.fromProposal);
  const encoder = new TextEncoder();
  let out = new Uint8Array(1 << 20);
  let used = 0;
  const write = (text: string) => {
    while (out.length - used < text.length * 3) {
      const grown = new Uint8Array(out.length * 2);
      grown.set(out.subarray(0, used));
      out = grown;
    }
    used += encoder.encodeInto(text, out.subarray(used)).written;
  };
  const { documents: _documents, ...head } = { ...base, version: `bench-${n}` };
  write(`${JSON.stringify(head).slice(0, -1)},"documents":[`);
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length]!;
    const year = 1990 + (i % 35);
    const number = Math.floor(i / 35) + 1;
    const { celex: _celex, procedure: _procedure, ...rest } = t;
    const doc: DatasetDocument = { ...rest, id: `COM(${year}) ${number}`, type: 'com', amends: [], amendedBy: [], title: `${t.title} (${i})` };
    write(`${i ? ',' : ''}${JSON.stringify(doc)}`);
  }
  write(']}');
  return out.slice(0, used);
}

/** 1,000 ids, half of them among the generated documents. */
const lookupIds = () => Array.from({ length: 1000 }, (_, i) => (i % 2 ? `COM(${1990 + (i % 35)}) ${i + 1}` : `COM(2099) ${i}`));

async function importOnce(n: number) {
  const base = parseDataset(await (await fetch('/dataset.json')).json());
  const file = datasetFile(base, n);
  const name = `eurefs-bench-${n}-${Date.now()}`;
  await pause();
  // What ensureBundledDataset does with the bytes it is given (parseDatasetBytes), timed in parts.
  const t0 = performance.now();
  const read = readDatasetFile(file);
  const t2 = performance.now();
  if (!read.dataset) throw new Error(`the generated file did not read: ${JSON.stringify(read.issues.slice(0, 3))}`);
  const db = new EurefsDb(name);
  await loadBundledDataset(db, read.dataset);
  const t3 = performance.now();
  // A lookup of 1,000 ids (half tracked) against the database just filled, no messaging.
  const ids = lookupIds();
  const t4 = performance.now();
  const answer = await lookupDocuments(db, ids);
  const t5 = performance.now();
  // A page's worth: 50 ids.
  const t6 = performance.now();
  await lookupDocuments(db, ids.slice(100, 150));
  const t7 = performance.now();
  db.close();
  await Dexie.delete(name);
  return {
    documents: n,
    bytes: file.byteLength,
    ms: t3 - t0,
    parseMs: read.timings.layoutMs + read.timings.parseMs,
    validateMs: t2 - t0 - read.timings.layoutMs - read.timings.parseMs,
    writeMs: t3 - t2,
    lookup1000DirectMs: t5 - t4,
    lookup50DirectMs: t7 - t6,
    lookupFound: Object.values(answer.documents).filter(Boolean).length,
  };
}

/**
 * The staff path (what the options page does once a file is validated): the same N documents
 * applied with `applyImport` (merge) over the real bundled dataset, a lookup of 1,000 ids through
 * both layers, and the undo of the import.
 */
async function staffOnce(n: number) {
  const base = parseDataset(await (await fetch('/dataset.json')).json());
  const file = datasetFile(base, n);
  // As the import worker prepares a file (its documents stay in the bytes until they are written).
  const prepared = await prepareImportLazily(file, { name: 'bench.json', knownReports: new Set(base.reports.map((r) => r.id)) });
  const dataset = prepared.dataset;
  if (!dataset) throw new Error(`the generated file did not validate: ${JSON.stringify(prepared.errors.slice(0, 3))}`);
  const name = `eurefs-bench-staff-${n}-${Date.now()}`;
  const db = new EurefsDb(name);
  await loadBundledDataset(db, base);
  const ids = lookupIds();
  await pause();
  const t0 = performance.now();
  await applyImport(db, dataset, { mode: 'merge', source: { kind: 'file', name: 'bench.json' }, format: 'json', hash: 'bench', bytes: file.byteLength });
  const t1 = performance.now();
  const answer = await lookupDocuments(db, ids);
  const t2 = performance.now();
  await undoLastImport(db);
  const t3 = performance.now();
  db.close();
  await Dexie.delete(name);
  return {
    documents: n,
    applyMs: t1 - t0,
    lookup1000LayerMs: t2 - t1,
    undoMs: t3 - t2,
    found: Object.values(answer.documents).filter(Boolean).length,
  };
}

(globalThis as unknown as { eurefsBench: unknown }).eurefsBench = { importOnce, staffOnce };
