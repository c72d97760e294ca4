/**
 * The texts the grammar benchmark runs the grammar on: the text blocks the content script would
 * hand the grammar on the EUR-Lex fixtures (its own collector and prefilter, over a linkedom DOM),
 * and the five progress reports' paragraphs that pass the same prefilter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { collectTextBlocks, MAY_HOLD_REFERENCE } from '../../in-page/marks/text-blocks';
import { FIXTURES_DIR, HAVE_FIXTURES, HAVE_REPORTS, NO_FIXTURES, NO_REPORTS, REPORTS_DIR } from '../shared-dir';

/** The blocks of one HTML page that pass the prefilter, as the content script collects them. */
function pageBlocks(html: string): string[] {
  const { document, window } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  // text-blocks.ts reads the DOM's node type constants from the global Node, as in a browser
  const g = globalThis as { Node?: unknown };
  if (!g.Node) g.Node = (window as unknown as { Node: unknown }).Node;
  const root = (document.body ?? document.documentElement) as unknown as Node;
  return collectTextBlocks(root, 'eurefs-host').map((b) => b.text);
}

/** File name → the texts the grammar sees for it, in page order. */
export function loadGrammarCorpus(): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  if (!HAVE_FIXTURES) console.warn(`[grammar corpus] the fixture pages are ${NO_FIXTURES}`);
  for (const file of HAVE_FIXTURES ? readdirSync(FIXTURES_DIR).sort() : []) {
    if (file.endsWith('.html')) blocks.set(file, pageBlocks(readFileSync(join(FIXTURES_DIR, file), 'utf8')));
  }
  if (!HAVE_REPORTS) console.warn(`[grammar corpus] the reports are ${NO_REPORTS}`);
  for (const file of HAVE_REPORTS ? readdirSync(REPORTS_DIR).sort() : []) {
    if (!file.endsWith('.txt')) continue;
    // A plain-text report has no blocks: each line (a paragraph) stands in for one.
    const paragraphs = readFileSync(join(REPORTS_DIR, file), 'utf8').split('\n');
    blocks.set(file, paragraphs.filter((t) => MAY_HOLD_REFERENCE.test(t)));
  }
  return blocks;
}
