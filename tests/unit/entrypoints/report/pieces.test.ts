import { describe, expect, it } from 'vitest';
import { blockPieces } from '../../../../entrypoints/report/pieces';

const text = (pieces: ReturnType<typeof blockPieces>) =>
  pieces.map((p) => (p.kind === 'call' ? `[${p.number}]` : p.marked ? `<${p.text}>` : p.text)).join('');

describe('a block as the report page renders it', () => {
  it('puts each footnote call after the offset it follows, and the highlight around the quoted words', () => {
    const block = 'The Council adopted its mandate on 8 June 2018. Trilogues started.';
    const start = block.indexOf('adopted');
    const end = block.indexOf('.') + 1;
    const pieces = blockPieces(block, [{ number: 12, at: end }, { number: 3, at: 11 }], { start, end });
    expect(text(pieces)).toBe('The Council[3] <adopted its mandate on 8 June 2018.>[12] Trilogues started.');
  });

  it('keeps a call inside the quoted words, splitting the highlight around it', () => {
    const pieces = blockPieces('abcdef', [{ number: 1, at: 3 }], { start: 1, end: 5 });
    expect(text(pieces)).toBe('a<bc>[1]<de>f');
  });

  it('is the text alone without calls or highlight, and keeps calls at its very start and end', () => {
    expect(blockPieces('plain')).toEqual([{ kind: 'text', text: 'plain', marked: false }]);
    expect(text(blockPieces('ab', [{ number: 2, at: 2 }, { number: 1, at: 0 }]))).toBe('[1]ab[2]');
  });
});
