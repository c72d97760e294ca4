/** The references found on the current tab, grouped by status, each a click away on the page. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STAGES, type Stage } from '../../storage/dataset/schema';
import type { PageReference, PageReferencesResponse } from '../../messaging/to-page';
import { askPage } from '../../messaging/ask-page';
import { TYPE_KEYS, stageWords } from '../../components/labels';
import { useI18n } from '../../components/i18n-context';
import type { MessageKey } from '../../i18n/keys';
import type { Translator } from '../../i18n/translate';
import type { ReferenceType } from '../../references/types';
import { ThisPage } from './ThisPage';
import { DatasetText } from '../../components/DatasetText';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: MessageKey }
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

function groupName(words: Translator, group: Group): string {
  if (group === UNTRACKED) return words.t('listUntracked');
  if (group === NO_STATUS) return words.t('listNoStatus');
  return stageWords(words, group);
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
  const words = useI18n();
  return (
    <p class="muted" role="note">
      {words.plural('listStopped', count)}
    </p>
  );
}

export function PageReferences() {
  const words = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [typeFilter, setTypeFilter] = useState<'all' | ReferenceType>('all');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) {
        setState({ kind: 'unavailable', reason: 'listNoTab' });
        return;
      }
      try {
        const page = await askPage(tabId, { type: 'list-references' });
        setState({ kind: 'ready', tabId, page });
      } catch {
        setState({ kind: 'unavailable', reason: 'listNotRead' });
      }
    })();
  }, []);

  if (state.kind === 'loading') return <p class="muted">{words.t('listReading')}</p>;
  if (state.kind === 'unavailable') return <p class="muted">{words.t(state.reason)}</p>;
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
      <h1>{words.t('listHeading')}</h1>
      {page.thisPage ? <ThisPage page={page.thisPage} /> : null}
      <p class="summary">
        {words.plural('listDocuments', page.references.length)}, {words.plural('listMentions', total)}
      </p>
      {page.stoppedParts ? <StoppedParts count={page.stoppedParts} /> : null}
      {page.references.length > 0 && (
        <div class="filters">
          <label>
            {words.t('listType')}{' '}
            <select value={typeFilter} onChange={(e) => setTypeFilter(e.currentTarget.value as 'all' | ReferenceType)}>
              <option value="all">{words.t('listAllTypes')}</option>
              {types.map((type) => (
                <option key={type} value={type}>{words.t(TYPE_KEYS[type])}</option>
              ))}
            </select>
          </label>
          <label>
            {words.t('listStatus')}{' '}
            <select value={statusFilter} onChange={(e) => setStatusFilter(e.currentTarget.value as StatusFilter)}>
              <option value="all">{words.t('listAllStatuses')}</option>
              {groups.map(([stage, rows]) => (
                <option key={stage} value={stage}>{groupName(words, stage)} ({words.number(rows.length)})</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {shown.length === 0 && <p class="muted">{words.t(page.references.length ? 'listNothingMatches' : 'listNoReferences')}</p>}
      {shown.map(([stage, rows]) => (
        <section key={stage} aria-label={groupName(words, stage)}>
          <h2>
            {groupName(words, stage)} <span class="count">({words.number(rows.length)})</span>
          </h2>
          <ul class="references">
            {rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  data-euref-row={row.id}
                  title={words.t('listShowOnPage', row.label)}
                  onClick={() => void askPage(tabId, { type: 'reveal', id: row.id })}
                >
                  <span class="label">{row.label}</span>
                  {row.count > 1 && <span class="count"> ×{words.number(row.count)}</span>}
                  {row.title !== null ? <DatasetText class="detail">{row.title}</DatasetText> : <span class="detail">{words.t(TYPE_KEYS[row.type])}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
