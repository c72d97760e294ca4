/**
 * What a reader checks a fact by: the report's own words behind an event (one click away, and
 * the report itself one more), and, for a fact no report states, where it comes from instead,
 * said so visibly. Quotes and notes are dataset text: rendered by Preact as text.
 */
import { useState } from 'preact/hooks';
import type { DocumentView } from '../../messaging/to-background';
import type { OutsideSource } from '../../storage/dataset/schema';
import { onlyTrustedNavigation, trusted } from './trusted';
import { useI18n } from '../../components/i18n-context';
import type { MessageKey } from '../../i18n/keys';
import { DATASET_LANGUAGE } from '../../i18n/languages';
import { datasetLang } from '../../components/DatasetText';

export type TimelineSource = DocumentView['timeline'][number]['source'];

/** What the popover asks the background to open: the report, at the words it quotes. */
export interface ReportPassage {
  report: string;
  quote: string;
  footnote?: number;
}

/** "from the Legislative Observatory, not the reports", a whole phrase per source: each language inflects the name its own way. */
export const OUTSIDE_KEYS: Readonly<Record<OutsideSource['from'], MessageKey>> = {
  'eur-lex': 'outsideFromEurLex',
  'legislative-observatory': 'outsideFromOeil',
  'official-journal': 'outsideFromOfficialJournal',
  'the-document': 'outsideFromDocument',
};

/** Only an address a reader can open: a dataset's `javascript:` or `data:` link is no link. */
function checkableUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * " — from EUR-Lex, not the reports", after the fact it qualifies. The note says what the fact
 * rests on: shown while the pointer or keyboard focus is on the label, and read out with it.
 */
export function OutsideFact({ fact, field }: { fact: OutsideSource; field: string }) {
  const words = useI18n();
  const noteId = `outside-note-${field}`;
  const url = checkableUrl(fact.url);
  return (
    <span class="outside" data-outside={fact.from} data-outside-field={field}>
      {' — '}
      <span class="outside-from" tabindex={0} aria-describedby={noteId}>
        {words.t(OUTSIDE_KEYS[fact.from])}
      </span>
      <span class="outside-note" id={noteId} role="tooltip" {...datasetLang(words)}>
        {fact.note}
      </span>
      {url && (
        <>
          {' '}
          <a class="outside-check" href={url} target="_blank" rel="noopener noreferrer" onClick={onlyTrustedNavigation}>
            {words.t('outsideCheck')}
          </a>
        </>
      )}
    </span>
  );
}

/**
 * "The report's words" under an event whose source quotes the report. A button, not a
 * <details>: a page may open a details element through the open shadow root (harmless for public
 * words, but "Read it in the report" opens a tab, and only the reader's click may).
 */
export function ReportWords({ source, onRead }: { source: TimelineSource & { quote: string }; onRead?: ((passage: ReportPassage) => void) | undefined }) {
  const words = useI18n();
  const [open, setOpen] = useState(false);
  const passage: ReportPassage = { report: source.report, quote: source.quote, ...(source.footnote ? { footnote: source.footnote } : {}) };
  return (
    <div class="report-words">
      <button type="button" class="words-toggle" aria-expanded={open ? 'true' : 'false'} onClick={trusted(() => setOpen((was) => !was))}>
        {words.t('reportWordsToggle')}
      </button>
      {open && (
        <div class="words">
          <blockquote lang={DATASET_LANGUAGE}>{source.quote}</blockquote>
          {source.footnote !== undefined && <p class="words-footnote">{words.t('reportWordsFootnote', source.footnote)}</p>}
          {onRead && (
            <button type="button" class="read-report" title={words.t('reportWordsReadTitle')} onClick={trusted(() => onRead(passage))}>
              {words.t('reportWordsRead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
