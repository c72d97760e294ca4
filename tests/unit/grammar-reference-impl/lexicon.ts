/**
 * Shared word lists (regex sources). All are used with the `iu` flags.
 */

/** Conjunctions of the 24 languages (and "&"), for enumerations such as "881 final and 882 final". */
export const CONJUNCTION =
  '(?:and|or|as\\s+well\\s+as|et|ou|und|oder|sowie|e|ed|o|y|u|en|of|i|lub|oraz|a|nebo|alebo|in|ali|ili|és|vagy|și|si|sau|и|или|και|ή|og|eller|och|samt|ja|tai|sekä|ning|või|ir|arba|un|vai|jew|agus|nó|&)';

/** Separator between items of an enumeration: ", ", " and ", ", and ". */
export const LIST_SEPARATOR = `(?:\\s*[,;]\\s*(?:${CONJUNCTION}\\s+)?|\\s+${CONJUNCTION}\\s+|\\s*[&]\\s*)`;

/** "final" in the official languages (COM documents): "final", "endgültig", "wersja ostateczna"... */
export const FINAL_WORD =
  '(?:final[eai]?|finali|endgültig|endg\\.|definitivo|definitief|lopullinen|slutlig|slutligt|endelig|wersja\\s+ostateczna|végleges|v\\s+konečném\\s+znění|v\\s+konečnom\\s+znení|τελικό|окончателен|galutinis|galīgā\\s+redakcija|lõplik|končno|konačna\\s+verzija|konačno|deiridh)';

/** Number markers before an act number: No, Nr., n., n.º, nº, č., br., št., αριθ., №, N:o, Nru, Uimh. */
export const NUMBER_MARK =
  '(?:n\\.\\s?[ºo°]s?|n[º°]s?|n:o|nos?|nrs?|nru|nn|n|č|br|št|sz|αριθ|αρ|№|uimh|núm|nro)\\.?\\s*';
