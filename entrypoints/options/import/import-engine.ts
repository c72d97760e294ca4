/**
 * The import engine of the options page: prepare (parse + validate), preview, apply. Runs in a
 * Web Worker (import.worker.ts) so that a 100,000-document file never freezes the page, or, where
 * a worker can't start, on the page itself in slices. Holds the validated dataset between the
 * preview and the apply, so it crosses the worker boundary once, as bytes (and a JSON file's
 * documents stay in those bytes: storage/dataset/dataset-file.ts).
 *
 * Every request can be cancelled ('cancel'): between the steps of its work, and during the apply
 * by aborting its transaction. A worker busy parsing a large file hears nothing until the parse is
 * over, so the client ends that worker instead (import-client.ts); on the page, where the work
 * pauses between slices, the engine stops at the next pause.
 */
import type { Dataset } from '../../../storage/dataset/schema';
import type { FileDataset } from '../../../storage/dataset/dataset-file';
import type { EurefsDb, ImportMode, ImportSource } from '../../../storage/dataset/db';
import { previewImport, type ImportPreview } from '../../../storage/import/diff';
import { isCancelled, throwIfCancelled } from '../../../storage/import/abort';
import { fetchDatasetFile } from '../../../storage/import/fetch';
import { applyImport, isQuotaError, readEffective, type EffectiveSnapshot } from '../../../storage/dataset/layers';
import type { EngineEvent, EngineRequest, PreparedSummary } from '../../../messaging/import-worker';
import { prepareImportLazily } from '../../../storage/import/pipeline';
import { quotaProblem } from '../../../storage/import/quota';
import { phrase } from '../../../i18n/phrase';
import { errorWords, PhrasedError } from '../../../i18n/phrased-error';

export type { EngineEvent, EngineRequest, PreparedSummary } from '../../../messaging/import-worker';

export interface EngineEnvironment {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  fetchFn?: typeof fetch;
  /** how long an address may send nothing before the import gives up (fetch.ts's FETCH_TIMEOUT_MS by default) */
  fetchTimeoutMs?: number;
  pause?: () => Promise<void>;
}

interface Held {
  /** a JSON file's documents stay in its bytes until they are written */
  dataset: Dataset | FileDataset;
  summary: PreparedSummary;
  snapshot: EffectiveSnapshot | null;
}

export class ImportEngine {
  private held: Held | null = null;
  private busy = false;
  /** the request in progress: Cancel aborts it */
  private running: AbortController | null = null;

  constructor(
    private readonly db: EurefsDb,
    private readonly emit: (event: EngineEvent) => void,
    private readonly env: EngineEnvironment = {},
  ) {}

  async handle(request: EngineRequest): Promise<void> {
    const { id } = request;
    if (request.type === 'cancel') {
      this.running?.abort();
      this.emit({ type: 'done', id });
      return;
    }
    if (request.type === 'discard') {
      this.held = null;
      this.emit({ type: 'done', id });
      return;
    }
    if (this.busy) {
      this.emit({ type: 'failed', id, message: phrase('importBusy') });
      return;
    }
    this.busy = true;
    const run = new AbortController();
    this.running = run;
    const { signal } = run;
    try {
      switch (request.type) {
        case 'prepare':
          await this.prepare(id, new Uint8Array(request.bytes), request.name, request.contentType, request.source, request.mode, signal);
          break;
        case 'fetch': {
          this.emit({ type: 'progress', id, phase: 'reading', share: 0, received: 0 });
          const file = await fetchDatasetFile(request.url, this.env.fetchFn ?? fetch, {
            signal,
            ...(this.env.fetchTimeoutMs !== undefined ? { timeoutMs: this.env.fetchTimeoutMs } : {}),
            onProgress: (received, total) => this.emit({ type: 'progress', id, phase: 'reading', share: total ? Math.min(1, received / total) : 0, received }),
          });
          await this.prepare(id, file.bytes, file.name, file.contentType, { kind: 'address', name: file.name, url: file.url }, request.mode, signal);
          break;
        }
        case 'preview':
          await this.preview(id, request.mode, signal);
          break;
        case 'apply':
          await this.apply(id, request.mode, signal);
          break;
      }
    } catch (error) {
      if (signal.aborted || isCancelled(error)) {
        // Cancel leaves the import altogether: what was checked is dropped with it.
        this.held = null;
        this.emit({ type: 'cancelled', id });
        return;
      }
      this.emit({ type: 'failed', id, message: errorWords(error), ...(error instanceof Error && error.name === 'ImportConflictError' ? { conflict: true } : {}) });
    } finally {
      this.busy = false;
      if (this.running === run) this.running = null;
    }
  }

  /** The environment's pause between slices, after which a cancelled request stops. */
  private pauseFor(signal: AbortSignal): { pause?: () => Promise<void> } {
    const pause = this.env.pause;
    if (!pause) return {};
    return {
      pause: async () => {
        await pause();
        throwIfCancelled(signal);
      },
    };
  }

  private async prepare(id: number, bytes: Uint8Array, name: string, contentType: string, source: ImportSource, mode: ImportMode, signal: AbortSignal) {
    this.held = null;
    const snapshot = await readEffective(this.db);
    throwIfCancelled(signal);
    const prepared = await prepareImportLazily(bytes, {
      name,
      contentType,
      knownReports: new Set(snapshot.reports.keys()),
      onProgress: (phase, share) => this.emit({ type: 'progress', id, phase, share }),
      ...this.pauseFor(signal),
    });
    throwIfCancelled(signal);
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
    const preview = await this.computePreview(id, mode, snapshot, signal);
    summary.timings.preview = now() - t;
    this.emit({ type: 'prepared', id, summary, preview });
  }

  private async computePreview(id: number, mode: ImportMode, snapshot: EffectiveSnapshot, signal: AbortSignal): Promise<ImportPreview> {
    const held = this.held!;
    const preview = await previewImport(snapshot, held.dataset, mode, {
      onProgress: (done, total) => this.emit({ type: 'progress', id, phase: 'comparing', share: total ? done / total : 1 }),
      ...this.pauseFor(signal),
    });
    throwIfCancelled(signal);
    return preview;
  }

  private async preview(id: number, mode: ImportMode, signal: AbortSignal) {
    if (!this.held) throw new PhrasedError(phrase('importNoFile'));
    // A preview is of the data as it is now: read it again if someone changed it meanwhile.
    const snapshot = await readEffective(this.db);
    throwIfCancelled(signal);
    this.held.snapshot = snapshot;
    this.emit({ type: 'preview', id, preview: await this.computePreview(id, mode, snapshot, signal) });
  }

  private async apply(id: number, mode: ImportMode, signal: AbortSignal) {
    const held = this.held;
    if (!held?.snapshot) throw new PhrasedError(phrase('importNothingToApply'));
    const estimate = await this.env.estimate?.().catch(() => undefined);
    throwIfCancelled(signal);
    const tooBig = quotaProblem(estimate, held.summary.bytes);
    if (tooBig) throw new PhrasedError(tooBig);
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
        signal,
      });
      this.held = null;
      // The transaction committed although Cancel was asked for: the import is in, and we say so.
      this.emit({ type: 'applied', id, entry, ms: now() - t, ...(signal.aborted ? { tooLateToCancel: true } : {}) });
    } catch (error) {
      if (isQuotaError(error)) {
        throw new PhrasedError(phrase('importRanOutOfRoom'));
      }
      throw error;
    }
  }
}

function now(): number {
  return globalThis.performance ? performance.now() : Date.now();
}
