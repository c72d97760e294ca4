/**
 * The benchmark's pages and the one regular expression the peers and the floor use.
 * Generated pages are deterministic (a seeded PRNG), shaped like EUR-Lex's HTML rendition
 * (`<p class="oj-normal">` in a document container), and either dense with references or free of
 * them (but not of digits: articles, dates and amounts, as in real legal text).
 */
import { readFileSync } from 'node:fs';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../shared-dir';

/**
 * An approximation of Eurefs' grammar for mark.js, findAndReplaceDOMText and the floor:
 * COM/JOIN/SWD/SEC/C documents, Directive/Regulation/Decision acts (both numbering schemes),
 * and procedure numbers. Plain English, no Unicode property escapes: the peers get the cheapest
 * fair pattern, so the comparison flatters them rather than Eurefs.
 */
export const PATTERN_SOURCE = [
  String.raw`\b(?:COM|JOIN|SWD|SEC|C)\s*\(\s*\d{2,4}\s*\)\s*\d{1,5}(?:\s*final)?`,
  String.raw`\b(?:Directive|Regulation|Decision)\s+(?:\((?:EU|EC|EU, Euratom)\)\s+)?(?:No\s+)?\d{2,4}\/\d{1,4}(?:\/(?:EU|EC|EEC|JHA|CFSP))?`,
  String.raw`\b(?:19|20)\d\d\/\d{1,4}\s*\(\s*(?:COD|CNS|APP|NLE)\s*\)`,
].join('|');
export const PATTERN_FLAGS = 'g';

export interface BenchPage {
  name: string;
  url: string;
  /** paragraphs generated (for the real page: its <p> count, filled in by the bench) */
  paragraphs: number;
  kind: 'real' | 'dense' | 'none';
  html: () => string;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function denseParagraph(i: number, r: () => number): string {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const y = int(2001, 2024);
  const n = int(1, 999);
  const n2 = int(1, 2200);
  const old = int(85, 99);
  switch (i % 4) {
    case 0:
      return `Having regard to the proposal from the European Commission (COM(${y}) ${n} final), and to Regulation (EU) ${y}/${n2} of the European Parliament and of the Council<a href="#ntr${i}" class="oj-note-tag">(${(i % 99) + 1})</a>, the Member States shall apply the measures referred to in Article ${int(1, 80)}.`;
    case 1:
      return `Directive (EU) ${y}/${n} amends Directive ${old}/${int(1, 90)}/EC and Council Decision ${int(2002, 2014)}/${int(100, 999)}/JHA; the co-legislators reached agreement in procedure ${y}/${String(n).padStart(4, '0')}(COD) on ${int(1, 28)} ${MONTHS[int(0, 11)]} ${y}.`;
    case 2:
      return `The impact assessment (SWD(${y}) <b>${n}</b> final) and the opinion of the Regulatory Scrutiny Board (SEC(${y}) ${int(1, 500)} final) accompany the joint communication JOIN(${y}) ${int(1, 60)} final.`;
    default:
      return `Article ${int(1, 90)} of Regulation (EC) No ${n}/${int(1999, 2014)} shall apply from ${int(1, 28)} ${MONTHS[int(0, 11)]} ${y}, as laid down in Commission Decision C(${y}) ${int(1000, 9999)} final.`;
  }
}

function plainParagraph(i: number, r: () => number): string {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  switch (i % 4) {
    case 0:
      return `Article ${int(1, 90)}(${int(1, 9)}) applies from ${int(1, 28)} ${MONTHS[int(0, 11)]} ${int(2001, 2030)}; the Member States shall notify the Commission of the measures within ${int(2, 36)} months<a href="#ntr${i}" class="oj-note-tag">(${(i % 99) + 1})</a>.`;
    case 1:
      return `The financial envelope for the implementation of the programme for the period 2021 to 2027 shall be EUR ${int(1, 999)} ${String(int(0, 999)).padStart(3, '0')} ${String(int(0, 999)).padStart(3, '0')} in current prices, of which ${int(1, 60)} % for the actions referred to in point (<b>${'abcdef'[i % 6]}</b>).`;
    case 2:
      return `In accordance with paragraph ${int(1, 9)}, the authority shall take a decision within ${int(5, 90)} working days and inform the applicant; where that period is extended, by no more than ${int(5, 30)} days, it shall give reasons.`;
    default:
      return `Providers shall keep the logs for a period of at least ${int(2, 10)} years and report serious incidents no later than ${int(2, 15)} days after they become aware of them, in line with the template set out in Annex ${['I', 'II', 'III', 'IV', 'VII'][i % 5]}.`;
  }
}

export function generatedHtml(paragraphs: number, dense: boolean): string {
  const r = prng(paragraphs * 2 + (dense ? 1 : 0));
  const parts: string[] = [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Eurefs bench: ${paragraphs} paragraphs${dense ? ', dense' : ', no references'}</title></head><body><div id="document1"><div class="eli-container">`,
  ];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) parts.push(`<p class="oj-ti-art">Article ${i / 50 + 1}</p>`);
    parts.push(`<p class="oj-normal">${dense ? denseParagraph(i, r) : plainParagraph(i, r)}</p>`);
  }
  parts.push('</div></div></body></html>');
  return parts.join('\n');
}

export function benchPages(sizes: number[]): BenchPage[] {
  const pages: BenchPage[] = [];
  if (HAVE_FIXTURES) {
    pages.push({
      name: 'eurlex-52021PC0206 (AI Act proposal, 717 KB)',
      url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52021PC0206',
      paragraphs: 0,
      kind: 'real',
      html: () => readFileSync(`${FIXTURES_DIR}/52021PC0206-EN-proposal-body.html`, 'utf8'),
    });
  } else {
    console.warn(`[bench] the real EUR-Lex page is ${NO_FIXTURES}`);
  }
  // A short page with no references (a news item, a search form): what Eurefs costs a page it
  // has nothing to show on, the fixed cost of the content script.
  pages.push({
    name: 'generated 30 paragraphs, no references',
    url: 'https://eur-lex.europa.eu/eurefs-bench/p30-none.html',
    paragraphs: 30,
    kind: 'none',
    html: () => generatedHtml(30, false),
  });
  for (const size of sizes) {
    for (const dense of [true, false]) {
      pages.push({
        name: `generated ${size.toLocaleString('en')} paragraphs, ${dense ? 'dense' : 'no references'}`,
        url: `https://eur-lex.europa.eu/eurefs-bench/p${size}-${dense ? 'dense' : 'none'}.html`,
        paragraphs: size,
        kind: dense ? 'dense' : 'none',
        html: () => generatedHtml(size, dense),
      });
    }
  }
  return pages;
}
