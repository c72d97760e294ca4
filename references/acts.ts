/**
 * Legal acts by name: directives, regulations, decisions and framework decisions, in the 24
 * official languages, both numbering schemes (`Directive (EU) 2017/541`, `Directive 2014/41/EU`,
 * `Directive 95/46/EC`, `Regulation (EC) No 767/2008`, `Council Decision 2008/615/JHA`,
 * `Rahmenbeschluss 2002/584/JI`), and enumerations (`Regulations (EU) 2018/1240 and (EU) 2018/1241`).
 * The span starts at the act's name ("Council" and "Implementing" before it are left out).
 */
import type { Reference } from './types';
import { actReference, expandYear, isPlausibleYear, type ActType } from './ids';
import { actGrammarFor, continuationRe } from './act-grammar';
import { actWindows, type ActWindow } from './act-windows';
import { compileAtOnce } from './compile-at-once';

const HUNGARIAN_TYPE: Readonly<Record<string, ActType>> = {
  kerethatározat: 'framework-decision',
  irányelv: 'directive',
  rendelet: 'regulation',
  határozat: 'decision',
};
interface Numbering {
  qualifier: string | undefined;
  mark: string | undefined;
  a: string;
  b: string;
  family: string | undefined;
}

function isYearText(s: string): boolean {
  if (s.length === 2) return true;
  return s.length === 4 && isPlausibleYear(Number(s));
}

/** Decide year and number from "A/B"; null when neither order makes sense. */
function interpret(type: ActType, n: Numbering): { year: number; number: string } | null {
  const { a, b } = n;
  const aYear = isYearText(a);
  const bYear = isYearText(b);
  let yearFirst: boolean;
  if (n.mark) {
    // "No 767/2008", "Decision No 1082/2013/EU"; the odd "No 2016/679" is year first.
    yearFirst = !bYear && aYear;
  } else if (type === 'regulation') {
    // Since 2015: "2018/1240"; before: number/year ("1408/71", "767/2008").
    yearFirst = aYear && a.length === 4 && Number(a) >= 2015 ? true : !bYear && aYear;
  } else if (aYear) {
    yearFirst = true;
  } else if (n.family && bYear) {
    // the odd "Decision 1082/2013/EU" without its "No"
    yearFirst = false;
  } else {
    return null;
  }
  const yearText = yearFirst ? a : b;
  const number = yearFirst ? b : a;
  if (!isYearText(yearText)) return null;
  const year = expandYear(yearText);
  if (!isPlausibleYear(year) || /^0+$/.test(number)) return null;
  // Number/year ("No 767/2008") went out with 2014: since 2015 every act is year/number.
  if (!yearFirst && year >= 2015) return null;
  // Two-digit years were used until 1998, four-digit ones from 1999 (and "No 1/58").
  if (yearText.length === 2 && year > 1998) return null;
  return { year, number };
}

function numberingOf(m: RegExpExecArray, first: number): Numbering {
  return {
    qualifier: m[first],
    mark: m[first + 1],
    a: m[first + 2] ?? '',
    b: m[first + 3] ?? '',
    family: m[first + 4],
  };
}

function actTypeOf(m: RegExpExecArray): ActType {
  if (m[1]) return 'framework-decision';
  if (m[2]) return 'directive';
  if (m[3]) return 'regulation';
  return 'decision';
}

function findNameAfter(re: RegExp, text: string, out: Reference[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let type: ActType | undefined;
    if (m[5]) {
      const word = m[5].toLowerCase();
      for (const [stem, t] of Object.entries(HUNGARIAN_TYPE)) {
        if (word.startsWith(stem)) {
          type = t;
          break;
        }
      }
    } else if (m[6]) type = 'framework-decision';
    else if (m[7]) type = 'directive';
    else if (m[8]) type = 'regulation';
    else if (m[9]) type = 'decision';
    if (!type) continue;
    const p = interpret(type, {
      qualifier: m[1],
      mark: undefined,
      a: m[2] ?? '',
      b: m[3] ?? '',
      family: m[4],
    });
    if (!p) continue;
    const end = m.index + m[0].length;
    out.push(actReference(m.index, end, m[0], type, p.year, p.number));
  }
}

