/**
 * The vocabulary shared by the grammar, the dataset and the UI. Kept free of DOM and browser
 * APIs so the grammar runs the same in the content script, the background and Node.
 */
export const REFERENCE_TYPES = [
  'com',
  'join',
  'sec',
  'swd',
  'c',
  'directive',
  'regulation',
  'decision',
  'framework-decision',
  'procedure',
] as const;

export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** One reference found in a text. Offsets are UTF-16 code-unit indices into that text. */
export interface Reference {
  /** index of the first character of the reference in the text */
  start: number;
  /** index just past the last character (text.slice(start, end) === this.text) */
  end: number;
  /** the text as it stands in the source */
  text: string;
  type: ReferenceType;
  year: number;
  /** the document's number without leading zeros; procedures keep their 4 digits ("0351") */
  number: string;
  /**
   * The canonical id, derived from the reference alone:
   * - COM/JOIN/SEC/SWD/C documents: `COM(2017) 793`, `JOIN(2017) 450`, `C(2018) 1177`
   * - acts (directives, regulations, decisions, framework decisions): their CELEX, `32017L0541`
   * - procedures: `2017/0351(COD)`
   */
  id: string;
  /** CELEX where the reference alone decides it (never guessed PC/DC for a bare COM number) */
  celex?: string;
  /** EUR-Lex (or Legislative Observatory, for procedures) address */
  url: string;
}
