/**
 * The popover's words, asked of the background in the language the reader chose (or the
 * browser's). A page script cannot read the extension's catalogues itself without making them
 * web-accessible, which would let any page tell that Eurefs is installed. Part of the direction
 * to the background (to-background.ts); `zod/mini`, since the popover parses the answer in a web
 * page. A module of its own so that the page scanner, which never asks, carries none of it.
 */
import * as z from 'zod/mini';
import { lazily } from './lazily';
import { catalogueSchema } from '../i18n/catalogue';
import { LANGUAGES } from '../i18n/languages';

export const uiCatalogue = lazily(() => ({
  'ui-catalogue': {
    request: z.strictObject({ type: z.literal('ui-catalogue') }),
    answer: z.strictObject({ language: z.enum(LANGUAGES), catalogue: catalogueSchema() }),
  },
}));
