import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactLayout, datasetLayout, exactLayout, LOOSE, type DatasetLayout } from '../../../../storage/import/json-layout';
import { bundledDataset } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Each document the layout found, parsed from its bytes alone. */
function parts(bytes: Uint8Array, layout: DatasetLayout): unknown[] {
  return layout.starts.map((start, i) => JSON.parse(decode(bytes.subarray(start, layout.ends[i]))) as unknown);
}

/** Reads a layout as the dataset reader does: null or a SyntaxError mean "not this way". */
function attempt(layoutOf: (bytes: Uint8Array) => DatasetLayout | null, bytes: Uint8Array): { documents: unknown[]; head: unknown } | null {
  try {
    const layout = layoutOf(bytes);
    return layout ? { documents: parts(bytes, layout), head: layout.head } : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

const { documents, ...head } = bundledDataset();

describe('finding the parts of a dataset file', () => {
  it('finds every document of a compact file without reading every byte, and the fields around them', () => {
    const bytes = encode(JSON.stringify({ ...head, documents }));
    const layout = compactLayout(bytes)!;
    expect(layout.starts).toHaveLength(documents.length);
    expect(parts(bytes, layout)).toEqual(documents);
    expect(layout.head).toEqual(head);
  });

  it('reads a pretty-printed file, with a mark on each document that has white space in it, the exact way only', () => {
    const bytes = encode(JSON.stringify({ documents, ...head }, null, 2));
    expect(compactLayout(bytes)).toBeNull();
    const layout = exactLayout(bytes)!;
    expect(parts(bytes, layout)).toEqual(documents);
    expect(layout.head).toEqual(head);
    expect([...layout.flags].every((flag) => flag & LOOSE)).toBe(true);
    expect(datasetLayout(bytes)!.starts).toEqual(layout.starts);
  });

  it('is not misled by strings that look like the structure, in either layout', () => {
    const tricky = fc.constantFrom('},{"id":', '"documents":[', '}]}', '\\', '\\"', '{', '[', ']', '}', ',', ':', 'é', '“', '\u2028', '𝒳', '"', ' ');
    const text = fc.array(fc.oneof(tricky, fc.string()), { maxLength: 6 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ id: text, title: text, events: fc.array(fc.record({ label: text }), { maxLength: 2 }) }), { maxLength: 5 }), text, (docs, version) => {
        const value = { schemaVersion: 2, version, reports: [{ id: version, note: '"documents":[' }], documents: docs };
        for (const bytes of [encode(JSON.stringify(value)), encode(JSON.stringify(value, null, 1)), encode(`\ufeff ${JSON.stringify(value)}\n`)]) {
          const exact = attempt(exactLayout, bytes);
          expect(exact).toEqual({ documents: docs, head: { schemaVersion: 2, version, reports: value.reports } });
          const compact = attempt(compactLayout, bytes);
          if (compact) expect(compact).toEqual(exact);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives up the compact way, and never finds the wrong parts, where the file is laid out otherwise', () => {
    const docs = [{ id: 'a', aliases: [{ x: 1 }, { id: 2 }] }, { title: 'no id first', id: 'b' }, { id: 'c' }];
    const cases = [
      JSON.stringify({ schemaVersion: 2, documents: docs, version: 'v' }), // documents not last
      JSON.stringify({ schemaVersion: 2, version: 'v', documents: docs }), // a document whose id is not first
      JSON.stringify({ schemaVersion: 2, reports: [{ documents: [1] }], version: 'v', documents: docs }), // "documents" below the top
    ];
    for (const text of cases) {
      const bytes = encode(text);
      expect(attempt(compactLayout, bytes)?.documents ?? docs).toEqual(docs);
      expect(attempt(exactLayout, bytes)!.documents).toEqual(docs);
    }
  });

  it('finds nothing in what is not a dataset laid out as an object with a list of documents', () => {
    for (const text of ['', '[]', '{}', 'null', '{"documents": 5}', '{"version":"v"}', '{"documents":[{"id":"a"}]', '{"documents":[{"id":"a"},]}', '{"documents":[{"id":"a"}]} x', '{"documents":[{"id":"a"}] "v":1}']) {
      expect(attempt(exactLayout, encode(text)), text).toBeNull();
      expect(attempt(compactLayout, encode(text)), text).toBeNull();
    }
    // Broken inside a document: found, and its JSON.parse says no.
    const broken = encode('{"version":"v","documents":[{"id":"a"},{"id":"b",}]}');
    expect(attempt(exactLayout, broken)).toBeNull();
    expect(attempt(compactLayout, broken)).toBeNull();
  });
});
