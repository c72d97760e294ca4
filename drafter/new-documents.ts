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
  // "European Parliament resolution of 12 December 2018 on ... (2018/2044(INI))"
  if (ref.type === 'procedure') return /\b(?:European Parliament|Parliament's|Parliament’s) [Rr]esolution\b/.test(before) ? 'ep-resolution' : 'unknown';
  if (ref.type === 'swd') return 'staff-working-document';
  const tail = before.slice(-160);
  for (const k of KINDS) if (k.re.test(tail)) return k.kind;
  return 'unknown';
}

/**
 * A proposal word makes a legislative proposal ("legislative proposals", "a proposal for a
 * Regulation", "the Commission proposed to ..."), except proposals for something that is no act:
 * "the Commission's proposals for the Multiannual Financial Framework" are no file the
 * co-legislators negotiate.
 */
const LEGISLATIVE_PROPOSAL = /\bpropos(?:al|als|ed)\b(?!\s+for\s+(?:an?|the)\s+(?!(?:[\w-]+\s+){0,3}?(?:Regulations?|Directives?|Decisions?)\b))/gi;

/**
 * The kind the sentence calling a footnote gives the footnote's document: the kind word written
 * nearest before the call ("... set out in the December 2016 Action Plan.[14]" is an action plan,
 * even in a sentence that goes on about a proposal).
 */
export function kindCalledAs(before: string): string | null {
  const tail = before.slice(-160);
  let best: { end: number; kind: string } | null = null;
  const consider = (re: RegExp, kind: string) => {
    for (const m of tail.matchAll(new RegExp(re.source, 'gi'))) {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { end, kind };
    }
  };
  consider(LEGISLATIVE_PROPOSAL, 'legislative-proposal');
  for (const k of KINDS.slice(1)) consider(k.re, k.kind);
  // "this report" is the report itself, not the document the footnote names
  const found = best as { end: number; kind: string } | null;
  if (found && (found.kind === 'report' || found.kind === 'progress-report') && /\bthis (?:progress )?report\s*$/i.test(tail.slice(0, found.end))) return null;
  return found?.kind ?? null;
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
