/**
 * Pruning big alternations to the words a text can hold.
 *
 * The acts grammar is one alternation over the names of acts (and their authors and kinds) in 24
 * languages, case-insensitive and Unicode (`iu`). V8 compiles such an expression in tens of
 * milliseconds on its first use, and every scan tries it at each position. Yet a block of text
 * holds one or two of those words at most. So each alternative gets a stem: a few characters that
 * every match of the alternative contains. One small scan finds which stems the text holds, and
 * the grammar is built from the alternatives whose stem is there, in their original order.
 *
 * Why this finds exactly what the full expression finds: an alternative whose stem occurs nowhere
 * in the text (as `iu` matches it) cannot match anywhere in it, so no path of the full expression
 * through that alternative succeeds; removing it leaves the first successful path, and with it
 * every capture, unchanged. Stems are matched by a regular expression with the same flags, so "the
 * text holds the stem" means exactly what it means inside the grammar (`ſ` for `s`, `K` for `k`);
 * or, in a text without any of FOLDS_APART, exactly in the text's lower case, which is the same.
 */
import { compileAtOnce } from './compile-at-once';

/**
 * Stems are the first STEM_LENGTH characters of the longest literal run (fewer when the run is
 * shorter, but at least MIN_STEM): long stems rule more words out, which matters because each
 * new combination of words costs a compilation.
 */
const STEM_LENGTH = 8;
const MIN_STEM = 3;

/**
 * The stem of a regular-expression source: literal characters that every match contains (the
 * start of the longest run of literal characters at the top level of `source`, in lower case),
 * or null when there is none (such an alternative is always kept). No top-level `|` in `source`.
 */
export function stemOf(source: string): string | null {
  const runs: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    let literal: string | null = null;
    let next: number;
    if (c === '\\') {
      // escapes (\s, \p{L}, \( ...) are not taken as literal text: skip `\X` or `\p{...}`
      next = source[i + 1] === 'p' || source[i + 1] === 'P' ? source.indexOf('}', i) + 1 : i + 2;
    } else if (c === '(') {
      next = closingParen(source, i) + 1;
    } else if (c === '[') {
      next = closingBracket(source, i) + 1;
    } else if (c === '|') {
      throw new Error(`stemOf: top-level alternation in ${source}`);
    } else if ('.^$)]{}?*+'.includes(c)) {
      throw new Error(`stemOf: unexpected ${c} in ${source}`);
    } else {
      literal = c;
      next = i + 1;
    }
    // a quantifier after the atom
    const q = source[next];
    let optional = false;
    let repeated = false;
    if (q === '?' || q === '*') {
      optional = true;
      next++;
    } else if (q === '+') {
      repeated = true;
      next++;
    } else if (q === '{') {
      const close = source.indexOf('}', next);
      const min = Number(source.slice(next + 1, close).split(',')[0]);
      optional = min === 0;
      repeated = true;
      next = close + 1;
    }
    if (source[next] === '?' && (optional || repeated)) next++; // lazy
    if (literal === null || optional) {
      endRun();
    } else {
      run += literal;
      if (repeated) endRun();
    }
    i = next;
  }
  endRun();
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < MIN_STEM) return null;
  // lower case, so that "Council" and "council" share one stem (the same text matches both)
  const stem = longest.slice(0, STEM_LENGTH).toLowerCase();
  // The scan relies on one code unit per character (stems are letters of the BMP).
  if (/[\uD800-\uDFFF]/.test(stem)) return null;
  return stem;
}

function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = closingBracket(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error(`stemOf: unbalanced ( in ${source}`);
}

function closingBracket(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === ']') return i;
  }
  throw new Error(`stemOf: unbalanced [ in ${source}`);
}

/**
 * Letters a stem may hold for the lower-case scan: Latin, Greek and Cyrillic letters that are
 * their own lower case and come back to it from upper case (not `ſ`, `ς`, `ß`, `ı`, `µ`), and
 * anything without case.
 */
const LOWER_CASE_SCRIPTS = /^[\u0000-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff]*$/;
/** Whether a stem's letters all fit the lower-case scan (letter by letter: "απόφασ" whole comes back with a final sigma). */
export const fitsLowerCaseScan = (stem: string): boolean => LOWER_CASE_SCRIPTS.test(stem) && [...stem].every((c) => c.toUpperCase().toLowerCase() === c);

/**
 * The characters of a text for which `text.toLowerCase()` could show another stem than `iu`
 * matches (tests/unit/references/stems.test.ts derives the list from every character of the BMP):
 * those that fold under `iu` to a letter they do not lower-case to (`ſ` is `s`, `µ` is `μ`, `ς`
 * is `σ`, `ϐ` is `β`), `İ`, which lower-cases to two code units, `Σ`, which lower-cases by its
 * context, and the halves of characters beyond the BMP, left out of that check.
 */
