/**
 * V8 runs a new regular expression in its bytecode interpreter first and compiles it to machine
 * code on its second run, unless the subject is 1000 characters or longer: then it compiles to
 * machine code at once. The acts grammar's big `iu` expressions are built anew a few times per
 * page and mostly run on short texts, so each was compiled twice: about 4.4 ms instead of 2 ms
 * for an act expression (Node 20). One run over 1000 spaces, which takes microseconds, gets the
 * machine code before the first real text.
 */

/** Long enough for V8's rule (JSRegExp::kTierUpForSubjectLengthValue). */
const ONE_BYTE = ' '.repeat(1000);
/** V8 compiles apart for strings of one-byte and of two-byte characters: this one is two-byte. */
const TWO_BYTE = `${ONE_BYTE}\u0100`;
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

const compiledAlready = new WeakSet<RegExp>();

/** Has `re` compiled to machine code for strings such as `text`, on its first call; `re.lastIndex` is left at 0. */
export function compileAtOnce(re: RegExp, text: string): void {
  if (compiledAlready.has(re)) return;
  compiledAlready.add(re);
  re.lastIndex = 0;
  re.exec(NOT_LATIN1.test(text) ? TWO_BYTE : ONE_BYTE);
  re.lastIndex = 0;
}
