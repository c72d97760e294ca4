/**
 * What a reader checks a fact by: the report's own words behind an event (one click away, and
 * the report itself one more), and, for a fact no report states, where it comes from instead,
 * said so visibly. Quotes and notes are dataset text: rendered by Preact as text.
 */
import { useState } from 'preact/hooks';
import type { DocumentView } from '../../messaging/to-background';
import type { OutsideSource } from '../../storage/dataset/schema';
import { onlyTrustedNavigation, trusted } from './trusted';

export type TimelineSource = DocumentView['timeline'][number]['source'];

/** What the popover asks the background to open: the report, at the words it quotes. */
export interface ReportPassage {
  report: string;
  quote: string;
  footnote?: number;
}

const ORIGIN_NAMES: Readonly<Record<OutsideSource['from'], string>> = {
  'eur-lex': 'EUR-Lex',
  'legislative-observatory': 'the Legislative Observatory',
  'official-journal': 'the Official Journal',
  'the-document': 'the document itself',
};

/** "from the Legislative Observatory, not the reports" */
export function outsideLabel(fact: OutsideSource): string {
  return `from ${ORIGIN_NAMES[fact.from]}, not the reports`;
}

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
  const noteId = `outside-note-${field}`;
  const url = checkableUrl(fact.url);
  return (
    <span class="outside" data-outside={fact.from} data-outside-field={field}>
      {' — '}
      <span class="outside-from" tabindex={0} aria-describedby={noteId}>
        {outsideLabel(fact)}
      </span>
      <span class="outside-note" id={noteId} role="tooltip">
        {fact.note}
      </span>
      {url && (
        <>
          {' '}
          <a class="outside-check" href={url} target="_blank" rel="noopener noreferrer" onClick={onlyTrustedNavigation}>
            check it
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
  const [open, setOpen] = useState(false);
  const passage: ReportPassage = { report: source.report, quote: source.quote, ...(source.footnote ? { footnote: source.footnote } : {}) };
  return (
    <div class="report-words">
      <button type="button" class="words-toggle" aria-expanded={open ? 'true' : 'false'} onClick={trusted(() => setOpen((was) => !was))}>
        The report's words
      </button>
      {open && (
        <div class="words">
          <blockquote lang="en">{source.quote}</blockquote>
          {source.footnote !== undefined && <p class="words-footnote">See footnote {source.footnote} of the report.</p>}
          {onRead && (
            <button type="button" class="read-report" title="Opens the report in a new tab" onClick={trusted(() => onRead(passage))}>
              Read it in the report
            </button>
          )}
        </div>
      )}
    </div>
  );
}
