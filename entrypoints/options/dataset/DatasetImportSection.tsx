/**
 * Import a dataset from a file (drop or pick) or an address: check it, preview what it changes,
 * apply it in one transaction. Nothing is written before "Apply"; a file with errors changes nothing.
 * Whatever is in progress has a Cancel button; a cancelled import changes nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ImportEntry, ImportMode } from '../../../storage/dataset/db';
import type { ImportPreview as Preview } from '../../../storage/import/diff';
import { checkAddress } from '../../../storage/import/fetch';
import type { Phase } from '../../../storage/import/pipeline';
import { formatBytes } from '../../../components/format';
import { getRefreshSchedule, setRefreshAlarm, setRefreshSchedule, type RefreshSchedule } from '../../../storage/import/refresh';
import { readManagedPolicy } from '../../../storage/managed-area';
import { policyLocksDataset, type PolicyReading } from '../../../storage/managed-policy';
import { ManagedPolicyNotice } from './ManagedPolicyNotice';
import { ImportClient } from '../import/import-client';
import type { PreparedSummary } from '../import/import-engine';
import { ImportPreview } from './ImportPreview';
import type { SectionProps } from '../section';
import { ImportProgress } from './ImportProgress';
import { Problems } from './Problems';
import { useI18n } from '../../../components/i18n-context';
import type { Translator } from '../../../i18n/translate';
import { errorText } from '../error-text';
import { say, type Said } from '../../../i18n/phrase';
import { errorWords } from '../../../i18n/phrased-error';
import { withElements } from '../with-elements';
import { modeWords } from './mode-words';
import { dateTime } from '../date-time';
import { intlLocale } from '../../../i18n/languages';
import { DropZone } from '../DropZone';
import { receiveHandedFiles } from './hand-off';

type State =
  | { kind: 'idle' }
  /** `received`: bytes read so far, when reading from an address */
  | { kind: 'working'; phase: Phase; share: number; what: string; received?: number }
  | { kind: 'checked'; summary: PreparedSummary; preview: Preview | null; notice?: Said }
  | { kind: 'applied'; entry: ImportEntry; ms: number; tooLateToCancel?: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: Said };


const REFRESH_CHOICES: { hours: number; label: (words: Translator) => string }[] = [
  { hours: 0, label: (words) => words.t('importRefreshNever') },
  { hours: 6, label: (words) => words.plural('importRefreshHours', 6) },
  { hours: 24, label: (words) => words.t('importRefreshDay') },
  { hours: 168, label: (words) => words.t('importRefreshWeek') },
];

