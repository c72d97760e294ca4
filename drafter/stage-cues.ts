/**
 * The words by which the reports say a file moved: each cue gives a stage and, where the words
 * name no one, who usually acts at that stage. The order matters: "adopted its general approach"
 * is a mandate, not an adoption, so the more specific cues come first and a span taken by one is
 * not read again.
 */
import type { Stage } from '../storage/dataset/schema';

export interface Cue {
  stage: Stage;
  start: number;
  end: number;
  /** who acted, from the words around the cue */
  institution: string;
  /** a short label in the drafter's words */
  label: string;
  /** the cue is a weak one ("agreed", "negotiations") */
  weak: boolean;
  /** the cue's document is the one the sentence names right after it ("a report on the evaluation of Regulation 258/2012") */
  namedAfter?: boolean;
}

interface CueRule {
  re: RegExp;
  stage: Stage;
  label: string;
  /** who acts when the sentence does not say */
  actor: string;
  weak?: boolean;
  namedAfter?: boolean;
}

const RULES: CueRule[] = [
  { re: /\bwithdr(?:ew|awn|awal of)\b/gi, stage: 'withdrawn', label: 'Withdrawn by the Commission', actor: 'Commission' },
  { re: /\b(?:reasoned opinions?|letters? of formal notice|infringement (?:procedures?|proceedings?)|referr(?:ed|al) to the Court)\b/gi, stage: 'implementation', label: 'Infringement step', actor: 'Commission' },
  { re: /\breports? on the (?:evaluation|implementation|application) of\b/gi, stage: 'implementation', label: 'Evaluation report', actor: 'Commission', namedAfter: true },
  { re: /\b(?:transposition deadline|deadline for (?:the )?transposition|(?:had|has|have) to be transposed|to transpose)\b/gi, stage: 'implementation', label: 'Transposition deadline', actor: 'Member States', weak: true },
  { re: /\bpublished in the Official Journal\b/gi, stage: 'published', label: 'Published in the Official Journal', actor: 'Publications Office' },
  { re: /\b(?:entered|came) into force\b/gi, stage: 'in-force', label: 'Entered into force', actor: 'co-legislators' },
  { re: /\b(?:became|becomes|has been) applicable\b|\bappl(?:y|ies) (?:since|from)\b/gi, stage: 'applicable', label: 'Applicable', actor: 'co-legislators' },
  { re: /\b(?:provisional|political|interinstitutional|inter-institutional) agreement\b|\breached (?:an )?agreement\b|\bagreement (?:was|has been) reached\b/gi, stage: 'provisional-agreement', label: 'Provisional agreement', actor: 'co-legislators' },
  { re: /\bendorsed\b/gi, stage: 'provisional-agreement', label: 'Agreement endorsed', actor: 'Council' },
  { re: /\bgeneral approach\b/gi, stage: 'in-negotiation', label: 'General approach agreed', actor: 'Council' },
  { re: /\bnegotiating mandates?\b|\b(?:its|their) mandates?\b|\bmandates? to (?:enter|start)\b|\bnegotiating position\b|\bposition (?:at|in) first reading\b/gi, stage: 'in-negotiation', label: 'Negotiating mandate adopted', actor: 'European Parliament' },
  { re: /\btrilogues?\b|\binter-?institutional (?:negotiations|discussions)\b/gi, stage: 'in-negotiation', label: 'Trilogues', actor: 'co-legislators' },
  { re: /\b(?:voted|vote) (?:on )?(?:its|the) report\b/gi, stage: 'in-negotiation', label: 'Committee report voted', actor: 'European Parliament', weak: true },
  { re: /\b(?:tabled|presented|put forward|proposed|adopted)\b(?=(?:(?!\bfollowing\b|\bbased on\b|\bon the basis\b)[^.;]){0,60}\bproposals?\b)|\b(?:Commission|its) proposals?\b(?=\s+of\s+\d)/gi, stage: 'proposed', label: 'Proposed by the Commission', actor: 'Commission' },
  { re: /\b(?:formally |finally )?adopted\b|\bsigned\b|\badoption by\b/gi, stage: 'adopted', label: 'Adopted', actor: 'Commission' },
];

