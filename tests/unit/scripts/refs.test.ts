import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../scripts/html-text';

const root = new URL('../../../', import.meta.url).pathname;

function refs(...files: string[]): Record<string, unknown>[] {
  const out = execFileSync('node', ['--import', 'tsx', 'scripts/refs.ts', ...files], { cwd: root, encoding: 'utf8' });
  return out.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run refs', () => {
  it('prints one JSON line per reference with offsets into the file and the status where tracked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refs-'));
    const text = 'The ETIAS proposal COM(2016) 731 final became Regulation (EU) 2018/1240.\nSee also COM(2099) 12 final.';
    const file = join(dir, 'note.txt');
    writeFileSync(file, text);
    const rows = refs(file);
    expect(rows.map((r) => r.id)).toEqual(['COM(2016) 731', '32018R1240', 'COM(2099) 12']);
    for (const row of rows) {
      expect(text.slice(row.start as number, row.end as number)).toBe(row.text);
      expect(row.file).toBe(file);
    }
    expect(rows[1]).toMatchObject({ type: 'regulation', year: 2018, number: '1240', celex: '32018R1240' });
    expect(rows[2]).not.toHaveProperty('status');
  });

  it('reads HTML as a browser shows it: no markup, entities decoded, blocks apart', () => {
    const text = htmlToText('<p>COM(2017)&nbsp;<b>793</b> final</p><script>COM(2017) 794</script><p>2017/541</p>');
    expect(text).toBe('\nCOM(2017)\u00a0793 final\n\n2017/541\n');
  });
});
