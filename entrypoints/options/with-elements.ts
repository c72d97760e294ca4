/**
 * A message some of whose placeholders are elements (a <strong> version, an id in its <span>):
 * the message is said with markers in those places, then split there, so that translators may
 * move the elements anywhere in the sentence. The pieces stay text: nothing becomes HTML.
 */
import type { ComponentChild } from 'preact';

const marker = (index: number) => `\uE000${index}\uE001`;
const MARKERS = /\uE000(\d+)\uE001/;

export function withElements(elements: readonly ComponentChild[], say: (...markers: string[]) => string): ComponentChild[] {
  return say(...elements.map((_, index) => marker(index)))
    .split(MARKERS)
    .map((piece, index) => (index % 2 === 1 ? elements[Number(piece)] : piece));
}