const ACTORS: { re: RegExp; name: string }[] = [
  { re: /\b(?:European Parliament and (?:the )?Council|co-legislators|Parliament and Council)\b/, name: 'European Parliament and Council' },
  { re: /\bHigh Representative\b/, name: 'Commission and High Representative' },
  { re: /\b(?:Council|Coreper|Committee of the Permanent Representatives|Member States’ ambassadors|Member States' ambassadors)\b/, name: 'Council' },
  { re: /\b(?:European Parliament|Parliament|Plenary|LIBE|ITRE|IMCO)\b/, name: 'European Parliament' },
  { re: /\bCommission\b/, name: 'Commission' },
];

/** Who acted: the actor named closest before the cue within its clause, else the rule's default. */
function actorOf(sentence: string, cueStart: number, rule: CueRule): string {
  const clauseStart = Math.max(sentence.lastIndexOf(';', cueStart), sentence.lastIndexOf(', and', cueStart), 0);
  const before = sentence.slice(clauseStart, cueStart);
  let best: { at: number; name: string } | null = null;
  for (const actor of ACTORS) {
    const re = new RegExp(actor.re.source, 'g');
    for (const m of before.matchAll(re)) {
      if (!best || m.index > best.at || (m.index === best.at && actor.name.length > best.name.length)) best = { at: m.index, name: actor.name };
    }
  }
  if (best) {
    // "the European Parliament and the Council" starts where "European Parliament" does: the longer name wins
    const both = new RegExp(ACTORS[0]!.re.source, 'g');
    for (const m of before.matchAll(both)) if (m.index + m[0].length >= best.at) best = { at: m.index, name: ACTORS[0]!.name };
  }
  const after = sentence.slice(cueStart, cueStart + 40);
  const by = /\bby the (European Parliament|Council|Commission)\b/.exec(after);
  if (by) return by[1]!;
  return best?.name ?? rule.actor;
}

function label(rule: CueRule, institution: string): string {
  if (rule.stage === 'adopted') return `Adopted by the ${institution}`;
  if (rule.stage === 'proposed') return 'Proposed by the Commission';
  return rule.label;
}

export function findCues(sentence: string): Cue[] {
  const cues: Cue[] = [];
  for (const rule of RULES) {
    const re = new RegExp(rule.re.source, rule.re.flags);
    for (const m of sentence.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (cues.some((c) => start < c.end && c.start < end)) continue;
      // "adopted its general approach / mandate / position": the negotiating cue after it says what was adopted
      if (rule.stage === 'adopted' && /^[^.;]{0,40}?\b(?:its|their|a|the)\s+(?:general approach|negotiating|mandate|position|report)/i.test(sentence.slice(end))) continue;
      // "the Council adopted Conclusions on ...", "the measures they have adopted to transpose": not the document's adoption
      if (rule.stage === 'adopted' && /^\s+(?:(?:Council )?[Cc]onclusions|to transpose)\b/.test(sentence.slice(end))) continue;
      // "adopted its mandate to enter into negotiation on the Commission proposal": not the proposal's date
      if (rule.stage === 'proposed' && /^[^.;]{0,40}?\b(?:(?:its|their) (?:negotiating )?mandate|negotiating mandate|general approach|position|to the European Parliament)/i.test(sentence.slice(end))) continue;
      // "In its final report adopted in December 2018, the Special Committee ...": someone's own paper, not a file's adoption
      if (rule.stage === 'adopted' && /\b(?:its|their) (?:final |own |annual )?(?:report|opinion|conclusions|resolution)\s+$/i.test(sentence.slice(0, start))) continue;
      const institution = actorOf(sentence, start, rule);
      // "two amending proposals – adopted by the Commission together with this Report": the proposals' adoption is their proposal
      if (rule.stage === 'adopted' && /\bproposals?\s*[–—,-]?\s*$/i.test(sentence.slice(Math.max(0, start - 20), start))) {
        const proposed = RULES.find((r) => r.stage === 'proposed')!;
        cues.push({ stage: 'proposed', start, end, institution: 'Commission', label: label(proposed, 'Commission'), weak: false });
        continue;
      }
      cues.push({ stage: rule.stage, start, end, institution, label: label(rule, institution), weak: rule.weak ?? false, ...(rule.namedAfter ? { namedAfter: true } : {}) });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * Words that make a sentence a forecast or a wish, not a record of what happened. "the Action
 * Plan to support ..." names a plan, it plans nothing; "on 24 May 2018" is a date, not a "may".
 */
export const FORECAST = /\b(?:expected to|is to|are to|will|shall|should|would|aims? to|(?<!\bAction\s)plans? to|intends? to|calls? on|urges?|needs? to|must|by the end of|ahead of|could|(?<!\d\s)may(?!\s+(?:19|20)\d{2}))\b/i;
