import { findReferences, type Reference } from '../../../references';

export interface Expected {
  id: string;
  type?: Reference['type'];
  year?: number;
  number?: string;
  celex?: string | undefined;
  /** the expected span text; defaults to the whole input when only one reference is expected */
  text?: string;
}

/** The references found, reduced to the fields a table row states. */
export function found(input: string): Reference[] {
  return findReferences(input);
}

/** Check one table row: the references found in `input` are exactly `expected`, in order. */
export function checkRow(input: string, expected: Expected[]): void {
  const refs = findReferences(input);
  const got = refs.map((r, i) => {
    const e = expected[i];
    const row: Record<string, unknown> = { id: r.id };
    if (e?.type !== undefined) row.type = r.type;
    if (e?.year !== undefined) row.year = r.year;
    if (e?.number !== undefined) row.number = r.number;
    if (e && 'celex' in e) row.celex = r.celex;
    if (e?.text !== undefined) row.text = r.text;
    return row;
  });
  const want = expected.map((e) => {
    const row: Record<string, unknown> = { id: e.id };
    if (e.type !== undefined) row.type = e.type;
    if (e.year !== undefined) row.year = e.year;
    if (e.number !== undefined) row.number = e.number;
    if ('celex' in e) row.celex = e.celex;
    if (e.text !== undefined) row.text = e.text;
    return row;
  });
  if (!(got.length === want.length && JSON.stringify(got) === JSON.stringify(want))) {
    throw new Error(`for ${JSON.stringify(input)}\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want)}`);
  }
  for (const r of refs) {
    if (input.slice(r.start, r.end) !== r.text) throw new Error(`span mismatch for ${JSON.stringify(r)}`);
  }
}

/** Rough HTML → text, as a browser would show it (enough for the fixtures). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
