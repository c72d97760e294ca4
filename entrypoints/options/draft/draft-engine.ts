/**
 * The drafting engine: reads the dropped reports, drafts them against the dataset in the browser
 * and builds the import file of what the reviewer accepted. It runs in a Web Worker
 * (draft.worker.ts), since drafting a report takes longer than a frame; the page runs it
 * itself only when no worker starts. It keeps the last draft, so that the proposals the page
 * hands back are applied to the very base they were drafted against.
 */
import { draftUpdate, type Draft } from '../../../drafter/draft';
import type { Dataset } from '../../../storage/dataset/schema';
import { datasetToJson } from '../../../storage/import/json';
import type { DraftAnswer, DraftRequest } from '../../../messaging/draft-worker';
import { acceptedDataset } from './accepted-dataset';
import { identifyFiles } from './report-identity';
import { DRAFT_STRINGS } from './strings';

export class DraftEngine {
  private last: Draft | null = null;

  /** `readBase`: the dataset as it now stands in the browser (layers.ts exportEffective) */
  constructor(
    private readonly readBase: () => Promise<Dataset>,
    private readonly answer: (answer: DraftAnswer) => void,
  ) {}

  async handle(request: DraftRequest): Promise<void> {
    try {
      this.answer(await this.run(request));
    } catch (error) {
      this.answer({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async run(request: DraftRequest): Promise<DraftAnswer> {
    if (request.type === 'read') {
      const base = await this.readBase();
      return { type: 'read', id: request.id, files: identifyFiles(request.files, base.reports) };
    }
    if (request.type === 'draft') {
      const base = await this.readBase();
      const inputs = request.files.map((f) => ({ name: f.name, raw: f.raw, ...(f.reportId ? { id: f.reportId } : {}), ...(f.date ? { date: f.date } : {}) }));
      const started = performance.now();
      const draft = draftUpdate(inputs, base);
      const ms = performance.now() - started;
      this.last = draft;
      const known = [...base.documents.map((d) => ({ id: d.id, title: d.title }))];
      return { type: 'drafted', id: request.id, reports: draft.reports.map((r) => r.report), proposals: draft.proposals, known, ms };
    }
    if (!this.last) return { type: 'failed', id: request.id, message: DRAFT_STRINGS.noDraft };
    const reports = this.last.reports.map((r) => r.report);
    const built = acceptedDataset({ base: this.last.base, reports, mentions: this.last.mentions }, request.accepted);
    const latest = [...reports].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    const name = `draft-${(latest?.id ?? 'report').replace(/[^\w.-]+/g, '_')}.json`;
    return { type: 'built', id: request.id, json: datasetToJson(built.dataset), name, skipped: built.skipped };
  }
}
