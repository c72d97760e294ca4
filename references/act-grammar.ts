/**
 * The regular expressions of the acts grammar, built from the words the texts can hold.
 *
 * The full expressions (every name of act in 24 languages, `iu` flags) take V8 60-400 ms to
 * compile on first use, in one task, and make every scan slow. A page uses a handful of those
 * words, so the expressions are built from the entries of act-words.ts whose stem the texts seen
 * so far hold (stems.ts explains why that finds exactly what the full expressions find). They grow
 * as new words turn up, a few times per page, each compilation a few milliseconds; V8 caches
 * compiled expressions by source, so an expression built twice is compiled once.
 * An expression is only run on a text that holds what each of its matches needs.
 */
import { AFTER_WORDS, AUTHORS, COMPOUNDS, DECISION, DIRECTIVE, FRAMEWORK_DECISION, HUNGARIAN, KINDS, REGULATION } from './act-words';
import { LIST_SEPARATOR, NUMBER_MARK } from './lexicon';
import { Alternatives, StemScanner } from './stems';

/** A qualifier token inside "(EU)", "(EU, Euratom)", "(UE)", "(ΕΕ)", "(ЕС)", "(CFSP)". */
const QUAL_TOKEN = '\\p{Lu}[\\p{L}]{1,7}';
const QUALIFIER = `\\(\\s*${QUAL_TOKEN}(?:\\s*[,/]\\s*${QUAL_TOKEN})*\\s*\\)`;
/** The family after an old-style number: "/EU", "/EC", "/JHA", "/JI", "/JAI", "/ΔΕΥ". */
const FAMILY = `\\p{Lu}[\\p{L}]{0,7}`;

const NUMBERING =
  `(?:(${QUALIFIER})\\s*)?(${NUMBER_MARK})?` +
  `(\\d{1,4})\\/(\\d{1,4})(?:\\/(${FAMILY}))?(?![\\p{L}\\p{N}]|\\/\\d|[.,]\\d)`;

/** Stands in for a group whose every entry was left out, so the groups keep their numbers. */
const NEVER = '(?!)';

/** The four name groups when the text holds no name: none can match. */
const NEVER_NAMES = `(?:(${NEVER})|(${NEVER})|(${NEVER})|(${NEVER}))`;

/**
 * The word tables and their stem scanner, built on the first text that could hold an act: a page
 * without one (most pages a reader opens) never pays for them (some 10 ms at load, issue #8).
 */
function makeTables() {
  const NAMES = [FRAMEWORK_DECISION, DIRECTIVE, REGULATION, DECISION].map((list) => new Alternatives(list));
  const AUTHOR = new Alternatives(AUTHORS);
  const KIND = new Alternatives(KINDS);
  const COMPOUND = new Alternatives(COMPOUNDS);
  const AFTER = new Alternatives(AFTER_WORDS);
  const HUNGARIAN_NAME = new Alternatives(HUNGARIAN);
  const stemsOf = (lists: readonly Alternatives[]) => lists.flatMap((a) => a.stems.filter((s): s is string => s !== null));
  const SCANNER = new StemScanner(stemsOf([...NAMES, AUTHOR, KIND, COMPOUND, AFTER, HUNGARIAN_NAME]));
  // Tells, for a fraction of SCANNER's cost, whether a text needs the whole-text scan for `nameAfter`.
  const HUNGARIAN_SCANNER = new StemScanner(stemsOf([HUNGARIAN_NAME]));
  return { NAMES, AUTHOR, KIND, COMPOUND, AFTER, HUNGARIAN_NAME, SCANNER, HUNGARIAN_SCANNER };
}

let tablesMade: ReturnType<typeof makeTables> | null = null;
const tables = () => (tablesMade ??= makeTables());

