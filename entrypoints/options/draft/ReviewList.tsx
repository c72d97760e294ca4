/**
 * The proposals of a draft, least confident first, with their decisions: a filter, Accept all
 * shown, Reject all, and the counts, read out as they change.
 */
import { useState } from 'preact/hooks';
import { ProposalItem, type ItemContext } from './ProposalItem';
import { countDecisions, decideAll, type Decision, type EventEdit, type ReviewItem } from './review-items';
import { reviewOrder } from './review-order';
import { DRAFT_STRINGS as S } from './strings';

type Filter = 'all' | Decision;
const FILTERS: Filter[] = ['all', 'pending', 'accepted', 'rejected'];

export function ReviewList({
  items,
  context,
  onChange,
}: {
  items: readonly ReviewItem[];
  context: ItemContext;
  onChange: (next: ReviewItem[]) => void;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const ordered = reviewOrder(items);
  const shown = filter === 'all' ? ordered : ordered.filter((item) => item.decision === filter);
  const counts = countDecisions(items);
  const update = (key: string, change: (item: ReviewItem) => ReviewItem) => onChange(items.map((item) => (item.key === key ? change(item) : item)));

  return (
    <div class="review">
      <p class="toolbar">
        <label>
          {S.showLabel}{' '}
          <select value={filter} data-testid="draft-filter" onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as Filter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {S.show[f]}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" data-testid="draft-accept-shown" disabled={shown.length === 0} onClick={() => onChange(decideAll(items, new Set(shown.map((i) => i.key)), 'accepted'))}>
          {S.acceptAllShown(shown.length)}
        </button>{' '}
        <button type="button" data-testid="draft-reject-all" onClick={() => onChange(decideAll(items, new Set(items.map((i) => i.key)), 'rejected'))}>
          {S.rejectAll}
        </button>{' '}
        <span role="status" aria-live="polite" data-testid="draft-counts">
          {S.counts(counts.accepted, counts.rejected, counts.pending)}
        </span>
      </p>
      {shown.length === 0 ? (
        <p class="muted">{S.noneShown}</p>
      ) : (
        <ol class="proposals" data-testid="draft-proposals">
          {shown.map((item) => (
            <ProposalItem
              key={item.key}
              item={item}
              context={context}
              onDecide={(key, decision) => update(key, (it) => ({ ...it, decision }))}
              onEdit={(key, edit: EventEdit | undefined) =>
                update(key, (it) => {
                  const { edit: _old, ...rest } = it;
                  return edit ? { ...rest, edit } : rest;
                })
              }
            />
          ))}
        </ol>
      )}
    </div>
  );
}
