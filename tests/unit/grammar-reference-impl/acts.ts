/**
 * Legal acts by name: directives, regulations, decisions and framework decisions, in the 24
 * official languages, both numbering schemes (`Directive (EU) 2017/541`, `Directive 2014/41/EU`,
 * `Directive 95/46/EC`, `Regulation (EC) No 767/2008`, `Council Decision 2008/615/JHA`,
 * `Rahmenbeschluss 2002/584/JI`), and enumerations (`Regulations (EU) 2018/1240 and (EU) 2018/1241`).
 * The span starts at the act's name ("Council" and "Implementing" before it are left out).
 */
import type { Reference } from './types';
import { actIdentity, expandYear, isPlausibleYear, type ActType } from './ids';
import { LIST_SEPARATOR, NUMBER_MARK } from './lexicon';

const H = '[-\\u2010\\u2011\\s]+'; // hyphen or space in compounds ("décision-cadre")

/** Names of framework decisions (tested before plain decisions). */
const FRAMEWORK_DECISION = [
  'framework\\s+decisions?',
  `décisions?${H}cadres?`,
  'rahmenbeschl(?:uss(?:es)?|üssen?)',
  'decision[ei]\\s+quadro',
  'decisi(?:ón|ones)\\s+marco',
  `decis(?:ão|ões)${H}quadro`,
  'kaderbesluit(?:en)?',
  'decyzj[aiię]\\s+ramow(?:a|ej|ą|e|ych)',
  'rámcov(?:é|ého|ém|ým)\\s+rozhodnut(?:í|ie|ia|ím)',
  'okvirn(?:i|ega|em|im)\\s+sklep(?:a|u|om)?',
  'okvirn(?:a|e|oj|u|om)\\s+odluk(?:a|e|i|u|om)',
  'kerethatározat\\p{L}*',
  `decizi(?:a|ei|ile)?${H}cadru`,
  'рамков(?:о|ото|и)\\s+решени(?:е|ето|я)',
  `αποφάσε(?:ως|ις)${H}(?:πλαίσιο|πλαισίου)`,
  `απόφαση(?:ς)?${H}(?:πλαίσιο|πλαισίου)`,
  'rammeafgørelse(?:n|r|rne)?',
  'rambeslut(?:et|en)?',
  'puitepäätö\\p{L}*',
  'raamotsus\\p{L}*',
  'pamatlēmum\\p{L}*',
  'pamatin(?:is|io|į|iame)\\s+sprendim\\p{L}*',
  'deċiżjoni\\s+(?:ta\\p{Pd}?\\s*)?qafas',
  'c(?:h)?inn(?:eadh|idh)\\s+réime',
];

const DIRECTIVE = [
  'directives?',
  'directiv(?:a|as|ei|ele|ă)',
  'diretivas?',
  'direttiv[aei]',
  'richtlinien?',
  'richtlijn(?:en)?',
  'dyrektyw(?:a|y|ie|ę|ą|ach|ami)?',
  'směrnic(?:e|i|í)?',
  'smernic(?:a|e|i|ou)',
  'smerníc',
  'direktiv(?:a|e|i|o|u|om|et|er|erne|ets|en|ama)?',
  'direktiivi\\p{L}*',
  'direktiiv\\p{L}*',
  'direktīv\\p{L}*',
  'direktyv\\p{L}*',
  'irányelv\\p{L}*',
  'директив\\p{L}*',
  'οδηγ(?:ία|ίας|ίες|ιών)',
  'treoi?r(?:ach|acha)?',
];

const REGULATION = [
  'regulations?',
  'r[èe]glements?',
  'verordnung(?:en)?',
  'regolament[oi]?',
  'reglament(?:o|os|as|ą|e|ų|ai|o)?',
  'regulament(?:o|os|ul|ului|ele|elor)?',
  'verordening(?:en)?',
  'rozporządze(?:nie|nia|niu|niem|ń|niach|niami)',
  'nařízení',
  'nariaden(?:ie|ia|í|iu|ím)',
  'uredb(?:a|e|i|o|u|om|ama)',
  'rendelet\\p{L}*',
  'регламент\\p{L}*',
  'κανονισμ(?:ός|ού|ό|οί|ών|ούς)',
  'forordning(?:en|er|erne)?',
  'förordning(?:en|ar|arna)?',
  'asetu(?:s|ksen|ksessa|ksella|sta|kseen|kset|ksia|ksilla)',
  'määrus\\p{L}*',
  'regul(?:a|as|u|ā|ām)',
  'rialach(?:án|áin|áin)',
];

