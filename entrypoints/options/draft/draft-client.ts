/**
 * Talks to the drafting engine: in a Web Worker when one starts, otherwise on the page (the
 * draft then holds the page for as long as it takes, which the section says).
 */
import type { EurefsDb } from '../../../storage/dataset/db';
import { exportEffective } from '../../../storage/dataset/layers';
import { DraftAnswerSchema, postToDrafter, type DraftAnswer, type DraftRequest } from '../../../messaging/draft-worker';
import { DraftEngine } from './draft-engine';
import DraftWorker from './draft.worker.ts?worker';
import { startWorker } from '../start-worker';
import { DRAFT_STRINGS } from './strings';

type Request = DraftRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class DraftClient {
  private worker: Worker | null = null;
  private local: DraftEngine | null = null;
  private next = 1;
  private readonly pending = new Map<number, (answer: DraftAnswer) => void>();
  runsIn: 'worker' | 'page' = 'worker';

  constructor(private readonly db: EurefsDb) {
    this.worker = startWorker(DraftWorker, 'eurefs-draft', (data) => this.fromWorker(data), () => this.fallBack());
  }

  private fallBack() {
    this.worker?.terminate();
    this.worker = null;
    this.runsIn = 'page';
    this.local = new DraftEngine(() => exportEffective(this.db), (answer) => this.receive(answer));
    for (const id of [...this.pending.keys()]) this.receive({ type: 'failed', id, message: DRAFT_STRINGS.workerStopped });
  }

  private fromWorker(data: unknown) {
    const answer = DraftAnswerSchema.safeParse(data);
    if (answer.success) this.receive(answer.data);
    else {
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'number') this.receive({ type: 'failed', id, message: answer.error.message });
    }
  }

  private receive(answer: DraftAnswer) {
    const resolve = this.pending.get(answer.id);
    if (!resolve) return;
    this.pending.delete(answer.id);
    resolve(answer);
  }

  request(request: Request): Promise<DraftAnswer> {
    const id = this.next++;
    const message = { ...request, id } as DraftRequest;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.worker) postToDrafter(this.worker, message);
      else void this.local!.handle(message);
    });
  }

  dispose() {
    this.worker?.terminate();
  }
}
