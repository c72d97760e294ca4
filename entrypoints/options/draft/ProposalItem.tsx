/**
 * One proposal under review: what it proposes, how sure the drafter is, the report's words it
 * rests on in their paragraph, and Accept / Reject / Edit. An event's edit changes its stage,
 * date or document and keeps its quote; a date the quote does not state is flagged.
 */
import { useRef, useState } from 'preact/hooks';
import { STAGES, type Stage } from '../../../storage/dataset/schema';
import { stageLabel } from '../../../storage/dataset/status';
import { QuotedSentence } from './QuotedSentence';
import { checkEdit, reviewedProposal, type Decision, type EventEdit, type ReviewItem } from './review-items';
import { DRAFT_STRINGS as S } from './strings';

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

  const subject = shown.kind === 'event' ? shown.document : shown.kind === 'document' ? shown.document.id : S.linkText(shown.proposal, shown.act);
  const title =
    shown.kind === 'event'
      ? (context.titles.get(shown.document) ?? '')
      : shown.kind === 'document'
        ? S.newDocumentTitle(shown.document.title, shown.document.kind)
        : '';

  return (
    <li class={`proposal ${item.decision}`} aria-labelledby={headingId} data-testid="draft-proposal" data-decision={item.decision} data-kind={shown.kind}>
      <h4 id={headingId}>
        <span class="kind">{S.kind[shown.kind]}</span> <span class="id">{subject}</span>
        {title && <span class="title"> {title}</span>}
      </h4>
      <dl class="facts">
        {shown.kind === 'event' && (
          <>
            <dt>{S.stageField}</dt>
            <dd data-testid="draft-stage">{stageLabel(shown.event.stage)}</dd>
            <dt>{S.dateField}</dt>
            <dd data-testid="draft-date">{shown.event.date}</dd>
            <dt>{S.institutionField}</dt>
            <dd>{shown.event.institution}</dd>
          </>
        )}
        {shown.kind === 'document' && shown.document.date && (
          <>
            <dt>{S.dateField}</dt>
            <dd>{shown.document.date}</dd>
          </>
        )}
        <dt>{S.confidenceField}</dt>
        <dd data-testid="draft-confidence">{shown.confidence.toFixed(2)}</dd>
        <dt>{S.sectionField}</dt>
        <dd>
          {S.sectionAndFootnote(shown.evidence.section, shown.evidence.footnote)}
        </dd>
        <dt>{S.reportField}</dt>
        <dd class="id">{shown.evidence.report}</dd>
      </dl>
      <QuotedSentence quote={shown.evidence.quote} context={shown.evidence.context} />
      {saved?.dateNotInQuote && (
        <p class="warn" role="note" data-testid="draft-date-flag">
          {S.dateNotInQuote(item.edit!.date)}
        </p>
      )}
      {saved && saved.problems.length > 0 && (
        <ul class="problems errors">
          {saved.problems.map((p) => (
            <li key={p}>{S.problem[p]}</li>
          ))}
        </ul>
      )}
      <p class="decide" role="group" aria-labelledby={headingId}>
        <span class="state" data-testid="draft-decision">
          {S.decisionText(S.decision[item.decision] ?? item.decision, item.edit !== undefined)}
        </span>{' '}
        <button type="button" aria-pressed={item.decision === 'accepted'} aria-describedby={headingId} onClick={() => onDecide(item.key, 'accepted')}>
          {S.accept}
        </button>{' '}
        <button type="button" aria-pressed={item.decision === 'rejected'} aria-describedby={headingId} onClick={() => onDecide(item.key, 'rejected')}>
          {S.reject}
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
            {S.edit}
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
            <legend>{S.editLegend(subject)}</legend>
            <label>
              {S.stageField}{' '}
              <select value={editing.stage} data-testid="draft-edit-stage" onChange={(e) => setEditing({ ...editing, stage: (e.currentTarget as HTMLSelectElement).value as Stage })}>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {stageLabel(stage)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {S.dateField}{' '}
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
              {S.documentField}{' '}
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
                  <li key={p}>{S.problem[p]}</li>
                ))}
              </ul>
            )}
            {draftCheck?.dateNotInQuote && (
              <p class="warn" role="status">
                {S.dateNotInQuote(editing.date)}
              </p>
            )}
            <p class="actions">
              <button type="submit" data-testid="draft-edit-save" disabled={(draftCheck?.problems.length ?? 0) > 0}>
                {S.save}
              </button>{' '}
              <button type="button" onClick={closeEdit}>
                {S.cancelEdit}
              </button>
            </p>
          </fieldset>
        </form>
      )}
    </li>
  );
}