const DECISION = [
  'decisions?',
  'décisions?',
  'decision[ei]',
  'decisi(?:ón|ones)',
  'decis(?:ão|ões)',
  'beschl(?:uss(?:es)?|üssen?)',
  'entscheidung(?:en)?',
  'besluit(?:en)?',
  'beschikking(?:en)?',
  'decyzj(?:a|i|ę|ą|e|ach)',
  'rozhodnut(?:í|ie|ia|ím)',
  'sklep(?:a|u|om)?',
  'odločb(?:a|e|i|o)',
  'odluk(?:a|e|i|u|om)',
  'határozat\\p{L}*',
  'decizi(?:a|e|ei|ile|ilor)',
  'решени(?:е|ето|я)',
  'απόφασ(?:η|ης|εις|εων)',
  'αποφάσε(?:ις|ων|ως)',
  'afgørelse(?:n|r|rne)?',
  'beslutning(?:en|er)?',
  'beslut(?:et|en)?',
  'päätö(?:s|ksen|ksessä|ksellä|stä|kseen|kset)',
  'otsus(?:e|ega|es|t)?',
  'lēmum(?:s|a|u|ā|i)',
  'sprendim(?:as|o|ą|e|ai|ų)',
  'deċiżjoni(?:jiet)?',
  'c(?:h)?inn(?:eadh|idh)',
  'cinntí',
];

/** A qualifier token inside "(EU)", "(EU, Euratom)", "(UE)", "(ΕΕ)", "(ЕС)", "(CFSP)". */
const QUAL_TOKEN = '\\p{Lu}[\\p{L}]{1,7}';
const QUALIFIER = `\\(\\s*${QUAL_TOKEN}(?:\\s*[,/]\\s*${QUAL_TOKEN})*\\s*\\)`;
/** The family after an old-style number: "/EU", "/EC", "/JHA", "/JI", "/JAI", "/ΔΕΥ". */
const FAMILY = `\\p{Lu}[\\p{L}]{0,7}`;

const NUMBERING =
  `(?:(${QUALIFIER})\\s*)?(${NUMBER_MARK})?` +
  `(\\d{1,4})\\/(\\d{1,4})(?:\\/(${FAMILY}))?(?![\\p{L}\\p{N}]|\\/\\d|[.,]\\d)`;

/**
 * Author and kind before the name, kept in the span: "Council Decision", "Commission Implementing
 * Regulation", "Rådets förordning", "neuvoston asetus", "Padomes Regula", "Tarybos reglamentas".
 */
const BEFORE_NAME =
  '(?:(?:Council|Commission|European\\s+Parliament\\s+and\\s+(?:of\\s+the\\s+)?Council|' +
  'Rådets|Kommissionens|Europaparlamentets\\s+och\\s+rådets|Europa-Parlamentets\\s+og\\s+Rådets|' +
  'neuvoston|komission|Euroopan\\s+parlamentin\\s+ja\\s+neuvoston|nõukogu|komisjoni|Euroopa\\s+Parlamendi\\s+ja\\s+nõukogu|' +
  'Padomes|Komisijas|Eiropas\\s+Parlamenta\\s+un\\s+Padomes|Tarybos|Komisijos|Europos\\s+Parlamento\\s+ir\\s+Tarybos)\\s+)?' +
  '(?:(?:Implementing|Delegated|delegoitu|delegeeritud|deleģētā|deleguotasis|įgyvendinimo|īstenošanas|' +
  'delegierte[nrs]?|εκτελεστικ(?:ός|ού|ή|ής)|prováděcí|vykonávacie|izvedben[aeio]|provedben[aeiu]|delegiran[aeiu])\\s+)?';

/** First halves of compound names: "Durchführungsverordnung", "uitvoeringsbesluit", "genomförandeförordning". */
const COMPOUND = '(?:durchführungs|uitvoerings|genomförande|gennemførelses|täytäntöönpano|rakendus)?';

/**
 * Words between the name and the number: the author in the genitive and the kind
 * ("rozporządzenie wykonawcze Komisji (UE)", "nařízení Rady (EHS) č.", "règlement d'exécution (UE)").
 */
const AFTER_NAME =
  '(?:\\s+(?:Rady|Komisji|Parlamentu\\s+Europejskiego\\s+i\\s+Rady|wykonawcz(?:e|a|ej|ego|ym)|delegowan(?:e|a|ej|ego|ym)|' +
  'Komise|Evropského\\s+parlamentu\\s+a\\s+Rady|Komisie|Európskeho\\s+parlamentu\\s+a\\s+Rady|' +
  'Sveta|Komisije|Evropskega\\s+parlamenta\\s+in\\s+Sveta|Vijeća|Europskog\\s+parlamenta\\s+i\\s+Vijeća|' +
  "tal-Kunsill|tal-Kummissjoni|tal-Parlament\\s+Ewropew\\s+u\\s+tal-Kunsill|ta['’]\\s*Implimentazzjoni|" +
  "d['’]\\s*exécution|délégu[ée]e?s?|di\\s+esecuzione|delegat[oaie]|de\\s+ejecución|delegad[oa]s?|de\\s+execução|" +
  'de\\s+punere\\s+în\\s+aplicare|delegat(?:ă|ul)?|за\\s+изпълнение|делегиран(?:ия|ият)?|cur\\s+chun\\s+feidhme|tarmligthe)){0,3}';

