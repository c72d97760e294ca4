/**
 * Eurefs's words in English, from the English catalogue itself, for what speaks outside any
 * reader's page: the command-line scripts, and the background's scheduled refresh, whose outcome
 * is kept as one line. Importing this bundles the English catalogue; extension pages read theirs
 * from the shipped files instead (catalogue-files.ts).
 */
import catalogue from '../public/_locales/en/messages.json';
import { catalogueSchema } from './catalogue';
import { DEFAULT_LANGUAGE } from './languages';
import { catalogueSource, createTranslator, type Translator } from './translate';

export const english: Translator = createTranslator(DEFAULT_LANGUAGE, catalogueSource(catalogueSchema().parse(catalogue)));