function findNameThenParen(re: RegExp, text: string, out: Reference[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const type = actTypeOf(m);
    const a = m[5] ?? '';
    const b = m[6] ?? '';
    const p = interpret(type, { qualifier: undefined, mark: undefined, a, b, family: m[7] });
    if (!p) continue;
    const body = `${a}/${b}/${m[7] ?? ''}`;
    const close = m.index + m[0].length;
    const start = text.lastIndexOf(body, close);
    if (start < m.index) continue;
    out.push(actReference(start, start + body.length, body, type, p.year, p.number));
  }
}

/** Records the act `m` matched at `start` and the enumeration after it; returns where the scan goes on. */
function takeAct(m: RegExpExecArray, start: number, text: string, out: Reference[]): number {
  const type = actTypeOf(m);
  const head = numberingOf(m, 5);
  const parsed = interpret(type, head);
  // let the scan continue just after the name
  if (!parsed) return start + 1;
  let end = start + m[0].length;
  out.push(actReference(start, end, m[0], type, parsed.year, parsed.number));
  const newStyle = head.a.length === 4 && Number(head.a) >= 2015 && !head.mark;

  // Enumerations: "Regulations (EU) 2018/1240 and (EU) 2018/1241", "Directives 2014/41/EU and 2011/99/EU".
  for (let i = 0; i < 50; i++) {
    continuationRe.lastIndex = end;
    const c = continuationRe.exec(text);
    if (!c) break;
    const item = numberingOf(c, 2);
    const itemNewStyle = item.a.length === 4 && Number(item.a) >= 2015 && !item.mark;
    const strong =
      (item.qualifier !== undefined && (item.mark !== undefined || itemNewStyle)) ||
      (item.family !== undefined && head.family !== undefined) ||
      (item.mark !== undefined && head.mark !== undefined) ||
      (newStyle && itemNewStyle);
    if (!strong) break;
    const p = interpret(type, item);
    if (!p) break;
    const cEnd = c.index + c[0].length;
    // the item starts at its qualifier, number mark or number, just after the separator
    const cStart = c.index + (c[1]?.length ?? 0);
    out.push(actReference(cStart, cEnd, text.slice(cStart, cEnd), type, p.year, p.number));
    end = cEnd;
  }
  return end;
}

/**
 * The name, then the number: the scan a global `re.exec` loop over `text` would make, run only
 * over the windows where a match can start (act-windows.ts); `pieces` are the windows' slices.
 */
function findNameThenNumber(re: RegExp, text: string, windows: readonly ActWindow[], pieces: readonly string[], out: Reference[]): void {
  // where the scan over the whole text would go on from
  let next = 0;
  windows.forEach(({ start, end, from }, w) => {
    const piece = pieces[w] as string;
    re.lastIndex = Math.max(next, start) - from;
    while (re.lastIndex < end - from) {
      const m = re.exec(piece);
      // past `end`, the slice no longer shows the expression all it would read in `text`
      if (!m || m.index + from >= end) break;
      next = takeAct(m, m.index + from, text, out);
      re.lastIndex = next - from;
    }
  });
}

export function findActs(text: string): Reference[] {
  const out: Reference[] = [];
  const windows = actWindows(text);
  const pieces = windows.map((w) => text.slice(w.from, w.to));
  const { act, nameAfter, nameThenParen } = actGrammarFor(text, pieces);
  // the continuation is only tried after an act
  for (const re of [act, act && continuationRe, nameAfter, nameThenParen]) if (re) compileAtOnce(re, text);
  if (nameAfter) findNameAfter(nameAfter, text, out);
  if (nameThenParen) findNameThenParen(nameThenParen, text, out);
  if (act) findNameThenNumber(act, text, windows, pieces, out);
  return out;
}
