/**
 * The texts the grammar benchmark and the equivalence test run the grammar on: the text blocks
 * the content script would collect from the EUR-Lex fixtures (through its own collector, over a
 * linkedom DOM), and the five progress reports, by paragraph and whole.
 * `blocks` are what the content script hands the grammar (they pass its prefilter);
 * `all` adds the blocks the prefilter drops, for equivalence checks on more inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { collectTextBlocks, MAY_HOLD_REFERENCE } from '../../entrypoints/content/text-blocks';
import { FIXTURES_DIR, HAVE_FIXTURES, HAVE_REPORTS, NO_FIXTURES, NO_REPORTS, REPORTS_DIR } from '../shared-dir';

export interface GrammarCorpus {
  /** file name → the texts the grammar sees for it, in page order (prefilter passed) */
  blocks: Map<string, string[]>;
  /** every block, every report paragraph, and each report whole (no prefilter) */
  all: string[];
}

/** The blocks of one HTML page, as the content script collects them (prefilter not applied). */
function pageBlocks(html: string): string[] {
  const { document, window } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  // text-blocks.ts reads the DOM's node type constants from the global Node, as in a browser
  const g = globalThis as { Node?: unknown };
  if (!g.Node) g.Node = (window as unknown as { Node: unknown }).Node;
  return collectAll((document.body ?? document.documentElement) as unknown as Node);
}

/** All blocks' text, prefilter or not: the collector's walk, with the prefilter made to pass. */
function collectAll(root: Node): string[] {
  const saved = MAY_HOLD_REFERENCE.test.bind(MAY_HOLD_REFERENCE);
  // The collector filters with MAY_HOLD_REFERENCE.test; shadow it on the instance for one walk
  // so every block comes out, and leave filtering to the caller (text-blocks.ts stays as it is).
  MAY_HOLD_REFERENCE.test = () => true;
  try {
    return collectTextBlocks(root, 'eurefs-host').map((b) => b.text);
  } finally {
    MAY_HOLD_REFERENCE.test = saved;
  }
}

function reportTexts(): Map<string, string> {
  const out = new Map<string, string>();
  if (!HAVE_REPORTS) {
    console.warn(`[grammar corpus] the reports are ${NO_REPORTS}`);
    return out;
  }
  for (const file of readdirSync(REPORTS_DIR).sort()) {
    if (file.endsWith('.txt')) out.set(file, readFileSync(join(REPORTS_DIR, file), 'utf8'));
  }
  return out;
}

export function loadGrammarCorpus(): GrammarCorpus {
  const blocks = new Map<string, string[]>();
  const all: string[] = [];
  if (!HAVE_FIXTURES) console.warn(`[grammar corpus] the fixture pages are ${NO_FIXTURES}`);
  if (HAVE_FIXTURES) {
    for (const file of readdirSync(FIXTURES_DIR).sort()) {
      if (!file.endsWith('.html')) continue;
      const every = pageBlocks(readFileSync(join(FIXTURES_DIR, file), 'utf8'));
      all.push(...every);
      blocks.set(file, every.filter((t) => MAY_HOLD_REFERENCE.test(t)));
    }
  }
  for (const [file, text] of reportTexts()) {
    // A plain-text report has no blocks: each line (a paragraph) stands in for one.
    const paragraphs = text.split('\n');
    all.push(text, ...paragraphs);
    blocks.set(file, paragraphs.filter((t) => MAY_HOLD_REFERENCE.test(t)));
  }
  return { blocks, all };
}
