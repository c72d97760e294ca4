/** The references found on the current tab, grouped by status, each a click away on the page. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STAGES, type Stage } from '../storage/dataset-schema';
import { PageReferencesResponseSchema, type PageReference, type PageReferencesResponse } from '../storage/protocol';
import { stageLabel } from '../storage/status';
import { TYPE_NAMES } from './labels';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; tabId: number; page: PageReferencesResponse };

const UNTRACKED = 'untracked';

function groupByStage(references: PageReference[]): [Stage | typeof UNTRACKED, PageReference[]][] {
  const groups = new Map<Stage | typeof UNTRACKED, PageReference[]>();
  for (const stage of STAGES) groups.set(stage, []);
  groups.set(UNTRACKED, []);
  for (const reference of references) groups.get(reference.stage ?? UNTRACKED)!.push(reference);
  return [...groups].filter(([, rows]) => rows.length > 0);
}

export function PageReferences() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) {
        setState({ kind: 'unavailable', reason: 'No page is open in this tab.' });
        return;
      }
      try {
        const page = PageReferencesResponseSchema.parse(await browser.tabs.sendMessage(tab.id, { type: 'list-references' }));
        setState({ kind: 'ready', tabId: tab.id, page });
      } catch {
        setState({ kind: 'unavailable', reason: 'Eurefs does not read this page. It runs on EUR-Lex and other europa.eu sites.' });
      }
    })();
  }, []);

  if (state.kind === 'loading') return <p class="muted">Reading the page…</p>;
  if (state.kind === 'unavailable') return <p class="muted">{state.reason}</p>;
  const { page, tabId } = state;
  const total = page.references.reduce((sum, row) => sum + row.count, 0);
  return (
    <main>
      <h1>References on this page</h1>
      <p class="summary">
        {page.references.length} {page.references.length === 1 ? 'document' : 'documents'}, {total}{' '}
        {total === 1 ? 'mention' : 'mentions'}
      </p>
      {groupByStage(page.references).map(([stage, rows]) => (
        <section key={stage} aria-label={stage === UNTRACKED ? 'Not tracked' : stageLabel(stage)}>
          <h2>
            {stage === UNTRACKED ? 'Not tracked' : stageLabel(stage)} <span class="count">({rows.length})</span>
          </h2>
          <ul class="references">
            {rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  data-euref-row={row.id}
                  title={`Show ${row.label} on the page`}
                  onClick={() => void browser.tabs.sendMessage(tabId, { type: 'reveal', id: row.id })}
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