/** The expressions for one text; null where the text holds none of the words it needs. */
export interface ActGrammar {
  /**
   * The name, then the number: groups 1 framework decision, 2 directive, 3 regulation,
   * 4 decision, then NUMBERING's 5 qualifier, 6 number mark, 7 a, 8 b, 9 family.
   */
  act: RegExp | null;
  /**
   * The name after the number: 1 qualifier, 2 a, 3 b, 4 family, 5 Hungarian name,
   * 6..9 the name after a colon (as in `act`).
   */
  nameAfter: RegExp | null;
  /** The name, a few words, then the number in parentheses: 1..4 name, 5 a, 6 b, 7 family. */
  nameThenParen: RegExp | null;
}

/** The four name groups ("(FD)|(DIR)|(REG)|(DEC)"), or null when the text holds no name. */
function nameGroups(present: ReadonlySet<string>): string | null {
  const kept = tables().NAMES.map((a) => a.kept(present));
  if (kept.every((k) => k === '')) return null;
  return `(?:${kept.map((k) => `(${k || NEVER})`).join('|')})`;
}

/** `(?:(?:A|B)\s+)?`-style optional prefix, or "" when no entry is kept (it could only be skipped). */
function optional(kept: string, wrap: (alternation: string) => string): string {
  return kept ? wrap(kept) : '';
}

function actSource(present: ReadonlySet<string>, names: string): string {
  const { AUTHOR, KIND, COMPOUND, AFTER } = tables();
  // Author and kind before the name, kept in the span: "Council Decision", "Commission
  // Implementing Regulation", "Rådets förordning", "neuvoston asetus", "Padomes Regula".
  const beforeName =
    optional(AUTHOR.kept(present), (k) => `(?:(?:${k})\\s+)?`) + optional(KIND.kept(present), (k) => `(?:(?:${k})\\s+)?`);
  // First halves of compound names: "Durchführungsverordnung", "uitvoeringsbesluit".
  const compound = optional(COMPOUND.kept(present), (k) => `(?:${k})?`);
  // Words between the name and the number ("rozporządzenie wykonawcze Komisji (UE)").
  const afterName = optional(AFTER.kept(present), (k) => `(?:\\s+(?:${k})){0,3}`);
  return `(?<![\\p{L}\\p{N}])${beforeName}${compound}${names}(?![\\p{L}])${afterName}\\s*${NUMBERING}`;
}

/**
 * Name after the number: Hungarian (`(EU) 2017/541 irányelv`, `767/2008/EK rendelet`), and EUR-Lex
 * titles (`2002/584/JI: Rahmenbeschluss des Rates`, `2004/585/EC: Council Decision`), where the
 * span is the number only.
 */
function nameAfterSource(hungarian: string, names: string): string {
  return (
    `(?<![\\p{L}\\p{N}/.,])(?:(${QUALIFIER})\\s*)?(\\d{1,4})\\/(\\d{1,4})(?:\\/(${FAMILY}))?` +
    `(?:\\s+(${hungarian || NEVER})` +
    `|(?<=\\/\\p{L}+)(?=\\s*:\\s*(?:[\\p{L}]+\\s+){0,3}?${names}(?![\\p{L}])))`
  );
}

/**
 * Official Journal headings: the name, a few words, then the number in parentheses:
 * `Rahmenbeschluss des Rates (2002/584/JI)`, `COUNCIL FRAMEWORK DECISION (2002/584/JHA)`.
 * Only the old style with its family; the span is the number.
 */
function nameThenParenSource(names: string): string {
  return (
    `(?<![\\p{L}\\p{N}])${names}(?![\\p{L}])` +
    // a few words, or an OJ heading: "of 13 June 2002" / "on the European arrest warrant ..." lines,
    // with the number alone on its line
    `(?:(?:\\s+[\\p{L}]+){0,3}?\\s*|[^\\S\\n]*[^\\n()]{0,60}(?:\\n[^\\n()]{0,400}){1,4}\\n[^\\S\\n]*(?=\\([^)\\n]*\\)[^\\S\\n]*(?:\\n|$)))` +
    `\\(\\s*(\\d{2}|\\d{4})\\/(\\d{1,4})\\/(${FAMILY})\\s*\\)`
  );
}

