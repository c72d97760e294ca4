/**
 * The engine as the page drives it: read, draft, build, each answer in the protocol's shape; the
 * build applies the proposals the page hands back to the base the draft was made on.
 */
import { describe, expect, it } from 'vitest';
import { DraftEngine } from '../../../../../entrypoints/options/draft/draft-engine';
import { DraftAnswerSchema, DraftRequestSchema, type DraftAnswer, type DraftRequest } from '../../../../../messaging/draft-worker';
import { DatasetSchema } from '../../../../../storage/dataset/schema';
import { bundledDataset } from '../../../storage/import/helpers';
import { EXCERPT, EXCERPT_REPORT } from './helpers';

function engine() {
  const answers: DraftAnswer[] = [];
  let reads = 0;
  const base = bundledDataset();
  const e = new DraftEngine(
    async () => {
      reads++;
      return base;
    },
    (answer) => answers.push(DraftAnswerSchema.parse(answer)),
  );
  const ask = async (request: DraftRequest) => {
    await e.handle(DraftRequestSchema.parse(request));
    return answers.at(-1)!;
  };
  return { ask, reads: () => reads, base };
}

describe('the drafting engine', () => {
  it('reads, drafts against the dataset it is given and builds the import file of what was accepted', async () => {
    const { ask, base } = engine();
    const read = await ask({ type: 'read', id: 1, files: [{ name: 'excerpt.md', raw: EXCERPT }] });
    expect(read).toMatchObject({ type: 'read', id: 1, files: [{ name: 'excerpt.md', ordinal: 19, from: 'nowhere' }] });

    const drafted = await ask({ type: 'draft', id: 2, files: [{ name: 'excerpt.md', raw: EXCERPT, ...EXCERPT_REPORT }] });
    if (drafted.type !== 'drafted') throw new Error(JSON.stringify(drafted));
    expect(drafted.reports).toEqual([expect.objectContaining({ id: 'COM(2019) 353', ordinal: 19, date: '2019-07-24' })]);
    expect(drafted.known.length).toBe(base.documents.length);
    expect(drafted.ms).toBeGreaterThan(0);
    const agreement = drafted.proposals.find((p) => p.kind === 'event' && p.document === 'COM(2018) 640' && p.event.stage === 'provisional-agreement');
    expect(agreement).toBeDefined();

    const built = await ask({ type: 'build', id: 3, accepted: [agreement!] });
    if (built.type !== 'built') throw new Error(JSON.stringify(built));
    expect(built.name).toBe('draft-COM_2019_353.json');
    const dataset = DatasetSchema.parse(JSON.parse(built.json));
    expect(dataset.documents.find((d) => d.id === 'COM(2018) 640')!.events.map((e) => e.stage)).toContain('provisional-agreement');
    expect(dataset.documents.some((d) => d.id === '32019R1148')).toBe(false);
  });

  it('answers in plain words when there is nothing to build on, and when a report cannot be told', async () => {
    const { ask } = engine();
    expect(await ask({ type: 'build', id: 1, accepted: [] })).toEqual({ type: 'failed', id: 1, message: 'There is no draft to import: draft a report first.' });
    const failed = await ask({ type: 'draft', id: 2, files: [{ name: 'excerpt.md', raw: EXCERPT }] });
    expect(failed).toMatchObject({ type: 'failed', id: 2, message: expect.stringContaining('excerpt.md: cannot tell which report this is') });
  });
});
