/**
 * The drafting worker: reading and drafting reports off the page's main thread. It opens the
 * dataset's database itself, as the import worker does, to read the base the draft starts from.
 */
import { EurefsDb } from '../../../storage/dataset/db';
import { exportEffective } from '../../../storage/dataset/layers';
import { DraftRequestSchema, postDraftAnswer, type DraftScope } from '../../../messaging/draft-worker';
import { DraftEngine } from './draft-engine';

const scope = self as unknown as DraftScope;
const db = new EurefsDb();
const engine = new DraftEngine(() => exportEffective(db), (answer) => postDraftAnswer(scope, answer));

scope.onmessage = (event) => {
  const request = DraftRequestSchema.safeParse(event.data);
  if (request.success) {
    void engine.handle(request.data);
    return;
  }
  const id = (event.data as { id?: unknown } | null)?.id;
  if (typeof id === 'number') postDraftAnswer(scope, { type: 'failed', id, message: request.error.message });
};
