/**
 * "Draft from a report", for staff: drop progress reports, say which reports they are where
 * their text does not, review what the drafter proposes, and hand what was accepted to the
 * import section as a dataset file, where it is checked, previewed, applied and undone like any
 * other import. The drafting runs in a worker (draft-client.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../../../storage/dataset/schema';
import type { DraftAnswer, ReportFileIdentity } from '../../../messaging/draft-worker';
import { useI18n } from '../../../components/i18n-context';
import type { Translator } from '../../../i18n/translate';
import type { SectionProps } from '../section';
import { handToImport } from '../dataset/hand-off';
import { DropZone } from '../DropZone';
import { DraftClient } from './draft-client';
import { ReportIdentityFields, type GivenIdentity } from './ReportIdentityFields';
import { ReviewList } from './ReviewList';
import { checkEdit, reviewedProposal, reviewItems, type ReviewItem } from './review-items';
import { skippedWords, type SkippedProposal } from './accepted-dataset';
import './draft.css';

const REPORT_FILE = /\.(?:txt|text|md|markdown|html?|xhtml)$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Dropped {
  files: { name: string; raw: string }[];
  identities: ReportFileIdentity[];
  given: GivenIdentity[];
}

interface Review {
  reports: Report[];
  items: ReviewItem[];
  titles: Map<string, string>;
  ms: number;
}

type Status = { kind: 'none' } | { kind: 'working'; text: string } | { kind: 'error'; text: string } | { kind: 'done'; text: string; skipped: SkippedProposal[] };

/** What the section is doing, or what went wrong, or where the accepted proposals went. */
function StatusLine({ status }: { status: Status }) {
  const words = useI18n();
  switch (status.kind) {
    case 'none':
      return null;
    case 'working':
      return <p class="progress" data-testid="draft-working">{status.text}</p>;
    case 'error':
      return <p class="problems errors" role="alert" data-testid="draft-error">{status.text}</p>;
    case 'done':
      return (
        <div class="done" role="status" data-testid="draft-handed">
          <p>{status.text}</p>
          {status.skipped.length > 0 && <p class="warn" data-testid="draft-skipped">{words.t('draftSkipped', status.skipped.map((item) => skippedWords(words, item)).join('; '))}</p>}
        </div>
      );
  }
}

const names = (list: readonly { name: string }[]) => list.map((f) => f.name).join(', ');

/** Why the engine gave another answer than the one asked for, in the reader's words. */
function failure(words: Translator, answer: DraftAnswer): string {
  if (answer.type === 'unavailable') return words.t(answer.reason === 'no-draft' ? 'draftNoDraft' : 'draftWorkerStopped');
  return words.t('draftFailed', answer.type === 'failed' ? answer.message : answer.type);
}

