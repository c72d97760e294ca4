/**
 * The import engine of the options page: prepare (parse + validate), preview, apply. Runs in a
 * Web Worker (import.worker.ts) so that a 100,000-document file never freezes the page, or, where
 * a worker can't start, on the page itself in slices. Holds the validated dataset between the
 * preview and the apply, so it crosses the worker boundary once, as bytes.
 */
import type { Dataset } from '../../storage/dataset-schema';
import type { EurefsDb, ImportEntry, ImportMode, ImportSource } from '../../storage/db';
import { previewImport, type ImportPreview } from '../../storage/import/diff';
import { fetchDatasetFile } from '../../storage/import/fetch';
import { applyImport, isQuotaError, readEffective, type EffectiveSnapshot } from '../../storage/import/layers';
import { prepareImport, type Phase } from '../../storage/import/pipeline';
import type { ImportProblem } from '../../storage/import/problems';
import { quotaProblem } from '../../storage/import/quota';

export type EngineRequest =
  | { type: 'prepare'; id: number; bytes: ArrayBuffer; name: string; contentType: string; source: ImportSource; mode: ImportMode }
  | { type: 'fetch'; id: number; url: string; mode: ImportMode }
  | { type: 'preview'; id: number; mode: ImportMode }
  | { type: 'apply'; id: number; mode: ImportMode }
  | { type: 'discard'; id: number };

export interface PreparedSummary {
  name: string;
  source: ImportSource;
  format: 'json' | 'csv' | null;
  hash: string;
  bytes: number;
  version: string | null;
  documents: number;
  reports: number;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  errorCount: number;
  warningCount: number;
  timings: Record<string, number>;
}

export type EngineEvent =
  | { type: 'progress'; id: number; phase: Phase; share: number }
  | { type: 'prepared'; id: number; summary: PreparedSummary; preview: ImportPreview | null }
  | { type: 'preview'; id: number; preview: ImportPreview }
  | { type: 'applied'; id: number; entry: ImportEntry; ms: number }
  | { type: 'failed'; id: number; message: string; conflict?: boolean }
  | { type: 'done'; id: number };

export interface EngineEnvironment {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  fetchFn?: typeof fetch;
  pause?: () => Promise<void>;
}

interface Held {
  dataset: Dataset;
  summary: PreparedSummary;
  snapshot: EffectiveSnapshot | null;
}

export class ImportEngine {
  private held: Held | null = null;
  private busy = false;

  constructor(
    private readonly db: EurefsDb,
    private readonly emit: (event: EngineEvent) => void,
    private readonly env: EngineEnvironment = {},
  ) {}

  async handle(request: EngineRequest): Promise<void> {
    const { id } = request;
    if (request.type === 'discard') {
      this.held = null;
      this.emit({ type: 'done', id });
      return;
    }
    if (this.busy) {
      this.emit({ type: 'failed', id, message: 'An import is already running on this page: wait for it to finish.' });
      return;
    }
    this.busy = true;
    try {
      switch (request.type) {
        case 'prepare':
          await this.prepare(id, new Uint8Array(request.bytes), request.name, request.contentType, request.source, request.mode);
          break;
        case 'fetch': {
          this.emit({ type: 'progress', id, phase: 'reading', share: 0 });
          const file = await fetchDatasetFile(request.url, this.env.fetchFn ?? fetch);
          await this.prepare(id, file.bytes, file.name, file.contentType, { kind: 'address', name: file.name, url: file.url }, request.mode);
          break;
        }
        case 'preview':
          await this.preview(id, request.mode, false);
          break;
        case 'apply':
          await this.apply(id, request.mode);
          break;
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.emit({ type: 'failed', id, message, ...(error instanceof Error && error.name === 'ImportConflictError' ? { conflict: true } : {}) });
    } finally {
      this.busy = false;
    }
  }

  private async prepare(id: number, bytes: Uint8Array, name: string, contentType: string, source: ImportSource, mode: ImportMode) {
    this.held = null;
    const snapshot = await readEffective(this.db);
    const prepared = await prepareImport(bytes, {
      name,
      contentType,
      knownReports: new Set(snapshot.reports.keys()),
      onProgress: (phase, share) => this.emit({ type: 'progress', id, phase, share }),
      ...(this.env.pause ? { pause: this.env.pause } : {}),
    });
    const summary: PreparedSummary = {
      name,
      source,
      format: prepared.format,
      hash: prepared.hash,
      bytes: prepared.bytes,
      version: prepared.dataset?.version ?? null,
      documents: prepared.dataset?.documents.length ?? 0,
      reports: prepared.dataset?.reports.length ?? 0,
      errors: prepared.errors,
      warnings: prepared.warnings,
      errorCount: prepared.errorCount,
      warningCount: prepared.warningCount,
      timings: prepared.timings,
    };
    if (!prepared.dataset) {
      this.emit({ type: 'prepared', id, summary, preview: null });
      return;
    }
    this.held = { dataset: prepared.dataset, summary, snapshot };
    const t = now();
    const preview = await this.computePreview(id, mode, snapshot);
    summary.timings.preview = now() - t;
    this.emit({ type: 'prepared', id, summary, preview });
  }

  private async computePreview(id: number, mode: ImportMode, snapshot: EffectiveSnapshot): Promise<ImportPreview> {
    const held = this.held!;
    return previewImport(snapshot, held.dataset, mode, {
      onProgress: (done, total) => this.emit({ type: 'progress', id, phase: 'comparing', share: total ? done / total : 1 }),
      ...(this.env.pause ? { pause: this.env.pause } : {}),
    });
  }

  private async preview(id: number, mode: ImportMode, _fresh: boolean) {
    if (!this.held) throw new Error('Choose a file first.');
    // A preview is of the data as it is now: read it again if someone changed it meanwhile.
    const snapshot = await readEffective(this.db);
    this.held.snapshot = snapshot;
    this.emit({ type: 'preview', id, preview: await this.computePreview(id, mode, snapshot) });
  }

  private async apply(id: number, mode: ImportMode) {
    const held = this.held;
    if (!held?.snapshot) throw new Error('Nothing to apply: choose a file and look at its preview first.');
    const estimate = await this.env.estimate?.().catch(() => undefined);
    const tooBig = quotaProblem(estimate, held.summary.bytes);
    if (tooBig) throw new Error(tooBig);
    this.emit({ type: 'progress', id, phase: 'applying', share: 0 });
    const t = now();
    try {
      const entry = await applyImport(this.db, held.dataset, {
        mode,
        expectedRevision: held.snapshot.revision,
        source: held.summary.source,
        format: held.summary.format ?? 'json',
        hash: held.summary.hash,
        bytes: held.summary.bytes,
      });
      this.held = null;
      this.emit({ type: 'applied', id, entry, ms: now() - t });
    } catch (error) {
      if (isQuotaError(error)) {
        throw new Error('The browser ran out of storage space for this dataset. Nothing was changed. Free some disk space, or import a smaller file.');
      }
      throw error;
    }
  }
}

function now(): number {
  return globalThis.performance ? performance.now() : Date.now();
}
