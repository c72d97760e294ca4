import { describe, expect, it } from 'vitest';
import { DraftAnswerSchema, DraftRequestSchema } from '../../../messaging/draft-worker';
import { draftExcerpt } from '../entrypoints/options/draft/helpers';

const proposals = draftExcerpt().proposals;

describe('the drafting worker’s messages', () => {
  it('carry every kind of proposal the drafter makes, both ways, unchanged', () => {
    expect(new Set(proposals.map((p) => p.kind))).toEqual(new Set(['event', 'document', 'link']));
    const build = { type: 'build' as const, id: 1, accepted: proposals };
    expect(DraftRequestSchema.parse(structuredClone(build))).toEqual(build);
    const drafted = { type: 'drafted' as const, id: 2, reports: [], proposals, known: [], ms: 12.5 };
    expect(DraftAnswerSchema.parse(structuredClone(drafted))).toEqual(drafted);
  });

  it('refuse what is not in the protocol: an unknown request, a stage the schema lacks, a proposal with a field of its own', () => {
    expect(DraftRequestSchema.safeParse({ type: 'apply', id: 1 }).success).toBe(false);
    const event = proposals.find((p) => p.kind === 'event')!;
    const badStage = { ...event, event: { ...(event.kind === 'event' ? event.event : {}), stage: 'agreed' } };
    expect(DraftRequestSchema.safeParse({ type: 'build', id: 1, accepted: [badStage] }).success).toBe(false);
    expect(DraftRequestSchema.safeParse({ type: 'build', id: 1, accepted: [{ ...event, html: '<b>x</b>' }] }).success).toBe(false);
    expect(DraftAnswerSchema.safeParse({ type: 'built', id: 1, json: 3, name: 'x', skipped: [] }).success).toBe(false);
  });
});
