/**
 * What a report says a document is, for documents the dataset does not hold yet: its kind from
 * the words before its number ("Proposal for a Regulation ...", "Communication ...") and its title
 * as the report gives it ("Joint Communication on Resilience, Deterrence and Defence, JOIN(2017)
 * 450 final" gives "Joint Communication on Resilience, Deterrence and Defence").
 */
import type { Reference } from '../references/types';

const KINDS: { re: RegExp; kind: string }[] = [
  { re: /\b(?:amended )?proposals?\b/i, kind: 'legislative-proposal' },
  { re: /\bjoint communication\b/i, kind: 'joint-communication' },
  { re: /\bjoint report\b/i, kind: 'joint-report' },
  { re: /\bcommunication\b/i, kind: 'communication' },
  { re: /\brecommendation\b/i, kind: 'recommendation' },
  { re: /\baction plan\b/i, kind: 'action-plan' },
  { re: /\bstaff working (?:document|paper)\b/i, kind: 'staff-working-document' },
  { re: /\bprogress report\b/i, kind: 'progress-report' },
  { re: /\breport\b/i, kind: 'report' },
  { re: /\bcommission decision\b/i, kind: 'commission-decision' },
];

const ACT_KINDS: Partial<Record<Reference['type'], string>> = {
  regulation: 'regulation',
  directive: 'directive',
  decision: 'decision',
  'framework-decision': 'framework-decision',
};

/** The words before a reference in its sentence, back to the previous reference or clause. */
export function wordsBefore(sentence: string, ref: Reference, refs: readonly Reference[]): string {
  const previous = refs.filter((r) => r.end <= ref.start).pop();
  let from = previous ? previous.end : 0;
  const cut = sentence.lastIndexOf(';', ref.start);
  if (cut + 1 > from) from = cut + 1;
  return sentence.slice(from, ref.start).replace(/^[\s,.);]+/, '').replace(/[\s,(–-]+$/, '').trim();
}

export function guessKind(ref: Reference, before: string): string {
  const act = ACT_KINDS[ref.type];
  if (act) return act;
  if (ref.type === 'procedure') return 'unknown';
  if (ref.type === 'swd') return 'staff-working-document';
  const tail = before.slice(-160);
  for (const k of KINDS) if (k.re.test(tail)) return k.kind;
  return 'unknown';
}

/** A title the report gives, or the reference's own words. */
export function guessTitle(ref: Reference, before: string): string {
  const candidate = before.replace(/^(?:see(?: also)?|cf\.|the|in|on|and)\s+/i, '').replace(/^\W+/, '').trim();
  if (candidate.length >= 12 && candidate.length <= 400 && /^[A-Z]/.test(candidate) && KINDS.some((k) => k.re.test(candidate))) {
    return candidate;
  }
  if (ACT_KINDS[ref.type]) return ref.text.replace(/\s+/g, ' ').trim();
  return ref.id;
}
