import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { foundTextAt, markBlock, textAt } from '../../../../in-page/marks/mark';
import { blockNodes, collectTextBlocks } from '../../../../in-page/marks/text-blocks';
import { installPageDom } from '../scanner/page-dom';

beforeAll(installPageDom);

const HOST = 'eurefs-popover';

describe('where a found reference starts, before its block is marked', () => {
  it('is where marking would find it, at every offset of blocks of one, two and many nodes', () => {
    const { document } = parseHTML(
      '<html><body><p>COM(2017) 793 final</p><p>See <i>COM(2017)</i></p><p>In COM(2017) <b>793</b> final, <i>see</i> SWD(2017) <b>4</b>.</p></body></html>',
    );
    const blocks = collectTextBlocks(document.body, HOST);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      const nodes = blockNodes(block, HOST)!;
      for (let offset = 0; offset < block.text.length; offset++) {
        expect(foundTextAt(block, offset, HOST)).toEqual(textAt(nodes, offset));
      }
    }
  });

  it('is nowhere once the page has changed the block in the middle', () => {
    const { document } = parseHTML('<html><body><p>In COM(2017) <b>793</b> final, <i>see</i> SWD(2017) 4.</p></body></html>');
    const [block] = collectTextBlocks(document.body, HOST);
    document.querySelector('b')!.firstChild!.textContent = '794';
    const middle = block!.text.indexOf('final');
    expect(foundTextAt(block!, middle, HOST)).toBeNull();
  });
});

describe('marking a block read again', () => {
  it('wraps the references across the page\'s own elements and leaves its text as it was', () => {
    const { document } = parseHTML('<html><body><p>In COM(2017) <b>793</b> final and SWD(2017) 4.</p></body></html>');
    const [block] = collectTextBlocks(document.body, HOST);
    const text = block!.text;
    const first = { start: text.indexOf('COM'), end: text.indexOf(' final') + ' final'.length, id: 'COM(2017) 793' };
    const second = { start: text.indexOf('SWD'), end: text.indexOf(' 4') + 2, id: 'SWD(2017) 4' };
    const marks = markBlock(blockNodes(block!, HOST)!, [first, second]);
    expect(marks.map((made) => made.map((mark) => mark.textContent))).toEqual([['COM(2017) 793 final'], ['SWD(2017) 4']]);
    expect(document.querySelector('p')!.textContent).toBe(text);
    expect(document.querySelector('[data-euref="COM(2017) 793"] b')?.textContent).toBe('793');
  });
});
