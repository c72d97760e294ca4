/**
 * One proposal under review: what it proposes, how sure the drafter is, the report's words it
 * rests on in their paragraph, and Accept / Reject / Edit. An event's edit changes its stage,
 * date or document and keeps its quote; a date the quote does not state is flagged.
 */
import { useRef, useState } from 'preact/hooks';
import { STAGES, type Stage } from '../../../storage/dataset/schema';
import { useI18n } from '../../../components/i18n-context';
import { KIND_KEYS, stageWords } from '../../../components/labels';
import type { MessageKey } from '../../../i18n/keys';
import { DATASET_LANGUAGE } from '../../../i18n/languages';
import { QuotedSentence } from './QuotedSentence';
import { checkEdit, reviewedProposal, type Decision, type EditProblem, type EventEdit, type ReviewItem } from './review-items';

const KIND_OF_PROPOSAL: Readonly<Record<ReviewItem['proposal']['kind'], MessageKey>> = {
  event: 'draftKindEvent',
  document: 'draftKindDocument',
  link: 'draftKindLink',
};

const DECISION_KEYS: Readonly<Record<Decision, MessageKey>> = {
  pending: 'draftDecisionPending',
  accepted: 'draftDecisionAccepted',
  rejected: 'draftDecisionRejected',
};

const PROBLEM_KEYS: Readonly<Record<EditProblem, MessageKey>> = {
  'date-invalid': 'draftProblemDateInvalid',
  'stage-unknown': 'draftProblemStageUnknown',
  'document-unknown': 'draftProblemDocumentUnknown',
};

export interface ItemContext {
  /** titles of the documents an event may be given to */
  titles: ReadonlyMap<string, string>;
  reportDates: ReadonlyMap<string, string>;
  listId: string;
}

