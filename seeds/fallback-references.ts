/**
 * A stand-in for `findReferences` (references/index.ts), used by the seed builder only while the
 * real grammar is not there. It knows the spellings the progress reports use and nothing more.
 */
import type { Reference, ReferenceType } from '../references/types';

const ACT_LETTER: Record<string, string> = { directive: 'L', regulation: 'R', decision: 'D', 'framework-decision': 'F' };

function eurlex(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
}

export function fallbackFindReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z])(COM|JOIN|SEC|SWD|C)\s*\(\s*(\d{4})\s*\)\s*0*(\d{1,5})(?![\d/])/g)) {
    const type = m[1]!.toLowerCase() as ReferenceType;
    const id = `${m[1]}(${m[2]}) ${m[3]}`;
    refs.push({
      start: m.index, end: m.index + m[0].length, text: m[0], type, year: Number(m[2]), number: m[3]!, id,
      url: `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=${m[1]}:${m[2]}:${m[3]}:FIN`,
    });
  }
  const act =
    /\b(Council Framework Decision|Framework Decision|Council Decision|Directive|Regulation|Decision)\s+(?:\((?:EU|EC|EU, Euratom)\)\s*)?(?:No\.?\s*)?(\d{2,4})\/(\d{1,4})(?:\/(?:EU|EC|JHA|EEC|CFSP))?(?!\d)/g;
  for (const m of text.matchAll(act)) {
    const word = m[1]!.toLowerCase();
    const type: ReferenceType = word.includes('framework') ? 'framework-decision' : word.includes('decision') ? 'decision' : word === 'directive' ? 'directive' : 'regulation';
    const a = m[2]!;
    const b = m[3]!;
    let year: number;
    let number: string;
    const isYear = (s: string) => s.length === 4 && /^(19|20)\d\d$/.test(s);
    if (isYear(a) && !(type === 'regulation' && isYear(b) && Number(a) < 2015)) {
      year = Number(a);
      number = b;
    } else if (isYear(b)) {
      year = Number(b);
      number = a;
    } else {
      year = Number(a) + (Number(a) > 50 ? 1900 : 2000);
      number = b;
    }
    number = String(Number(number));
    const celex = `3${year}${ACT_LETTER[type]}${number.padStart(4, '0')}`;
    refs.push({ start: m.index, end: m.index + m[0].length, text: m[0], type, year, number, id: celex, celex, url: eurlex(celex) });
  }
  for (const m of text.matchAll(/\b(\d{4})\/(\d{4})\s*\((COD|NLE|CNS|APP|INI|NLE)\)/g)) {
    refs.push({
      start: m.index, end: m.index + m[0].length, text: m[0], type: 'procedure', year: Number(m[1]), number: m[2]!,
      id: `${m[1]}/${m[2]}(${m[3]})`,
      url: `https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=${m[1]}/${m[2]}(${m[3]})`,
    });
  }
  return refs.sort((x, y) => x.start - y.start);
}
