import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlPageText } from '../../../scripts/html-text';

describe('htmlPageText', () => {
  const html = '<body><p>One <i>COM(2017)</i> 793</p><script>COM(1) 2</script><div>two<p>2017/541</p>tail 1/2</div></body>';

  it('is document.body.textContent, script text and all', () => {
    const expected = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document.body.textContent;
    expect(htmlPageText(html).text).toBe(expected);
  });

  it('reads the blocks the page scanner reads, each mapped back into that text', () => {
    const { text, blocks } = htmlPageText(html);
    expect(blocks.map((b) => b.text)).toEqual(['One COM(2017) 793', '2017/541', 'tail 1/2']);
    for (const block of blocks) {
      for (let i = 0; i < block.text.length; i++) expect(text[block.at(i)]).toBe(block.text[i]);
    }
  });

  it('leaves the global Node as it found it', () => {
    htmlPageText(html);
    expect('Node' in globalThis).toBe(false);
  });
});
