import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReportFiles } from '../../../scripts/build-seeds';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('staleReportFiles', () => {
  it('names the report files that differ, are missing or are left over', () => {
    dir = mkdtempSync(join(tmpdir(), 'reports-'));
    const built = new Map([
      ['COM-2017-779.json', '{"id":"COM(2017) 779"}\n'],
      ['COM-2018-46.json', '{"id":"COM(2018) 46"}\n'],
      ['COM-2018-211.json', '{"id":"COM(2018) 211"}\n'],
    ]);
    writeFileSync(join(dir, 'COM-2017-779.json'), '{"id":"COM(2017) 779"}\n');
    writeFileSync(join(dir, 'COM-2018-46.json'), '{"id":"old"}\n');
    writeFileSync(join(dir, 'COM-2016-1.json'), '{}\n');
    expect(staleReportFiles(built, dir)).toEqual(['COM-2016-1.json', 'COM-2018-211.json', 'COM-2018-46.json']);
    writeFileSync(join(dir, 'COM-2018-46.json'), '{"id":"COM(2018) 46"}\n');
    writeFileSync(join(dir, 'COM-2018-211.json'), '{"id":"COM(2018) 211"}\n');
    rmSync(join(dir, 'COM-2016-1.json'));
    expect(staleReportFiles(built, dir)).toEqual([]);
  });
});
