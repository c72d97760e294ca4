import { describe, expect, it } from 'vitest';
import { compareFiles } from '../../../scripts/check-sources-zip';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([path, text]) => [path, new TextEncoder().encode(text)]));

describe('comparing the shipped add-on with the one the sources rebuild', () => {
  it('finds nothing to say when every file is the same', () => {
    expect(compareFiles(files({ 'manifest.json': '{}', 'a.js': 'x' }), files({ 'a.js': 'x', 'manifest.json': '{}' }))).toEqual([]);
  });

  it('names each file that differs, is missing, or is new', () => {
    expect(compareFiles(files({ 'manifest.json': '{}', 'a.js': 'x', 'b.js': 'y' }), files({ 'manifest.json': '{ }', 'a.js': 'x', 'c.js': 'z' }))).toEqual([
      'manifest.json: differs (2 bytes shipped, 3 rebuilt)',
      'b.js: missing from the rebuilt add-on',
      'c.js: only in the rebuilt add-on',
    ]);
  });
});
