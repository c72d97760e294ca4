/**
 * A message catalogue in the browsers' own format (`_locales/<lang>/messages.json`): per key, the
 * message, a description for translators, and named placeholders whose content is `$1`…`$9`.
 * Parsed with `zod/mini` wherever one arrives (a file fetched, a message from the background):
 * the popover, which gets its catalogue by message, runs in web pages, where size matters.
 */
import * as z from 'zod/mini';
import { lazily } from '../messaging/lazily';

/** Chromium reads keys and placeholder names of ASCII letters, digits and underscores only. */
const NAME = /^[A-Za-z0-9_]+$/;

export const catalogueSchema = lazily(() =>
  z.record(
    z.string().check(z.regex(NAME)),
    z.object({
      message: z.string(),
      description: z.optional(z.string()),
      placeholders: z.optional(z.record(z.string().check(z.regex(NAME)), z.object({ content: z.string(), example: z.optional(z.string()) }))),
    }),
  ),
);

export type Catalogue = z.output<ReturnType<typeof catalogueSchema>>;
export type CatalogueMessage = Catalogue[string];

/**
 * `chosen` with every key it lacks taken from `fallback`, as the browser's own `i18n` does with
 * `default_locale`, and without the descriptions and examples, which only translators read.
 */
export function completeCatalogue(chosen: Catalogue, fallback: Catalogue): Catalogue {
  const out: Catalogue = {};
  for (const [key, entry] of Object.entries({ ...fallback, ...chosen })) out[key] = withoutNotes(entry);
  return out;
}

/** An entry as the browser and Eurefs read it: its message and placeholders, not the translators' description and examples. */
function withoutNotes(entry: CatalogueMessage): CatalogueMessage {
  if (!entry.placeholders) return { message: entry.message };
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders).map(([name, { content }]) => [name, { content }]));
  return { message: entry.message, placeholders };
}

/**
 * A catalogue file as the add-on ships it: what the browser and Eurefs read, without the
 * descriptions and examples that only translators read, which are more than half of each file.
 */
export function shippedCatalogue(text: string): string {
  return JSON.stringify(completeCatalogue(catalogueSchema().parse(JSON.parse(text)), {}));
}
