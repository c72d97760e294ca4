/**
 * The stretches of a text where the act expression (act-grammar.ts, `act`) can match, so that it
 * is run there instead of over the whole text: exactly the same matches, for less scanning.
 *
 * Why a window finds exactly what the whole text does. Before its number, the expression reads no
 * ASCII digit: names, authors, kinds, qualifiers and number marks are letters, white space and
 * punctuation (tests/unit/references/act-windows.test.ts holds the expression to this). So an
 * attempt at position p reads up to the first digit at or after p, D(p), which must begin its
 * `\d{1,4}\/\d{1,4}`; from there on it reads at most NUMBER_REACH code units (number, family,
 * closing lookahead). Before p it reads one code point (the opening lookbehind). An attempt at p
 * thus depends on text[p - 2, D(p) + NUMBER_REACH) alone, however long the white space, letter
 * runs or qualifier lists in between, and succeeds only if D(p) begins a run of 1-4 digits
 * followed by "/" and a digit. Such a run at d is the first digit of the positions after the last
 * digit before d, and of no others; of those, a match can only start after the last character
 * that no act can hold where it stands (firstStart). Those positions are the window's
 * [start, end), and the slice [start - 2, d + NUMBER_REACH) holds all that an attempt there reads.
 */

/** Code units an attempt reads from the first digit of its number: "1234/5678/" + 8 letters (16 units) + a lookahead of 2. */
const NUMBER_REACH = 28;
/** The opening lookbehind reads one code point: up to two code units. */
const LOOKBEHIND = 2;

/**
 * Where matches may start, [start, end), and the slice of the text, [from, to), to run the
 * expression on. A match the slice shows at or past `end` may not be one in the text (the slice
 * cuts what that attempt reads): it is for the next window to find.
 */
export interface ActWindow {
  start: number;
  end: number;
  from: number;
  to: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

const DOT = 0x2e;
const COMMA = 0x2c;
const SLASH = 0x2f;
const OPEN = 0x28;
const CLOSE = 0x29;
/** Characters no part of an act before its number can match (the test checks them against the expression). */
export const STOP_CHARS = ';"!?[]{}<>=+*#%&|~^_@“”„«»…§•';
const STOP = new Set([...STOP_CHARS].map((ch) => ch.charCodeAt(0)));

/** `\s` of regular expressions, code unit by code unit. */
export function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * What can follow a "." before an act's number: the rest of a number mark ("n.º", "Nr. ", "n. os"),
 * as `[\sºo°s.]` matches it with the `iu` flags ("O", "S", "ſ" too).
 */
export function isMarkTail(c: number): boolean {
  return c === DOT || c === 0x6f || c === 0x4f || c === 0x73 || c === 0x53 || c === 0x17f || c === 0xba || c === 0xb0 || isSpace(c);
}

/**
 * The first position from which a match could reach the number at `d`, going back no further
 * than `floor`. Before its number an act holds no digit and nothing of STOP; at most one "(" and
 * one ")", its qualifier's, with the qualifier's "," and "/" between them; and a "." only in its
 * number mark, which is followed by the rest of the mark alone. A character that breaks this
 * cannot be in a match that reaches the number, nor can anything before it.
 */
function firstStart(text: string, d: number, floor: number): number {
  let open = false;
  let close = false;
  let markTail = true;
  let p = d;
  for (; p > floor; p--) {
    const c = text.charCodeAt(p - 1);
    if (isDigit(c) || STOP.has(c)) break;
    if (c === DOT && !markTail) break;
    if ((c === COMMA || c === SLASH) && (!close || open)) break;
    if (c === OPEN) {
      if (!close || open) break;
      open = true;
    }
    if (c === CLOSE) {
      if (close || open) break;
      close = true;
    }
    if (!isMarkTail(c)) markTail = false;
  }
  return p;
}

/** The windows of `text`, in order and disjoint in [start, end); every match of the act expression starts in one. */
export function actWindows(text: string): ActWindow[] {
  const out: ActWindow[] = [];
  for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    if (!isDigit(text.charCodeAt(slash + 1))) continue;
    let d = slash;
    while (d > 0 && isDigit(text.charCodeAt(d - 1))) d--;
    if (slash - d < 1 || slash - d > 4) continue;
    // no need to look past the window before
    const last = out[out.length - 1];
    const start = firstStart(text, d, last ? last.end : 0);
    if (start === d) continue; // no room for a name before the number
    const to = Math.min(text.length, d + NUMBER_REACH);
    const from = Math.max(0, start - LOOKBEHIND);
    // Windows whose slices overlap are joined: every position in between still reads a digit
    // before the later window's number, so the joined window is exact throughout.
    if (last && from <= last.to) {
      last.end = d;
      last.to = to;
    } else {
      out.push({ start, end: d, from, to });
    }
  }
  return out;
}
