import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../scripts/html-text';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../../scripts/shared-dir';

const root = new URL('../../../', import.meta.url).pathname;

function run(...args: string[]): string {
  return execFileSync('node', ['--import', 'tsx', 'scripts/refs.ts', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
}
function refs(...files: string[]): Record<string, unknown>[] {
  return run(...files).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}
function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'refs-')), name);
  writeFileSync(file, text);
  return file;
}
/** What a browser gives as the page's text (jsdom parses as browsers do). */
const bodyText = (html: string) => new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document.body.textContent ?? '';

if (!HAVE_FIXTURES) console.warn(`[refs] real EUR-Lex pages: ${NO_FIXTURES}`);

describe('npm run refs', () => {
  it('prints one JSON line per reference with offsets into the file and the status where tracked', () => {
    const text = 'The ETIAS proposal COM(2016) 731 final became Regulation (EU) 2018/1240.\nSee also COM(2099) 12 final.';
    const file = write('note.txt', text);
    const rows = refs(file);
    expect(rows.map((r) => r.id)).toEqual(['COM(2016) 731', '32018R1240', 'COM(2099) 12']);
    for (const row of rows) {
      expect(text.slice(row.start as number, row.end as number)).toBe(row.text);
      expect(row.file).toBe(file);
    }
    expect(rows[1]).toMatchObject({ type: 'regulation', year: 2018, number: '1240', celex: '32018R1240' });
    expect(rows[2]).not.toHaveProperty('status');
  });

  it('gives a Commission document the dataset knows its CELEX number and address, as the popover does', () => {
    const [etias, unknown] = refs(write('etias.txt', 'COM(2016) 731 final and COM(2099) 12 final'));
    expect(etias).toMatchObject({ id: 'COM(2016) 731', celex: '52016PC0731', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52016PC0731', status: 'adopted' });
    expect(unknown).not.toHaveProperty('celex');
    expect(unknown).toMatchObject({ url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2099:12:FIN' });
  });

  it('gives offsets in HTML into the text a browser gives as document.body.textContent', () => {
    const html =
      '<!doctype html><html><head><title>COM(2017) 1 final</title></head><body>\n<p>See COM(2017)&nbsp;<b>793</b> final</p>' +
      '<script>var x = "COM(2017) 794";</script><ul><li>Directive 95/46/EC</li><li>Regulation (EU)\n2016/679</li></ul></body></html>';
    const text = bodyText(html);
    const rows = refs(write('page.html', html));
    expect(rows.map((r) => r.id)).toEqual(['COM(2017) 793', '31995L0046', '32016R0679']);
    for (const row of rows) expect(text.slice(row.start as number, row.end as number)).toBe(row.text);
  });

  it.skipIf(!HAVE_FIXTURES)('points every reference on a real EUR-Lex page at its text in textContent', () => {
    const file = join(FIXTURES_DIR, '52021PC0206-EN-proposal-body.html');
    const text = bodyText(readFileSync(file, 'utf8'));
    const rows = refs(file);
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.filter((row) => text.slice(row.start as number, row.end as number) !== row.text)).toEqual([]);
  });

  it('writes CSV for a spreadsheet, the status in the popover’s words', () => {
    const out = run('--format', 'csv', write('note.txt', 'COM(2016) 731 final; =COM(2099) 12 final'));
    const [header, ...rows] = Papa.parse<string[]>(out, { newline: '\r\n', skipEmptyLines: true }).data;
    expect(header).toEqual(['file', 'start', 'end', 'text', 'type', 'year', 'number', 'id', 'celex', 'url', 'status', 'status_since', 'status_as_of']);
    expect(rows.map((r) => [r[3], r[7], r[8], r[10]])).toEqual([
      ['COM(2016) 731 final', 'COM(2016) 731', '52016PC0731', 'adopted'],
      ['COM(2099) 12 final', 'COM(2099) 12', '', 'no tracked status'],
    ]);
  });

  it('sums up documents and mentions per status', () => {
    const out = run('--summary', write('note.txt', 'COM(2016) 731 final, again COM(2016) 731, and COM(2099) 12 final'));
    expect(out.split('\n')).toEqual([
      'status             documents  mentions',
      'adopted                    1         2',
      'no tracked status          1         1',
      '',
    ]);
    const csv = run('--summary', '--format=csv', write('note.txt', 'COM(2016) 731 final'));
    expect(csv).toBe('status,documents,mentions\r\nadopted,1,1\r\n');
  });

  it('says how to call it when called wrong', () => {
    expect(() => execFileSync('node', ['--import', 'tsx', 'scripts/refs.ts', '--format', 'xml', 'x.txt'], { cwd: root, stdio: 'pipe' })).toThrow(/json or csv/);
  });

  it('reads HTML for the golden record as a reader sees it: no markup, entities decoded, blocks apart', () => {
    const text = htmlToText('<p>COM(2017)&nbsp;<b>793</b> final</p><script>COM(2017) 794</script><p>2017/541</p>');
    expect(text).toBe('\nCOM(2017)\u00a0793 final\n\n2017/541\n');
  });
});