// groups: 1 framework decision, 2 directive, 3 regulation, 4 decision, then NUMBERING's 5..9
const ACT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${BEFORE_NAME}${COMPOUND}(?:(${FRAMEWORK_DECISION.join('|')})|(${DIRECTIVE.join('|')})|(${REGULATION.join('|')})|(${DECISION.join('|')}))` +
    `(?![\\p{L}])${AFTER_NAME}\\s*${NUMBERING}`,
  'giu',
);

const KEYWORDS = `(?:(${FRAMEWORK_DECISION.join('|')})|(${DIRECTIVE.join('|')})|(${REGULATION.join('|')})|(${DECISION.join('|')}))(?![\\p{L}])`;

/**
 * Name after the number: Hungarian (`(EU) 2017/541 irányelv`, `767/2008/EK rendelet`), and EUR-Lex
 * titles (`2002/584/JI: Rahmenbeschluss des Rates`, `2004/585/EC: Council Decision`), where the
 * span is the number only. Groups: 1 qualifier, 2 a, 3 b, 4 family, 5 Hungarian name,
 * 6..9 the name after a colon (as in ACT_RE).
 */
const NAME_AFTER_RE = new RegExp(
  `(?<![\\p{L}\\p{N}/.,])(?:(${QUALIFIER})\\s*)?(\\d{1,4})\\/(\\d{1,4})(?:\\/(${FAMILY}))?` +
    `(?:\\s+(kerethatározat\\p{L}*|irányelv\\p{L}*|rendelet\\p{L}*|határozat\\p{L}*)` +
    `|(?<=\\/\\p{L}+)(?=\\s*:\\s*(?:[\\p{L}]+\\s+){0,3}?${KEYWORDS}))`,
  'giu',
);

/**
 * Official Journal headings: the name, a few words, then the number in parentheses:
 * `Rahmenbeschluss des Rates (2002/584/JI)`, `COUNCIL FRAMEWORK DECISION (2002/584/JHA)`.
 * Only the old style with its family; the span is the number. Groups: 1..4 name, 5 a, 6 b, 7 family.
 */
const NAME_THEN_PAREN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${KEYWORDS}` +
    // a few words, or an OJ heading: "of 13 June 2002" / "on the European arrest warrant ..." lines,
    // with the number alone on its line
    `(?:(?:\\s+[\\p{L}]+){0,3}?\\s*|[^\\S\\n]*[^\\n()]{0,60}(?:\\n[^\\n()]{0,400}){1,4}\\n[^\\S\\n]*(?=\\([^)\\n]*\\)[^\\S\\n]*(?:\\n|$)))` +
    `\\(\\s*(\\d{2}|\\d{4})\\/(\\d{1,4})\\/(${FAMILY})\\s*\\)`,
  'giu',
);

const HUNGARIAN_TYPE: Readonly<Record<string, ActType>> = {
  kerethatározat: 'framework-decision',
  irányelv: 'directive',
  rendelet: 'regulation',
  határozat: 'decision',
};

// groups: 1 separator, NUMBERING's 2..6
const CONTINUATION_RE = new RegExp(`(${LIST_SEPARATOR})${NUMBERING}`, 'iuy');

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

function findNameAfter(text: string, out: Reference[]): void {
  NAME_AFTER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_AFTER_RE.exec(text)) !== null) {
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
    out.push({ start: m.index, end, text: m[0], ...actIdentity(type, p.year, p.number) });
  }
}

function findNameThenParen(text: string, out: Reference[]): void {
  NAME_THEN_PAREN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_THEN_PAREN_RE.exec(text)) !== null) {
    const type = actTypeOf(m);
    const a = m[5] ?? '';
    const b = m[6] ?? '';
    const p = interpret(type, { qualifier: undefined, mark: undefined, a, b, family: m[7] });
    if (!p) continue;
    const body = `${a}/${b}/${m[7] ?? ''}`;
    const close = m.index + m[0].length;
    const start = text.lastIndexOf(body, close);
    if (start < m.index) continue;
    out.push({ start, end: start + body.length, text: body, ...actIdentity(type, p.year, p.number) });
  }
}

export function findActs(text: string): Reference[] {
  const out: Reference[] = [];
  findNameAfter(text, out);
  findNameThenParen(text, out);
  ACT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACT_RE.exec(text)) !== null) {
    const type = actTypeOf(m);
    const head = numberingOf(m, 5);
    const parsed = interpret(type, head);
    if (!parsed) {
      // let the scan continue just after the name
      ACT_RE.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index;
    let end = start + m[0].length;
    out.push({ start, end, text: m[0], ...actIdentity(type, parsed.year, parsed.number) });
    const newStyle = head.a.length === 4 && Number(head.a) >= 2015 && !head.mark;

    // Enumerations: "Regulations (EU) 2018/1240 and (EU) 2018/1241", "Directives 2014/41/EU and 2011/99/EU".
    for (let i = 0; i < 50; i++) {
      CONTINUATION_RE.lastIndex = end;
      const c = CONTINUATION_RE.exec(text);
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
      out.push({
        start: cStart,
        end: cEnd,
        text: text.slice(cStart, cEnd),
        ...actIdentity(type, p.year, p.number),
      });
      end = cEnd;
    }
    ACT_RE.lastIndex = end;
  }
  return out;
}
export { ACT_RE, NAME_AFTER_RE, NAME_THEN_PAREN_RE, CONTINUATION_RE }; // added for tests/unit/references/equivalence.test.ts