export const FOLDS_APART = /[\u00b5\u0130\u017f\u0345\u03a3\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c87\u1e9b\u1fbe\ud800-\udfff]/;

/** The stems a text holds: found by one scan, compiled on first use. */
export class StemScanner {
  private readonly stems: readonly string[];
  /** for each stem, the shorter stems it begins with: they occur wherever it does */
  private readonly prefixes: readonly (readonly string[])[];
  /** the stems as one alternation, without groups: the scan */
  private any: RegExp | null = null;
  /** the same with a group per stem, sticky: which stem a match is, the first time it is seen */
  private which: RegExp | null = null;
  /** the stem each text matched so far is (its index) */
  private readonly stemOfMatch = new Map<string, number>();
  /**
   * The stems as one alternation without `i`, for texts in lower case, and each stem's index; null
   * when a stem holds a letter that lower case does not match as `iu` does.
   */
  private exact: RegExp | null = null;
  private readonly indexOfStem: Map<string, number> | null;

  /**
   * `stems`: in lower case, and one stem begins with another (under `iu`) only where it does as
   * a string (checked by a test), so that the prefixes below are all the stems a match holds.
   */
  constructor(stems: Iterable<string>) {
    // longest first: at each position the alternation reports the longest stem there
    this.stems = [...new Set(stems)].sort((a, b) => b.length - a.length);
    this.prefixes = this.stems.map((s) => this.stems.filter((t) => t !== s && s.startsWith(t)));
    this.indexOfStem = this.stems.every(fitsLowerCaseScan) ? new Map(this.stems.map((stem, i) => [stem, i])) : null;
  }

  /** Every stem (as given) that occurs in `text`, overlapping occurrences included, added to `found`. */
  scan(text: string, found: Set<string> = new Set()): Set<string> {
    // Case-insensitive alternations run several times slower in V8 than exact ones: where the
    // text's lower case matches each stem exactly where `iu` does, that is scanned instead, and
    // each match is a stem as it is written.
    const indexOfStem = this.indexOfStem && !FOLDS_APART.test(text) ? this.indexOfStem : null;
    const subject = indexOfStem ? text.toLowerCase() : text;
    const re = indexOfStem ? (this.exact ??= this.alternation('gu', subject)) : (this.any ??= this.alternation('giu', subject));
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(subject)) !== null) {
      const i = indexOfStem ? (indexOfStem.get(m[0]) as number) : this.stemAt(m[0], text, m.index);
      found.add(this.stems[i] as string);
      for (const p of this.prefixes[i] ?? []) found.add(p);
      // next position, not past the match: stems may overlap ("directive" holds "dir" and "ect")
      re.lastIndex = m.index + 1;
    }
    return found;
  }

  /** The stems as one alternation without groups, compiled on `subject`, its first text. */
  private alternation(flags: 'gu' | 'giu', subject: string): RegExp {
    const re = new RegExp(this.stems.map(escape).join('|'), flags);
    compileAtOnce(re, subject);
    return re;
  }

  /**
   * Which stem the alternation matched as `match` at `at`. The alternatives are literals, so the
   * one that wins at a position depends on the text it matched alone: a match seen once is known
   * (this spares every match an array of a slot per stem and a search through it). The first time,
   * the grouped expression, run at the same position, says which it is (folding case here could
   * differ from `iu`: `ſ`, `K`, final sigma).
   */
  private stemAt(match: string, text: string, at: number): number {
    let i = this.stemOfMatch.get(match);
    if (i === undefined) {
      this.which ??= new RegExp(this.stems.map((s) => `(${escape(s)})`).join('|'), 'iuy');
      this.which.lastIndex = at;
      const m = this.which.exec(text);
      if (!m) throw new Error('StemScanner: the grouped expression did not match where the scan did');
      i = m.findIndex((group, g) => g > 0 && group !== undefined) - 1;
      this.stemOfMatch.set(match, i);
    }
    return i;
  }
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&');
}

/** A list of alternatives (regular-expression sources, in order of preference), each with its stem. */
export class Alternatives {
  readonly sources: readonly string[];
  readonly stems: readonly (string | null)[];

  constructor(sources: readonly string[]) {
    this.sources = sources;
    this.stems = sources.map(stemOf);
  }

  /**
   * True when a text holding `present` may match one of the alternatives. Alternatives
   * without a stem may always match.
   */
  holdsAny(present: ReadonlySet<string>): boolean {
    return this.stems.some((stem) => stem === null || present.has(stem));
  }

  /** The alternatives a text holding `present` may match, in their order, joined with `|` ("" for none). */
  kept(present: ReadonlySet<string>): string {
    const out: string[] = [];
    for (let i = 0; i < this.sources.length; i++) {
      const stem = this.stems[i];
      if (stem === null || stem === undefined || present.has(stem)) out.push(this.sources[i] as string);
    }
    return out.join('|');
  }
}
