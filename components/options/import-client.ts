/**
 * Talks to the import engine: in a Web Worker when one starts, otherwise on the page in slices
 * (with a pause between slices so the page keeps answering).
 */
import { EurefsDb } from '../../storage/db';
import { ImportEngine, type EngineEvent, type EngineRequest } from './import-engine';
import ImportWorker from './import.worker.ts?worker';

type Pending = { resolve: (event: EngineEvent) => void; onProgress?: (event: Extract<EngineEvent, { type: 'progress' }>) => void };
type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class ImportClient {
  private worker: Worker | null = null;
  private local: ImportEngine | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** 'worker' or 'page': where the work runs (shown in the page, for the record) */
  runsIn: 'worker' | 'page' = 'worker';

  constructor(private readonly db: EurefsDb) {
    try {
      this.worker = new ImportWorker({ name: 'eurefs-import' });
      this.worker.onmessage = (event: MessageEvent<EngineEvent>) => this.receive(event.data);
      this.worker.onerror = (event) => {
        console.warn('Eurefs: the import worker failed; importing on the page instead', event.message);
        this.fallBack();
      };
    } catch (error) {
      console.warn('Eurefs: no import worker; importing on the page instead', error);
      this.fallBack();
    }
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

  request(request: Request, onProgress?: Pending['onProgress'], transfer: Transferable[] = []): Promise<EngineEvent> {
    const id = this.next++;
    const message = { ...request, id } as EngineRequest;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, ...(onProgress ? { onProgress } : {}) });
      if (this.worker) this.worker.postMessage(message, transfer);
      else void this.local!.handle(message);
    });
  }

  dispose() {
    this.worker?.terminate();
  }
}