export function ProposalItem({
  item,
  context,
  onDecide,
  onEdit,
}: {
  item: ReviewItem;
  context: ItemContext;
  onDecide: (key: string, decision: Decision) => void;
  onEdit: (key: string, edit: EventEdit | undefined) => void;
}) {
  const words = useI18n();
  /** Dataset text (titles, institutions, the report's section names) keeps its own language. */
  const datasetLang = words.language === DATASET_LANGUAGE ? undefined : DATASET_LANGUAGE;
  const [editing, setEditing] = useState<EventEdit | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  /** Closing the form gives the keyboard back to the Edit button it came from. */
  const closeEdit = () => {
    setEditing(null);
    editButton.current?.focus();
  };
  const shown = reviewedProposal(item);
  const headingId = `proposal-${item.key}`;
  const known = new Set(context.titles.keys());
  const reportDate = context.reportDates.get(shown.evidence.report);
  const saved = shown.kind === 'event' && item.edit ? checkEdit(item.proposal as typeof shown, item.edit, known, reportDate) : null;
  const draftCheck = shown.kind === 'event' && editing ? checkEdit(item.proposal as typeof shown, editing, known, reportDate) : null;

  const subject = shown.kind === 'event' ? shown.document : shown.kind === 'document' ? shown.document.id : words.t('draftLinkText', shown.proposal, shown.act);
  const title =
    shown.kind === 'event'
      ? (context.titles.get(shown.document) ?? '')
      : shown.kind === 'document'
        ? words.t('draftNewDocumentTitle', shown.document.title, KIND_KEYS[shown.document.kind] ? words.t(KIND_KEYS[shown.document.kind]!) : shown.document.kind)
        : '';

  return (
    <li class={`proposal ${item.decision}`} aria-labelledby={headingId} data-testid="draft-proposal" data-decision={item.decision} data-kind={shown.kind}>
      <h4 id={headingId}>
        <span class="kind">{words.t(KIND_OF_PROPOSAL[shown.kind])}</span> <span class="id">{subject}</span>
        {title && <span class="title" lang={datasetLang}> {title}</span>}
      </h4>
      <dl class="facts">
        {shown.kind === 'event' && (
          <>
            <dt>{words.t('draftStageField')}</dt>
            <dd data-testid="draft-stage">{stageWords(words, shown.event.stage)}</dd>
            <dt>{words.t('draftDateField')}</dt>
            <dd data-testid="draft-date">{words.date(shown.event.date)}</dd>
            <dt>{words.t('draftInstitutionField')}</dt>
            <dd lang={datasetLang}>{shown.event.institution}</dd>
          </>
        )}
        {shown.kind === 'document' && shown.document.date && (
          <>
            <dt>{words.t('draftDateField')}</dt>
            <dd>{words.date(shown.document.date)}</dd>
          </>
        )}
        <dt>{words.t('draftConfidenceField')}</dt>
        <dd data-testid="draft-confidence">{words.number(Math.round(shown.confidence * 100) / 100)}</dd>
        <dt>{words.t('draftSectionField')}</dt>
        <dd lang={datasetLang}>
          {shown.evidence.footnote === undefined ? shown.evidence.section : words.t('draftSectionFootnote', shown.evidence.section, shown.evidence.footnote)}
        </dd>
        <dt>{words.t('draftReportField')}</dt>
        <dd class="id">{shown.evidence.report}</dd>
      </dl>
      <QuotedSentence quote={shown.evidence.quote} context={shown.evidence.context} />
      {saved?.dateNotInQuote && (
        <p class="warn" role="note" data-testid="draft-date-flag">
          {words.t('draftDateNotInQuote', item.edit!.date)}
        </p>
      )}
      {saved && saved.problems.length > 0 && (
        <ul class="problems errors">
          {saved.problems.map((p) => (
            <li key={p}>{words.t(PROBLEM_KEYS[p])}</li>
          ))}
        </ul>
      )}
      <p class="decide" role="group" aria-labelledby={headingId}>
        <span class="state" data-testid="draft-decision">
          {item.edit === undefined ? words.t(DECISION_KEYS[item.decision]) : words.t('draftDecisionEdited', words.t(DECISION_KEYS[item.decision]))}
        </span>{' '}
        <button type="button" aria-pressed={item.decision === 'accepted'} aria-describedby={headingId} onClick={() => onDecide(item.key, 'accepted')}>
          {words.t('draftAccept')}
        </button>{' '}
        <button type="button" aria-pressed={item.decision === 'rejected'} aria-describedby={headingId} onClick={() => onDecide(item.key, 'rejected')}>
          {words.t('draftReject')}
        </button>{' '}
        {item.proposal.kind === 'event' && (
          <button
            ref={editButton}
            type="button"
            aria-expanded={editing !== null}
            aria-describedby={headingId}
            onClick={() => {
              const p = reviewedProposal(item);
              if (p.kind === 'event') setEditing(editing ? null : { stage: p.event.stage, date: p.event.date, document: p.document });
            }}
          >
            {words.t('draftEdit')}
          </button>
        )}
      </p>
      {editing && (
        <form
          class="edit"
          onSubmit={(event) => {
            event.preventDefault();
            if (draftCheck && draftCheck.problems.length > 0) return;
            const original = item.proposal.kind === 'event' ? item.proposal : null;
            const unchanged = original && original.event.stage === editing.stage && original.event.date === editing.date && original.document === editing.document.trim();
            onEdit(item.key, unchanged ? undefined : { ...editing, document: editing.document.trim() });
            closeEdit();
          }}
        >
          <fieldset>
            <legend>{words.t('draftEditLegend', subject)}</legend>
            <label>
              {words.t('draftStageField')}{' '}
              <select value={editing.stage} data-testid="draft-edit-stage" onChange={(e) => setEditing({ ...editing, stage: (e.currentTarget as HTMLSelectElement).value as Stage })}>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {stageWords(words, stage)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {words.t('draftDateField')}{' '}
              <input
                type="text"
                inputMode="numeric"
                size={10}
                value={editing.date}
                data-testid="draft-edit-date"
                aria-invalid={draftCheck?.problems.includes('date-invalid') ?? false}
                onInput={(e) => setEditing({ ...editing, date: (e.currentTarget as HTMLInputElement).value })}
              />
            </label>{' '}
            <label>
              {words.t('draftDocumentField')}{' '}
              <input
                type="text"
                list={context.listId}
                value={editing.document}
                data-testid="draft-edit-document"
                aria-invalid={draftCheck?.problems.includes('document-unknown') ?? false}
                onInput={(e) => setEditing({ ...editing, document: (e.currentTarget as HTMLInputElement).value })}
              />
            </label>
            {draftCheck && draftCheck.problems.length > 0 && (
              <ul class="problems errors" role="alert">
                {draftCheck.problems.map((p) => (
                  <li key={p}>{words.t(PROBLEM_KEYS[p])}</li>
                ))}
              </ul>
            )}
            {draftCheck?.dateNotInQuote && (
              <p class="warn" role="status">
                {words.t('draftDateNotInQuote', editing.date)}
              </p>
            )}
            <p class="actions">
              <button type="submit" data-testid="draft-edit-save" disabled={(draftCheck?.problems.length ?? 0) > 0}>
                {words.t('draftSave')}
              </button>{' '}
              <button type="button" onClick={closeEdit}>
                {words.t('draftCancelEdit')}
              </button>
            </p>
          </fieldset>
        </form>
      )}
    </li>
  );
}
