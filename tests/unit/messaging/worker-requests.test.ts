import { expect, it } from 'vitest';
import { z } from 'zod';
import { listenForRequests, type ListeningScope } from '../../../messaging/worker-requests';

it('hands on the requests that parse, refuses the others that carry an id, and drops the rest', () => {
  const scope: ListeningScope = { onmessage: null };
  const handled: unknown[] = [];
  const refused: [number, string][] = [];
  listenForRequests(scope, z.strictObject({ type: z.literal('go'), id: z.number() }), (r) => handled.push(r), (id, message) => refused.push([id, message]));
  const send = (data: unknown) => scope.onmessage!({ data } as MessageEvent<unknown>);
  send({ type: 'go', id: 1 });
  send({ type: 'stop', id: 2 });
  send('noise');
  expect(handled).toEqual([{ type: 'go', id: 1 }]);
  expect(refused.map(([id]) => id)).toEqual([2]);
  expect(refused[0]![1]).toMatch(/go/);
});
