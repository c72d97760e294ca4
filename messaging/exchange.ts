/**
 * The shape every message of Eurefs has, whichever way it goes: one exchange per message type, a
 * schema of the request (parsed where it arrives) beside the schema of its answer (parsed where
 * the answer arrives). Full zod and zod/mini schemas alike, so a direction whose schemas ship in
 * web pages can keep to zod/mini. Nothing here builds a schema: importing it costs a page nothing.
 */
import { PhrasedError } from '../i18n/phrased-error';
import { phrase } from '../i18n/phrase';
import type * as core from 'zod/v4/core';

/** What this module needs of a schema: zod's and zod/mini's both have it. */
export interface Schema {
  readonly _zod: { readonly input: unknown; readonly output: unknown };
  parse(data: unknown): unknown;
  safeParse(data: unknown): { success: boolean; data?: unknown };
}

/** One message type: what is asked, and what comes back. */
export interface Exchange {
  readonly request: Schema;
  readonly answer: Schema;
}

/** A direction: the exchanges of its message types, by type. */
export type Exchanges = Record<string, Exchange>;

/** A request as a sender writes it (defaults may be left out). */
export type RequestInput<E extends Exchanges, T extends keyof E> = core.input<E[T]['request']>;
/** A request as it is once parsed on arrival. */
export type Request<E extends Exchanges, T extends keyof E> = core.output<E[T]['request']>;
/** An answer as a handler gives it. */
export type AnswerInput<E extends Exchanges, T extends keyof E> = core.input<E[T]['answer']>;
/** An answer as it is once parsed by the sender. */
export type Answer<E extends Exchanges, T extends keyof E> = core.output<E[T]['answer']>;

/** Any request of a direction, as a sender writes it. */
export type MessageInput<E extends Exchanges> = { [T in keyof E & string]: RequestInput<E, T> & { type: T } }[keyof E & string];
/** Any request of a direction, as parsed on arrival. */
export type Message<E extends Exchanges> = { [T in keyof E & string]: Request<E, T> & { type: T } }[keyof E & string];

/**
 * A handler per message type. `undefined`: no answer at all, as for a message the receiver does
 * not take from that sender.
 */
export type Handlers<E extends Exchanges, Context> = {
  [T in keyof E & string]: (message: Request<E, T>, context: Context) => Promise<AnswerInput<E, T> | undefined> | AnswerInput<E, T> | undefined;
};

/** The request in `raw`, parsed with its type's schema; null for anything else. */
export function parseRequest<E extends Exchanges>(exchanges: E, raw: unknown): Message<E> | null {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(exchanges, type)) return null;
  const parsed = exchanges[type]!.request.safeParse(raw);
  return parsed.success ? (parsed.data as Message<E>) : null;
}

/**
 * The answer of the handler for `raw`'s type, or undefined where `raw` is no request of this
 * direction (it is not answered at all, so another listener may answer it).
 */
export function dispatch<E extends Exchanges, Context>(
  exchanges: E,
  handlers: Handlers<E, Context>,
  raw: unknown,
  context: Context,
): Promise<unknown> | undefined {
  const message = parseRequest(exchanges, raw);
  if (!message) return undefined;
  // The one place the type of a message and the handler of that type meet: `parseRequest` checked them.
  const handle = handlers[message.type] as (message: Message<E>, context: Context) => unknown;
  const answer = handle(message, context);
  return answer === undefined ? undefined : Promise.resolve(answer);
}

/** Parses `answer` with the answer schema of `type`: an empty answer is no answer. */
export function parseAnswer<E extends Exchanges, T extends keyof E & string>(exchanges: E, type: T, answer: unknown): Answer<E, T> {
  // Phrased: the options page shows it to the reader (entrypoints/options/error-text.ts).
  if (answer === undefined) throw new PhrasedError(phrase('errorNoAnswer', type));
  return exchanges[type]!.answer.parse(answer) as Answer<E, T>;
}
