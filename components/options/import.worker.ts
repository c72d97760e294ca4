/** The import worker: parsing, validation, preview and the apply transaction, off the page's main thread. */
import { EurefsDb } from '../../storage/db';
import { ImportEngine, type EngineEvent, type EngineRequest } from './import-engine';

const scope = self as unknown as {
  postMessage(message: EngineEvent): void;
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  navigator: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } };
};

const engine = new ImportEngine(new EurefsDb(), (event) => scope.postMessage(event), {
  ...(scope.navigator.storage?.estimate ? { estimate: () => scope.navigator.storage!.estimate!() } : {}),
  fetchFn: (input, init) => fetch(input, init),
});

scope.onmessage = (event) => {
  void engine.handle(event.data);
};
