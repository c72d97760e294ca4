/**
 * A value built the first time it is asked for. For the content script's schemas: building zod
 * schemas costs a page milliseconds, and most pages never need most of them (issue #8).
 */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
