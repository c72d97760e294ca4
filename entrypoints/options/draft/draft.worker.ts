/**
 * The drafting worker: reading and drafting reports off the page's main thread. It opens the
 * dataset's database itself, as the import worker does, to read the base the draft starts from.
 */
import { EurefsDb } from '../../../storage/dataset/db';
import { exportEffective } from '../../../storage/dataset/layers';
import { DraftRequestSchema, postDraftAnswer, type DraftScope } from '../../../messaging/draft-worker';
import { DraftEngine } from './draft-engine';
import { listenForRequests } from '../../../messaging/worker-requests';

const scope = self as unknown as DraftScope;
const db = new EurefsDb();
const engine = new DraftEngine(() => exportEffective(db), (answer) => postDraftAnswer(scope, answer));

listenForRequests(
  scope,
  DraftRequestSchema,
  (request) => void engine.handle(request),
  (id, message) => postDraftAnswer(scope, { type: 'failed', id, message }),
);
