/**
 * The import worker: parsing, validation, preview and the apply transaction, off the page's main
 * thread. It opens the dataset's database itself, as the options page does (storage/dataset/db.ts
 * says who opens it, and why not the background).
 */
import { EurefsDb } from '../../../storage/dataset/db';
import { EngineRequestSchema, postToPage, type EngineScope } from '../../../messaging/import-worker';
import { ImportEngine } from './import-engine';

const scope = self as unknown as EngineScope & {
  navigator: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } };
};

const engine = new ImportEngine(new EurefsDb(), (event) => postToPage(scope, event), {
  ...(scope.navigator.storage?.estimate ? { estimate: () => scope.navigator.storage!.estimate!() } : {}),
  fetchFn: (input, init) => fetch(input, init),
});

scope.onmessage = (event) => {
  const request = EngineRequestSchema.safeParse(event.data);
  if (request.success) {
    void engine.handle(request.data);
    return;
  }
  // Answered all the same, so that the page does not wait for it.
  const id = (event.data as { id?: unknown } | null)?.id;
  if (typeof id === 'number') postToPage(scope, { type: 'failed', id, message: `The import worker could not read the request: ${request.error.message}` });
};
