import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, looksLikeHtml, readEurLexHtml } from '../../../drafter/html-report';
import { FIXTURES_DIR, HAVE_FIXTURES, NO_FIXTURES } from '../../../scripts/shared-dir';

const SAMPLE = `<!DOCTYPE html><html><head><style>p{}</style></head><body>
<p class="li ManualHeading1"><span class="num">1.</span><span>CONTEXT</span></p>
<p class="Normal"><span>The Commission proposed the Regulation on 12&nbsp;September 2018</span><span class="FootnoteReference"><a class="footnoteRef" id="footnoteref2" href="#footnote2">1</a></span><span>. It is urgent.</span></p>
<dl><dd id="footnote2"><span class="num"><a class="footnote" href="#footnoteref2">(1)</a></span><span>COM(2018) 640 final &amp; annex.</span></dd></dl>
</body></html>`;

describe('readEurLexHtml', () => {
  it('reads paragraphs, headings, footnote calls and footnote texts without markup', () => {
    expect(looksLikeHtml(SAMPLE)).toBe(true);
    const { blocks } = readEurLexHtml(SAMPLE);
    expect(blocks).toEqual([
      { kind: 'heading', text: '1.CONTEXT' },
      { kind: 'paragraph', text: 'The Commission proposed the Regulation on 12 September 2018. It is urgent.', calls: [{ number: 1, at: 59 }] },
      { kind: 'footnote', number: 1, text: 'COM(2018) 640 final & annex.' },
    ]);
  });
  it('decodes named and numeric entities', () => {
    expect(decodeEntities('a&#233;&#x20AC;&lt;&bogus;')).toBe('aé€<&bogus;');
  });
  it.skipIf(!HAVE_FIXTURES)('reads the real EUR-Lex rendition of COM(2021) 206 with its footnotes', () => {
    const file = join(FIXTURES_DIR, '52021PC0206-EN-proposal-body.html');
    if (!existsSync(file)) return void console.log(NO_FIXTURES);
    const { blocks } = readEurLexHtml(readFileSync(file, 'utf8'));
    const notes = blocks.filter((b) => b.kind === 'footnote');
    expect(notes.length).toBeGreaterThan(50);
    expect(notes[1]!.text).toContain('COM(2020) 65 final');
    expect(blocks.some((b) => b.text.includes('COM(2021) 206 final'))).toBe(true);
    expect(blocks.every((b) => !/<[a-z]/i.test(b.text))).toBe(true);
    const calls = blocks.flatMap((b) => b.calls ?? []).map((c) => c.number);
    expect(calls.slice(0, 3)).toEqual([1, 2, 3]);
  });
});
