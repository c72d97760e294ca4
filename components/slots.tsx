/**
 * A translated sentence with an element inside it ("Became <a>Regulation (EU) 2018/1240</a>"):
 * the element's placeholder is given SLOT, and the sentence is cut there. Each language puts the
 * element where its word order wants it, and no sentence is stitched together from pieces.
 */
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';

/** A character no message or dataset text holds (Unicode's private use area). */
export const SLOT = '\uE000';

/** `text` with each SLOT replaced by the next of `nodes`, in order. */
export function withSlots(text: string, ...nodes: ComponentChildren[]): ComponentChildren {
  const parts = text.split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? nodes[i] : null}
        </Fragment>
      ))}
    </>
  );
}
