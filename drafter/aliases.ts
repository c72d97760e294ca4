/**
 * Names a report gives a document in passing, to be known by later on: "a European framework for
 * certification ('Cybersecurity Act')", "the proposed 'Cybersecurity Act'", "(so-called the 5th
 * AMLD)". The name is the report's own words; which document it names is the sentence's one tie.
 */

const QUOTE_OPEN = `['‘"“]`;
const QUOTE_CLOSE = `['’"”]`;
const NAME = `([A-Z0-9][^'’"”()]{2,58}?)`;

const PATTERNS: RegExp[] = [
  new RegExp(`\\(\\s*(?:so-called\\s+(?:the\\s+)?)?${QUOTE_OPEN}${NAME}${QUOTE_CLOSE}\\s*\\)`, 'g'),
  new RegExp(`\\bthe proposed ${QUOTE_OPEN}${NAME}${QUOTE_CLOSE}`, 'g'),
  new RegExp(`\\(so-called (?:the )?${NAME}\\)`, 'g'),
];

export interface GivenName {
  alias: string;
  start: number;
  end: number;
}

/** The names a sentence gives in passing, in order. */
export function namesGiven(sentence: string): GivenName[] {
  const found: GivenName[] = [];
  for (const re of PATTERNS) {
    for (const m of sentence.matchAll(new RegExp(re.source, re.flags))) {
      const alias = m[1]!.trim();
      // a name is written as one: "Cybersecurity Act", "5th AMLD"; "('Prüm check')" names a step, not the act
      if (!alias.split(/\s+/).every((w) => /^[A-Z0-9]/.test(w) || /^(?:of|on|for|the|and|to|in)$/.test(w))) continue;
      if (found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) continue;
      found.push({ alias, start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
