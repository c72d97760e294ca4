/** The references found on the current tab, grouped by status, each a click away on the page. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STAGES, type Stage } from '../../storage/dataset/schema';
import type { PageReference, PageReferencesResponse } from '../../messaging/to-page';
import { stageLabel } from '../../storage/dataset/status';
import { askPage } from '../../messaging/ask-page';
import { TYPE_NAMES } from '../../components/labels';
import type { ReferenceType } from '../../references/types';
import { ThisPage } from './ThisPage';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; tabId: number; page: PageReferencesResponse };

const UNTRACKED = 'untracked';
/** in the dataset, but no report gives it a dated event */
const NO_STATUS = 'no-status';
type Group = Stage | typeof UNTRACKED | typeof NO_STATUS;

function groupOf(reference: PageReference): Group {
  if (reference.stage) return reference.stage;
  return reference.title === null ? UNTRACKED : NO_STATUS;
}

function groupByStage(references: PageReference[]): [Group, PageReference[]][] {
  const groups = new Map<Group, PageReference[]>();
  for (const stage of STAGES) groups.set(stage, []);
  groups.set(NO_STATUS, []);
  groups.set(UNTRACKED, []);
  for (const reference of references) groups.get(groupOf(reference))!.push(reference);
  return [...groups].filter(([, rows]) => rows.length > 0);
}

function groupName(group: Group): string {
  if (group === UNTRACKED) return 'Not in the dataset';
  if (group === NO_STATUS) return 'No status recorded';
  return stageLabel(group);
}

/** The tab to list: the active one, or the one named in the address (the list opened in a tab). */
async function targetTabId(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

type StatusFilter = 'all' | Group;

/** Parts of the page that undid their marks each time, and that Eurefs then left alone. */
function StoppedParts({ count }: { count: number }) {
  const one = count === 1;
  return (
    <p class="muted" role="note">
      Eurefs stopped marking {count} {one ? 'part' : 'parts'} of this page that kept changing back.{' '}
      {one ? 'Its' : 'Their'} references are listed here but not marked on the page.
    </p>
  );
}

export function PageReferences() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [typeFilter, setTypeFilter] = useState<'all' | ReferenceType>('all');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) {
        setState({ kind: 'unavailable', reason: 'No page is open in this tab.' });
        return;
      }
      try {
        const page = await askPage(tabId, { type: 'list-references' });
        setState({ kind: 'ready', tabId, page });
      } catch {
        setState({ kind: 'unavailable', reason: 'Eurefs does not read this page. It runs on EUR-Lex and other europa.eu sites.' });
      }
    })();
  }, []);

  if (state.kind === 'loading') return <p class="muted">Reading the page…</p>;
  if (state.kind === 'unavailable') return <p class="muted">{state.reason}</p>;
  const { page, tabId } = state;
  const total = page.references.reduce((sum, row) => sum + row.count, 0);
  const types = [...new Set(page.references.map((row) => row.type))];
  const groups = groupByStage(page.references);
  const shown = groups
    .filter(([stage]) => statusFilter === 'all' || stage === statusFilter)
    .map(([stage, rows]) => [stage, rows.filter((row) => typeFilter === 'all' || row.type === typeFilter)] as const)
    .filter(([, rows]) => rows.length > 0);
  return (
    <main>
      <h1>References on this page</h1>
      {page.thisPage ? <ThisPage page={page.thisPage} /> : null}
      <p class="summary">
        {page.references.length} {page.references.length === 1 ? 'document' : 'documents'}, {total}{' '}
        {total === 1 ? 'mention' : 'mentions'}
      </p>
      {page.stoppedParts ? <StoppedParts count={page.stoppedParts} /> : null}
      {page.references.length > 0 && (
        <div class="filters">
          <label>
            Type{' '}
            <select value={typeFilter} onChange={(e) => setTypeFilter(e.currentTarget.value as 'all' | ReferenceType)}>
              <option value="all">All types</option>
              {types.map((type) => (
                <option key={type} value={type}>{TYPE_NAMES[type]}</option>
              ))}
            </select>
          </label>
          <label>
            Status{' '}
            <select value={statusFilter} onChange={(e) => setStatusFilter(e.currentTarget.value as StatusFilter)}>
              <option value="all">All statuses</option>
              {groups.map(([stage, rows]) => (
                <option key={stage} value={stage}>{groupName(stage)} ({rows.length})</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {shown.length === 0 && <p class="muted">{page.references.length ? 'Nothing matches these filters.' : 'No references to EU documents on this page.'}</p>}
      {shown.map(([stage, rows]) => (
        <section key={stage} aria-label={groupName(stage)}>
          <h2>
            {groupName(stage)} <span class="count">({rows.length})</span>
          </h2>
          <ul class="references">
            {rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  data-euref-row={row.id}
                  title={`Show ${row.label} on the page`}
                  onClick={() => void askPage(tabId, { type: 'reveal', id: row.id })}
                >
                  <span class="label">{row.label}</span>
                  {row.count > 1 && <span class="count"> ×{row.count}</span>}
                  <span class="detail">{row.title ?? TYPE_NAMES[row.type]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