export function DraftSection({ db }: SectionProps) {
  const words = useI18n();
  const client = useRef<DraftClient | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dropped, setDropped] = useState<Dropped | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'none' });

  useEffect(() => {
    client.current = new DraftClient(db);
    return () => client.current?.dispose();
  }, [db]);

  const busy = status.kind === 'working';

  const startOver = () => {
    setDropped(null);
    setReview(null);
    setStatus({ kind: 'none' });
    if (fileInput.current) fileInput.current.value = '';
  };

  const takeFiles = async (files: readonly File[]) => {
    if (busy || !client.current || files.length === 0) return;
    setReview(null);
    setDropped(null);
    const wrong = files.find((f) => !REPORT_FILE.test(f.name));
    if (wrong) {
      setStatus({ kind: 'error', text: words.t('draftNotReportFile', wrong.name) });
      return;
    }
    setStatus({ kind: 'working', text: words.t('draftReading', names(files)) });
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, raw: await f.text() })));
    const empty = read.find((f) => f.raw.trim() === '');
    if (empty) {
      setStatus({ kind: 'error', text: words.t('draftEmptyFile', empty.name) });
      return;
    }
    const answer = await client.current.request({ type: 'read', files: read });
    if (answer.type !== 'read') {
      setStatus({ kind: 'error', text: failure(words, answer) });
      return;
    }
    const notReport = answer.files.find((f) => f.ordinal === null);
    if (notReport) {
      setStatus({ kind: 'error', text: words.t('draftNotAReport', notReport.name) });
      return;
    }
    setDropped({ files: read, identities: answer.files, given: answer.files.map((f) => ({ reportId: f.id ?? '', date: f.date ?? '' })) });
    setStatus({ kind: 'none' });
  };

  const draft = async () => {
    if (!dropped || busy || !client.current) return;
    const missing = dropped.identities.find((f, i) => dropped.given[i]!.reportId.trim() === '' || !ISO_DAY.test(dropped.given[i]!.date.trim()));
    if (missing) {
      setStatus({ kind: 'error', text: words.t('draftIdentityMissing', missing.name) });
      return;
    }
    setStatus({ kind: 'working', text: words.t('draftDrafting', names(dropped.files)) });
    const files = dropped.files.map((f, i) => ({ ...f, reportId: dropped.given[i]!.reportId.trim(), date: dropped.given[i]!.date.trim() }));
    const answer = await client.current.request({ type: 'draft', files });
    if (answer.type !== 'drafted') {
      setStatus({ kind: 'error', text: failure(words, answer) });
      return;
    }
    if (answer.proposals.length === 0) {
      setStatus({ kind: 'error', text: words.t('draftNothingFound', names(dropped.files)) });
      return;
    }
    const titles = new Map(answer.known.map((d) => [d.id, d.title]));
    for (const p of answer.proposals) if (p.kind === 'document') titles.set(p.document.id, p.document.title);
    setReview({ reports: answer.reports, items: reviewItems(answer.proposals), titles, ms: answer.ms });
    setStatus({ kind: 'none' });
  };

  const reportDates = new Map((review?.reports ?? []).map((r) => [r.id, r.date]));
  const accepted = review ? review.items.filter((i) => i.decision === 'accepted') : [];
  const badEdit = accepted.some((i) => i.proposal.kind === 'event' && i.edit && checkEdit(i.proposal, i.edit, new Set(review!.titles.keys()), reportDates.get(i.proposal.evidence.report)).problems.length > 0);

  const importAccepted = async () => {
    if (!review || busy || !client.current || accepted.length === 0 || badEdit) return;
    setStatus({ kind: 'working', text: words.t('draftBuilding') });
    const answer = await client.current.request({ type: 'build', accepted: accepted.map(reviewedProposal) });
    if (answer.type !== 'built') {
      setStatus({ kind: 'error', text: failure(words, answer) });
      return;
    }
    const file = new File([answer.json], answer.name, { type: 'application/json' });
    if (!handToImport(file)) {
      setStatus({ kind: 'error', text: words.t('draftFailed', words.t('draftNoImportSection')) });
      return;
    }
    setStatus({ kind: 'done', text: words.t('draftHandedOff', answer.name), skipped: answer.skipped });
  };

  return (
    <section aria-labelledby="draft-heading" class="draft" data-runs-in={client.current?.runsIn}>
      <h2 id="draft-heading">{words.t('draftHeading')}</h2>
      <p class="muted">{words.t('draftIntro')}</p>
      <DropZone
        prompt={words.t('draftDropHere')}
        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        multiple
        testId="draft-file"
        disabled={busy}
        inputRef={fileInput}
        onFiles={(files) => void takeFiles(files)}
      />

      {dropped && !review && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void draft();
          }}
        >
          <ReportIdentityFields
            files={dropped.identities}
            given={dropped.given}
            disabled={busy}
            onChange={(index, next) => setDropped({ ...dropped, given: dropped.given.map((g, i) => (i === index ? next : g)) })}
          />
          <p class="actions">
            <button type="submit" class="primary" data-testid="draft-run" disabled={busy}>
              {words.t('draftRun')}
            </button>{' '}
            <button type="button" onClick={startOver}>
              {words.t('draftStartOver')}
            </button>
          </p>
        </form>
      )}

      <div aria-live="polite">
        <StatusLine status={status} />
      </div>

      {review && (
        <div class="reviewing" data-testid="draft-review">
          <h3>{words.t('draftReviewHeading')}</h3>
          <p class="muted">
            {words.plural(client.current?.runsIn === 'page' ? 'draftDraftedOnPage' : 'draftDraftedInWorker', review.items.length, review.reports.map((r) => words.t('draftReportAndDate', r.id, words.date(r.date))).join(', '), Math.round(review.ms))}{' '}
            {words.t('draftReviewHelp')}
          </p>
          {client.current?.runsIn === 'page' && <p class="warn">{words.t('draftOnPage')}</p>}
          <datalist id="draft-documents">
            {[...review.titles.keys()].map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
          <ReviewList
            items={review.items}
            context={{ titles: review.titles, reportDates, listId: 'draft-documents' }}
            onChange={(items) => setReview({ ...review, items })}
          />
          <p class="actions">
            <button type="button" class="primary" data-testid="draft-import" disabled={busy || accepted.length === 0 || badEdit} onClick={() => void importAccepted()}>
              {words.t('draftImportAccepted', accepted.length)}
            </button>{' '}
            <button type="button" onClick={startOver}>
              {words.t('draftStartOver')}
            </button>
          </p>
          {badEdit && <p class="warn">{words.t('draftFixEditsFirst')}</p>}
        </div>
      )}
    </section>
  );
}
