/** The pages of EUR-Lex that show a document: they get the page scanner at once. */
export const EURLEX_DOCUMENTS = ['https://eur-lex.europa.eu/legal-content/*'];
