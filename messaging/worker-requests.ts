/**
 * A worker's side of a request channel: every request is parsed on arrival; one that does not
 * parse is still answered (through `refuse`, with the parse error), so that the page does not wait
 * for it. The import and drafting workers both listen this way.
 */
import type { z } from 'zod';

export interface ListeningScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

export function listenForRequests<R>(scope: ListeningScope, schema: z.ZodType<R>, handle: (request: R) => void, refuse: (id: number, message: string) => void): void {
  scope.onmessage = (event) => {
    const request = schema.safeParse(event.data);
    if (request.success) {
      handle(request.data);
      return;
    }
    const id = (event.data as { id?: unknown } | null)?.id;
    if (typeof id === 'number') refuse(id, request.error.message);
  };
}
