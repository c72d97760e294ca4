import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../references';
import { HAVE_REPORTS as present, NO_REPORTS, REPORTS_DIR as seeds } from '../../../scripts/shared-dir';

/**
 * Gold list of every reference in the five Security Union progress reports (ids and offsets),
 * checked by reading the reports. Spans start at the act's name ("Council" left out).
 */
interface Gold {
  file: string;
  start: number;
  end: number;
  id: string;
}

const goldFile = join(__dirname, '../../data/report-references.json');
if (!present) console.warn(`[references] references in the progress reports: ${NO_REPORTS}`);

describe.skipIf(!present)('references in the progress reports', () => {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold[];
  const files = [...new Set(gold.map((g) => g.file))].sort();

  it('covers the five reports', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('%s: finds exactly the gold references', (file) => {
    const text = readFileSync(join(seeds, file), 'utf8');
    const key = (r: { start: number; end: number; id: string }) => `${r.start}-${r.end} ${r.id}`;
    const want = gold.filter((g) => g.file === file).map(key);
    const got = findReferences(text).map(key);
    const wantSet = new Set(want);
    const gotSet = new Set(got);
    const missed = want.filter((k) => !gotSet.has(k));
    const extra = got.filter((k) => !wantSet.has(k));
    expect({ missed, extra }).toEqual({ missed: [], extra: [] });
  });

  it('recall and precision over all reports', () => {
    let tp = 0;
    let found = 0;
    for (const file of files) {
      const text = readFileSync(join(seeds, file), 'utf8');
      const want = new Set(gold.filter((g) => g.file === file).map((g) => `${g.start}-${g.end} ${g.id}`));
      const got = findReferences(text);
      found += got.length;
      tp += got.filter((r) => want.has(`${r.start}-${r.end} ${r.id}`)).length;
    }
    const recall = tp / gold.length;
    const precision = found ? tp / found : 1;
    console.info(`[references] reports: ${gold.length} gold, ${found} found, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
    expect(recall).toBe(1);
    expect(precision).toBe(1);
  });
});
