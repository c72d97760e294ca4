import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs, run } from '../../../scripts/draft';
import { HAVE_REPORTS, REPORTS_DIR } from '../../../scripts/shared-dir';
import { prepareImport } from '../../../storage/import/pipeline';
import { validateDataset } from '../../../storage/import/validate';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run draft', () => {
  it('reads its options', () => {
    expect(parseArgs(['a.txt', '--base', 'b.json', '--out', 'o.json', '--report', '15=COM(2018) 470@2018-06-13'])).toEqual({
      files: ['a.txt'], base: 'b.json', out: 'o.json', given: new Map([[15, { id: 'COM(2018) 470', date: '2018-06-13' }]]),
    });
    expect(parseArgs([])).toBe('no report file given');
    expect(parseArgs(['a', '--report', '15'])).toMatch(/ORDINAL=ID@YYYY-MM-DD/);
  });
  it('writes a draft the import validator accepts and prints the review table to stderr', async () => {
    dir = mkdtempSync(join(tmpdir(), 'draft-'));
    const report = join(dir, 'r.txt');
    writeFileSync(report, 'This is the eighteenth report on the progress made.\nOn 12 June 2018, the Council adopted its general approach on COM(2017) 489 final.\n');
    const out = join(dir, 'draft.json');
    const err: string[] = [];
    const code = await run([report, '--out', out, '--report', '18=COM(2019) 145@2019-03-20'], { err: (s) => err.push(s), out: () => {} });
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const checked = await validateDataset(written);
    expect(checked.errors).toEqual([]);
    // the options page's import reads the file's bytes the same way
    const prepared = await prepareImport(new Uint8Array(readFileSync(out)), { name: 'draft.json' });
    expect([prepared.format, prepared.errorCount, prepared.dataset?.documents.length]).toEqual(['json', 0, 1]);
    expect(written.documents.find((d: { id: string }) => d.id === 'COM(2017) 489').events[0].date).toBe('2018-06-12');
    expect(err.join('')).toMatch(/COM\(2017\) 489\s+in-negotiation\s+2018-06-12\s+0\.\d\d\s+On 12 June 2018, the Council/);
  });
  it.skipIf(!HAVE_REPORTS)('drafts from the thirteenth report alone, which prints its own number and date', async () => {
    const { readdirSync } = await import('node:fs');
    const file = readdirSync(REPORTS_DIR).map((f) => join(REPORTS_DIR, f)).find((f) => readFileSync(f, 'utf8').includes('This is the thirteenth'))!;
    let text = '';
    const code = await run([file], { err: () => {}, out: (s) => (text += s) });
    expect(code).toBe(0);
    const checked = await validateDataset(JSON.parse(text));
    expect(checked.errorCount).toBe(0);
    expect(checked.dataset!.reports.map((r) => r.id)).toEqual(['COM(2018) 46']);
  });
  it('writes a draft that refs --dataset reads the statuses from, instead of the bundled dataset', async () => {
    dir = mkdtempSync(join(tmpdir(), 'draft-'));
    const report = join(dir, 'r.txt');
    writeFileSync(report, 'This is the eighteenth report.\nOn 5 February 2019, the European Parliament and the Council reached a provisional agreement on COM(2099) 12 final.\n');
    const out = join(dir, 'draft.json');
    expect(await run([report, '--out', out, '--report', '18=COM(2019) 145@2019-03-20'], { err: () => {}, out: () => {} })).toBe(0);
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'See COM(2099) 12 final.');
    const root = join(import.meta.dirname, '..', '..', '..');
    const lines = execFileSync('node', ['--import', 'tsx', 'scripts/refs.ts', '--dataset', out, page], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([{ id: 'COM(2099) 12', status: 'provisional-agreement', statusSince: '2019-02-05', statusAsOf: 'COM(2019) 145' }]);
    const bundled = execFileSync('node', ['--import', 'tsx', 'scripts/refs.ts', page], { cwd: root, encoding: 'utf8' }).trim();
    expect(JSON.parse(bundled).status).toBeUndefined();
  });
  it('fails, saying why, on a report it cannot place', async () => {
    dir = mkdtempSync(join(tmpdir(), 'draft-'));
    writeFileSync(join(dir, 'x.txt'), 'Nothing here.');
    const err: string[] = [];
    expect(await run([join(dir, 'x.txt')], { err: (s) => err.push(s), out: () => {} })).toBe(1);
    expect(err.join('')).toMatch(/cannot tell which report/);
  });
});
