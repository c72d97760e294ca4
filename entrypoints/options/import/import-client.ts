/**
 * Talks to the import engine: in a Web Worker when one starts, otherwise on the page in slices
 * (with a pause between slices so the page keeps answering).
 *
 * Cancel (the request's signal): a worker deep in parsing or checking a large file cannot hear a
 * message until it is done, so the client ends that worker and starts a fresh one; nothing it was
 * doing had written anything. An apply is never ended that way: the engine aborts its transaction
 * and answers whether that worked (import-engine.ts).
 */
import { EurefsDb } from '../../../storage/dataset/db';
import { EngineEventSchema, postToEngine } from '../../../messaging/import-worker';
import { ImportEngine, type EngineEvent, type EngineRequest } from './import-engine';
import ImportWorker from './import.worker.ts?worker';
import { startWorker } from '../start-worker';

type Progress = Extract<EngineEvent, { type: 'progress' }>;
type Pending = { resolve: (event: EngineEvent) => void; onProgress?: (event: Progress) => void };
type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface RequestOptions {
  onProgress?: (event: Progress) => void;
  transfer?: Transferable[];
  /** the reader's Cancel: the request then answers 'cancelled' (or 'applied', when too late) */
  signal?: AbortSignal;
}

export class ImportClient {
  private worker: Worker | null = null;
  private local: ImportEngine | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** 'worker' or 'page': where the work runs (shown in the page, for the record) */
  runsIn: 'worker' | 'page' = 'worker';

  constructor(private readonly db: EurefsDb) {
    this.startWorker();
  }

  private startWorker() {
    this.worker = startWorker(ImportWorker, 'eurefs-import', (data) => this.receiveFromWorker(data), () => this.fallBack());
  }

  private fallBack() {
    this.worker?.terminate();
    this.worker = null;
    this.runsIn = 'page';
    this.local = new ImportEngine(this.db, (event) => this.receive(event), {
      ...(navigator.storage?.estimate ? { estimate: () => navigator.storage.estimate() } : {}),
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    });
    for (const [id] of this.pending) this.receive({ type: 'failed', id, message: 'The import worker stopped; try again.' });
  }

  private receiveFromWorker(data: unknown) {
    const event = EngineEventSchema.safeParse(data);
    if (event.success) {
      this.receive(event.data);
      return;
    }
    const id = (data as { id?: unknown } | null)?.id;
    console.warn('Eurefs: an answer from the import worker that this page does not read', event.error.message);
    if (typeof id === 'number') this.receive({ type: 'failed', id, message: `The import worker answered something this page cannot read: ${event.error.message}` });
  }

  private receive(event: EngineEvent) {
    const pending = this.pending.get(event.id);
    if (!pending) return;
    if (event.type === 'progress') {
      pending.onProgress?.(event);
      return;
    }
    this.pending.delete(event.id);
    pending.resolve(event);
  }

  private post(message: EngineRequest, transfer: Transferable[] = []) {
    if (this.worker) postToEngine(this.worker, message, transfer);
    else void this.local!.handle(message);
  }

  request(request: Request, { onProgress, transfer = [], signal }: RequestOptions = {}): Promise<EngineEvent> {
    const id = this.next++;
    const message = { ...request, id } as EngineRequest;
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve({ type: 'cancelled', id });
        return;
      }
      const onAbort = () => this.cancel(id, request.type);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (event) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(event);
        },
        ...(onProgress ? { onProgress } : {}),
      });
      this.post(message, transfer);
    });
  }

  private cancel(id: number, type: Request['type']) {
    if (!this.pending.has(id)) return;
    if (this.worker && type !== 'apply') {
      this.restartWorker();
      return;
    }
    this.post({ type: 'cancel', id: this.next++ });
  }

  /** Ends the worker, whatever it is doing, and starts a fresh one; what it was asked answers 'cancelled'. */
  private restartWorker() {
    this.worker?.terminate();
    this.worker = null;
    for (const id of [...this.pending.keys()]) this.receive({ type: 'cancelled', id });
    this.startWorker();
  }

  dispose() {
    this.worker?.terminate();
  }
}