/** Compiled expressions by source, so that growing `seen` recompiles only what changed. */
const compiledBySource = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let re = compiledBySource.get(source);
  if (!re) {
    re = new RegExp(source, 'giu');
    compiledBySource.set(source, re);
  }
  return re;
}

/**
 * Stems of every text seen so far. The expressions are built from these, not from the current
 * text's own stems: a superset is just as exact (stems.ts), and a page's blocks share their words,
 * so the expressions settle after a few blocks instead of being rebuilt for each combination.
 */
const seen = new Set<string>();
let built: { act: RegExp | null; nameAfter: RegExp | null; nameThenParen: RegExp | null } | null = null;

function builtFromSeen(): NonNullable<typeof built> {
  if (!built) {
    const names = nameGroups(seen);
    const hungarian = tables().HUNGARIAN_NAME.kept(seen);
    built = {
      act: names ? compiled(actSource(seen, names)) : null,
      nameAfter: names || hungarian ? compiled(nameAfterSource(hungarian, names ?? NEVER_NAMES)) : null,
      nameThenParen: names ? compiled(nameThenParenSource(names)) : null,
    };
  }
  return built;
}

/** Every act number has digits on both sides of a slash ("2014/41", "(2002/584/JI)"). */
const DIGIT_SLASH_DIGIT = /\d\/\d/;
/** What an OJ heading's number needs: "(2002/584/" (the family follows). */
const PAREN_NUMBER = /\(\s*(?:\d{2}|\d{4})\/\d{1,4}\//;
/** What a EUR-Lex title needs: "2002/584/JI:", a family of 1-8 letters, then a colon. */
const NUMBER_FAMILY_COLON = /\d\/\d{1,4}\/[^\s\d:/]{1,8}\s*:/u;

const NONE: ActGrammar = { act: null, nameAfter: null, nameThenParen: null };

/**
 * The acts grammar for `text`: finds in `text` exactly what the full expressions would. An
 * expression is null when `text` lacks something every one of its matches needs.
 *
 * `act` is only good for `pieces`, slices of `text` that hold every match of it with all its
 * expression reads (act-windows.ts): their stems are enough to build it, which spares scanning the
 * rest of the text. `nameAfter` and `nameThenParen` run on the whole text, so the whole text is
 * scanned when it holds what one of them needs.
 */
export function actGrammarFor(text: string, pieces: readonly string[] = [text]): ActGrammar {
  if (!DIGIT_SLASH_DIGIT.test(text)) return NONE;
  const { NAMES, HUNGARIAN_NAME, SCANNER, HUNGARIAN_SCANNER } = tables();
  const paren = PAREN_NUMBER.test(text);
  const colon = NUMBER_FAMILY_COLON.test(text);
  const whole = paren || colon || HUNGARIAN_NAME.holdsAny(HUNGARIAN_SCANNER.scan(text));
  const present = new Set<string>();
  for (const piece of whole ? [text] : pieces) SCANNER.scan(piece, present);
  for (const stem of present) {
    if (!seen.has(stem)) {
      seen.add(stem);
      built = null;
    }
  }
  const hasName = NAMES.some((a) => a.holdsAny(present));
  // a text with a Hungarian stem is scanned whole, so `present` holds it whenever the text does
  const hasHungarian = HUNGARIAN_NAME.holdsAny(present);
  if (!hasName && !hasHungarian) return NONE;
  const all = builtFromSeen();
  return {
    act: hasName ? all.act : null,
    nameAfter: hasHungarian || (hasName && colon) ? all.nameAfter : null,
    nameThenParen: hasName && paren ? all.nameThenParen : null,
  };
}

/**
 * One more item of an enumeration after an act ("and (EU) 2018/1241"), sticky.
 * Groups: 1 separator, NUMBERING's 2..6.
 */
export const continuationRe = new RegExp(`(${LIST_SEPARATOR})${NUMBERING}`, 'iuy');
