/**
 * Starts one of the options page's module workers (the import engine's, the drafter's), wired to
 * hand what it says to `onData`; when the browser will not start it, or it fails later, `fallBack`
 * moves the work onto the page. Null when it did not start.
 */
export type WorkerConstructor = new (options?: { name?: string }) => Worker;

export function startWorker(Construct: WorkerConstructor, name: string, onData: (data: unknown) => void, fallBack: () => void): Worker | null {
  try {
    const worker = new Construct({ name });
    worker.onmessage = (event: MessageEvent<unknown>) => onData(event.data);
    worker.onerror = (event) => {
      console.warn(`Eurefs: the ${name} worker failed; working on the page instead`, event.message);
      fallBack();
    };
    return worker;
  } catch (error) {
    console.warn(`Eurefs: no ${name} worker; working on the page instead`, error);
    fallBack();
    return null;
  }
}
