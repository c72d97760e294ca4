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
 * digit before d, and of no others: those positions are the window's [start, end), and the slice
 * [start - 2, d + NUMBER_REACH) holds all that an attempt there reads.
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

/** The windows of `text`, in order and disjoint in [start, end); every match of the act expression starts in one. */
export function actWindows(text: string): ActWindow[] {
  const out: ActWindow[] = [];
  for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    if (!isDigit(text.charCodeAt(slash + 1))) continue;
    let d = slash;
    while (d > 0 && isDigit(text.charCodeAt(d - 1))) d--;
    if (slash - d < 1 || slash - d > 4) continue;
    // back to the last digit before the run; no need to look past the window before
    const last = out[out.length - 1];
    const floor = last ? last.end : 0;
    let start = d;
    while (start > floor && !isDigit(text.charCodeAt(start - 1))) start--;
    if (start === d) continue; // the run opens the text: no room for a name before it
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
