import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeId, findReferences, parseReference } from '../../../references';

const pieces = fc.constantFrom(
  'COM', 'KOM', 'JOIN', 'SWD', 'SEC', 'C', '(', ')', '/', ':', ' ', '\n', '\u00a0', '\u202f', 'final', '/2', ',',
  ' and ', 'Directive', 'Regulation', 'Decision', 'Framework', '(EU)', '(EC)', 'No', 'Nr.', '/EU', '/JHA',
  '(COD)', 'COD', 'CELEX:', '32016R0679', '52017PC0793', '/eli/dir/', '/oj', '2017', '95', '0351', '793', '46', '2',
  'é', 'ß', '😀', '\u0000',
);
const soup = fc.array(fc.oneof(pieces, fc.string(), fc.integer({ min: 0, max: 99999 }).map(String)), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), soup);

describe('properties', () => {
  it('never throws, and offsets point at the reported text, sorted and non-overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const refs = findReferences(text);
        let last = 0;
        for (const r of refs) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(text.slice(r.start, r.end)).toBe(r.text);
          expect(describeId(r.id)).not.toBeNull();
          last = r.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a reference the same way inside any surrounding text', () => {
    fc.assert(
      fc.property(fc.constantFrom('COM(2017) 793 final', 'Directive (EU) 2017/541', '2017/0351(COD)', 'Regulation (EC) No 767/2008'), fc.constantFrom('', ' ', 'see ', '(', '; '), fc.constantFrom('', '.', ' ', ')', ', and more'), (ref, before, after) => {
        const refs = findReferences(before + ref + after);
        expect(refs).toHaveLength(1);
        expect(refs[0]?.start).toBe(before.length);
      }),
    );
  });

  const year = fc.integer({ min: 1958, max: 2099 });
  const docNumber = fc.integer({ min: 1, max: 99999 }).map(String);
  const docId = fc.tuple(fc.constantFrom('COM', 'JOIN', 'SEC', 'SWD', 'C'), year, docNumber).map(([p, y, n]) => `${p}(${y}) ${n}`);
  const actId = fc
    .tuple(fc.constantFrom('L', 'R', 'D', 'F'), fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 9999 }))
    .map(([l, y, n]) => `3${y}${l}${String(n).padStart(4, '0')}`);
  const procId = fc
    .tuple(fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('', 'A', 'B'), fc.constantFrom('COD', 'CNS', 'APP', 'NLE', 'INI', 'BUD', 'DEC', 'INL', 'RSP'))
    .map(([y, n, s, t]) => `${y}/${String(n).padStart(4, '0')}${s}(${t})`);

  it('parseReference(id).id === id for canonical ids', () => {
    fc.assert(
      fc.property(fc.oneof(docId, actId, procId), (id) => {
        expect(parseReference(id)?.id).toBe(id);
        expect(describeId(id)).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('describeId and the found reference agree', () => {
    fc.assert(
      fc.property(fc.oneof(docId, actId, procId), (id) => {
        const r = parseReference(id);
        const d = describeId(id);
        expect(d && r && { type: d.type, year: d.year, number: d.number, url: d.url, celex: d.celex }).toEqual(
          r && { type: r.type, year: r.year, number: r.number, url: r.url, celex: r.celex },
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on a long text', () => {
    const text = 'See COM(2017) 793 final, Directive (EU) 2017/541 and 2017/0351(COD) on 12/05/2017. '.repeat(5000);
    const t0 = performance.now();
    expect(findReferences(text)).toHaveLength(15000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