export function DatasetImportSection({ db, revision, changed }: SectionProps) {
  const words = useI18n();
  const client = useRef<ImportClient | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const [address, setAddress] = useState('');
  const [refreshHours, setRefreshHours] = useState(0);
  const [schedule, setSchedule] = useState<RefreshSchedule | null>(null);
  const [policy, setPolicy] = useState<PolicyReading | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  /** the request in progress: Cancel aborts it */
  const running = useRef<AbortController | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    client.current = new ImportClient(db);
    return () => client.current?.dispose();
  }, [db]);
  useEffect(() => {
    void getRefreshSchedule(db).then(setSchedule);
  }, [db, revision]);
  useEffect(() => {
    void readManagedPolicy().then(setPolicy);
  }, [revision]);
  /** the address and its schedule are the administrator's: shown, not changeable */
  const locked = policy !== null && policyLocksDataset(policy.policy);

  const busy = state.kind === 'working';
  const onProgress = (what: string) => (event: { phase: Phase; share: number; received?: number }) =>
    setState({ kind: 'working', phase: event.phase, share: event.share, what, ...(event.received !== undefined ? { received: event.received } : {}) });

  /** A new request, that Cancel can stop. */
  const begin = (): AbortSignal => {
    const run = new AbortController();
    running.current = run;
    setCancelling(false);
    return run.signal;
  };
  const end = () => {
    running.current = null;
    setCancelling(false);
  };
  const cancelRunning = () => {
    if (!running.current) return;
    setCancelling(true);
    running.current.abort();
  };
  const leave = () => {
    setState({ kind: 'cancelled' });
    if (fileInput.current) fileInput.current.value = '';
  };

  const afterCheck = (answer: Awaited<ReturnType<ImportClient['request']>>) => {
    if (answer.type === 'prepared') setState({ kind: 'checked', summary: answer.summary, preview: answer.preview });
    else if (answer.type === 'failed') setState({ kind: 'failed', message: answer.message });
    else if (answer.type === 'cancelled') leave();
  };

  const importFile = async (file: File) => {
    if (busy || !client.current) return;
    const signal = begin();
    setState({ kind: 'working', phase: 'reading', share: 0, what: file.name });
    try {
      const bytes = await file.arrayBuffer();
      const answer = await client.current.request(
        { type: 'prepare', bytes, name: file.name, contentType: file.type, source: { kind: 'file', name: file.name }, mode },
        { onProgress: onProgress(file.name), transfer: [bytes], signal },
      );
      afterCheck(answer);
    } catch (error) {
      setState({ kind: 'failed', message: words.t('importFileUnread', errorText(words, error)) });
    } finally {
      end();
    }
  };

  // A file another section made (the drafter's accepted proposals) takes the dropped file's path.
  const importHanded = useRef(importFile);
  importHanded.current = importFile;
  useEffect(
    () =>
      receiveHandedFiles((file) => {
        sectionRef.current?.scrollIntoView({ block: 'start' });
        void importHanded.current(file);
      }),
    [],
  );

  const importAddress = async (event: Event) => {
    event.preventDefault();
    if (busy || !client.current) return;
    let url: URL;
    try {
      url = checkAddress(address);
    } catch (error) {
      setState({ kind: 'failed', message: errorWords(error) });
      return;
    }
    // Reading another site needs the reader's yes (optional host permission), asked once per site.
    try {
      await browser.permissions.request({ origins: [`${url.origin}/*`] });
    } catch {
      // not grantable here: the server's CORS headers decide
    }
    const signal = begin();
    setState({ kind: 'working', phase: 'reading', share: 0, what: url.href, received: 0 });
    try {
      afterCheck(await client.current.request({ type: 'fetch', url: url.href, mode }, { onProgress: onProgress(url.href), signal }));
    } finally {
      end();
    }
  };

  const changeMode = async (next: ImportMode) => {
    setMode(next);
    if (state.kind !== 'checked' || !state.preview || !client.current) return;
    const summary = state.summary;
    const signal = begin();
    setState({ kind: 'working', phase: 'comparing', share: 0, what: summary.name });
    try {
      const answer = await client.current.request({ type: 'preview', mode: next }, { onProgress: onProgress(summary.name), signal });
      if (answer.type === 'preview') setState({ kind: 'checked', summary, preview: answer.preview });
      else if (answer.type === 'failed') setState({ kind: 'failed', message: answer.message });
      else if (answer.type === 'cancelled') leave();
    } finally {
      end();
    }
  };

  const apply = async () => {
    if (state.kind !== 'checked' || !client.current) return;
    const summary = state.summary;
    const signal = begin();
    // At once, not at the engine's first word: from here on the one way out is Cancel.
    setState({ kind: 'working', phase: 'applying', share: 0, what: summary.name });
    try {
      await applyChecked(summary, signal);
    } finally {
      end();
    }
  };

  const applyChecked = async (summary: PreparedSummary, signal: AbortSignal) => {
    if (!client.current) return;
    const answer = await client.current.request({ type: 'apply', mode }, { onProgress: onProgress(summary.name), signal });
    if (answer.type === 'cancelled') {
      leave();
      return;
    }
    if (answer.type === 'applied') {
      setState({ kind: 'applied', entry: answer.entry, ms: answer.ms, ...(answer.tooLateToCancel ? { tooLateToCancel: true } : {}) });
      // A reader who asked to cancel did not ask for the address to be imported again and again.
      if (!answer.tooLateToCancel && summary.source.kind === 'address' && summary.source.url && refreshHours > 0) {
        await saveSchedule({ url: summary.source.url, everyHours: refreshHours, mode });
      }
      changed();
    } else if (answer.type === 'failed') {
      if (answer.conflict) {
        // Someone else changed the dataset since the preview: show the preview of the data as it is now.
        changed();
        const again = await client.current.request({ type: 'preview', mode }, { onProgress: onProgress(summary.name), signal });
        if (again.type === 'preview') {
          setState({ kind: 'checked', summary, preview: again.preview, notice: answer.message });
          return;
        }
        if (again.type === 'cancelled') {
          leave();
          return;
        }
      }
      setState({ kind: 'failed', message: answer.message });
    }
  };

  /** Cancel (or Close, after errors) on a checked file: nothing was written, and it is dropped. */
  const discard = async () => {
    const hadPreview = state.kind === 'checked' && state.preview !== null;
    running.current?.abort();
    await client.current?.request({ type: 'discard' });
    if (hadPreview) leave();
    else setState({ kind: 'idle' });
    if (fileInput.current) fileInput.current.value = '';
  };

  const saveSchedule = async (next: RefreshSchedule | null) => {
    await setRefreshSchedule(db, next);
    await setRefreshAlarm(next ? next.everyHours : null);
    setSchedule(next);
  };

  return (
    <section ref={sectionRef} aria-labelledby="import-heading" class="import" data-runs-in={client.current?.runsIn}>
      <h2 id="import-heading">{words.t('importHeading')}</h2>
      <p class="muted">{words.t('importIntro')}</p>

      <fieldset class="mode" disabled={busy}>
        <legend>{words.t('importHow')}</legend>
        <label>
          <input type="radio" name="import-mode" value="merge" checked={mode === 'merge'} onChange={() => void changeMode('merge')} />{' '}
          {words.t('importMerge')}
        </label>
        <label>
          <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => void changeMode('replace')} />{' '}
          {words.t('importReplace')}
        </label>
      </fieldset>

      <DropZone
        prompt={`${words.t('importDrop')} `}
        accept=".json,.csv,application/json,text/csv"
        testId="import-file"
        disabled={busy}
        inputRef={fileInput}
        onFiles={(files) => void importFile(files[0]!)}
      />

      <ManagedPolicyNotice reading={policy} />
      <form class="address" onSubmit={(event) => void importAddress(event)}>
        <fieldset class="bare" disabled={locked}>
        <label>
          {words.t('importAddress')}{' '}
          <input
            type="url"
            inputMode="url"
            placeholder="https://example.org/eurefs-dataset.json"
            value={address}
            disabled={busy}
            data-testid="import-url"
            onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <label>
          {words.t('importRefresh')}{' '}
          <select value={String(refreshHours)} disabled={busy} onChange={(event) => setRefreshHours(Number((event.currentTarget as HTMLSelectElement).value))}>
            {REFRESH_CHOICES.map((choice) => (
              <option key={choice.hours} value={String(choice.hours)}>
                {choice.label(words)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={busy || address.trim() === ''}>
          {words.t('importFetch')}
        </button>
        </fieldset>
      </form>
      {schedule && (
        <p class="muted" data-testid="refresh-schedule">
          {withElements([<span class="id">{schedule.url}</span>], (address) =>
            words.t(
              'importSchedule',
              words.plural('importRefreshHours', schedule.everyHours),
              address!,
              modeWords(words, schedule.mode) + (schedule.setBy === 'policy' ? words.t('importScheduleByPolicy') : ''),
            ),
          )}
          {schedule.lastRun && (
            <span data-testid="refresh-last-run" class={schedule.lastRun.ok ? '' : 'warn'}>
              {words.t(schedule.lastRun.ok ? 'importLastRun' : 'importLastRunFailed', dateTime(words, schedule.lastRun.at), schedule.lastRun.words ? say(words, schedule.lastRun.words) : schedule.lastRun.message)}
            </span>
          )}{' '}
          {!locked && (
            <button type="button" onClick={() => void saveSchedule(null)}>
              {words.t('importStop')}
            </button>
          )}
        </p>
      )}

      <div aria-live="polite">
        {state.kind === 'working' && (
          <div class="progress" data-testid="import-progress">
            <ImportProgress phase={state.phase} share={state.share} what={state.what} received={state.received} />
            <button type="button" class="cancel" data-testid="import-cancel" disabled={cancelling} onClick={cancelRunning}>
              {cancelling ? words.t('importCancelling') : words.t('importCancel')}
            </button>
          </div>
        )}
        {state.kind === 'cancelled' && (
          <p class="done" role="status" data-testid="import-cancelled">
            {words.t('importCancelled')}
          </p>
        )}
        {state.kind === 'failed' && (
          <div class="problems errors" role="alert" data-testid="import-failure">
            <p>{say(words, state.message)}</p>
          </div>
        )}
        {state.kind === 'applied' && (
          <p class="done" role="status" data-testid="import-done">
            {withElements([<strong>{state.entry.version}</strong>], (version) =>
              words.t(
                'importApplied',
                version!,
                state.entry.source.name,
                state.entry.counts.added,
                state.entry.counts.changed,
                state.entry.counts.removed,
                new Intl.NumberFormat(intlLocale(words.language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(state.ms / 1000),
              ),
            )}
          </p>
        )}
        {state.kind === 'applied' && state.tooLateToCancel && (
          <p class="problems warnings" role="alert" data-testid="import-too-late">
            {words.t('importTooLate')}
          </p>
        )}
      </div>

      {state.kind === 'checked' && (
        <div class="checked" data-testid="import-checked">
          <p>
            <strong>{state.summary.name}</strong>{' '}
            {words.t(
              'importFileSummary',
              state.summary.format?.toUpperCase() ?? words.t('importUnknownFormat'),
              formatBytes(state.summary.bytes, words.language),
              (state.summary.version ? words.t('importFileVersion', state.summary.version) : '') +
                (state.summary.errorCount === 0
                  ? words.t('importFileCounts', words.plural('importDocuments', state.summary.documents), words.plural('importReports', state.summary.reports))
                  : ''),
            )}{' '}
            <span class="muted hash" title={state.summary.hash}>
              SHA-256 {state.summary.hash.slice(0, 12)}…
            </span>
          </p>
          {state.notice && (
            <p role="alert" class="problems warnings" data-testid="import-notice">
              {say(words, state.notice)}
            </p>
          )}
          <Problems kind="error" problems={state.summary.errors} count={state.summary.errorCount} />
          {state.preview && <ImportPreview preview={state.preview} />}
          <Problems kind="warning" problems={state.summary.warnings} count={state.summary.warningCount} />
          <p class="actions">
            {state.preview && (
              <button type="button" class="primary" data-testid="import-apply" onClick={() => void apply()}>
                {words.t('importApply', modeWords(words, mode))}
              </button>
            )}{' '}
            <button type="button" onClick={() => void discard()}>
              {state.preview ? words.t('importCancel') : words.t('importClose')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
