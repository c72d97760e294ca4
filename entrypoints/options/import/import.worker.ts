/**
 * The import worker: parsing, validation, preview and the apply transaction, off the page's main
 * thread. It opens the dataset's database itself, as the options page does (storage/dataset/db.ts
 * says who opens it, and why not the background).
 */
import { EurefsDb } from '../../../storage/dataset/db';
import { EngineRequestSchema, postToPage, type EngineScope } from '../../../messaging/import-worker';
import { ImportEngine } from './import-engine';
import { listenForRequests } from '../../../messaging/worker-requests';

const scope = self as unknown as EngineScope & {
  navigator: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } };
};

const engine = new ImportEngine(new EurefsDb(), (event) => postToPage(scope, event), {
  ...(scope.navigator.storage?.estimate ? { estimate: () => scope.navigator.storage!.estimate!() } : {}),
  fetchFn: (input, init) => fetch(input, init),
});

// Answered all the same when it does not parse, so that the page does not wait for it.
listenForRequests(
  scope,
  EngineRequestSchema,
  (request) => void engine.handle(request),
  (id, message) => postToPage(scope, { type: 'failed', id, message: `The import worker could not read the request: ${message}` }),
);
