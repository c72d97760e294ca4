/**
 * What a reader sees on hover or focus: what the document is, where it stands and why we say so.
 * Everything from the dataset or the page is rendered as text by Preact, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Reference } from '../../references/types';
import type { DocumentView } from '../../messaging/to-background';
import { stageLabel } from '../../storage/dataset/status';
import { TYPE_NAMES, formatDate, referenceLabel } from '../../components/labels';

export interface PopoverProps {
  reference: Pick<Reference, 'id' | 'type' | 'year' | 'number' | 'celex' | 'url'>;
  /** undefined while the lookup is under way; null when the dataset does not track the document */
  document: DocumentView | null | undefined;
  relatedUrl: (id: string) => string;
  relatedLabel: (id: string) => string;
  /** opens the related document in this popover; the link's address stays for new tabs */
  onOpenRelated?: (id: string) => void;
  /** set when the popover shows a related document: back to the one before */
  onBack?: (() => void) | undefined;
  backLabel?: string | undefined;
  /** puts the formatted citation on the clipboard; resolves false where the page forbids it */
  onCopyCitation?: () => Promise<boolean>;
  /** the reader's notes on this document (a frame of the extension's own), rendered once the reader opens them */
  renderNotes?: () => ComponentChildren;
  /** set when the lookup got no answer, however often it was tried: asks again */
  onRetryLookup?: (() => void) | undefined;
}

/**
 * A page's own scripts can click anything in the popover's open shadow root, but the events they
 * make are not trusted: the popover acts only on the reader's own clicks and keys (a key on a
 * button is a trusted click too). A synthetic click on a link must not navigate either.
 */
function trusted<E extends Event>(act: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) act(event);
    else event.preventDefault();
  };
}

/** A plain link of the popover: the reader's click follows it, a page script's goes nowhere. */
const onlyTrustedNavigation = trusted<MouseEvent>(() => undefined);

/**
 * The Notes toggle. A button whose state only a trusted click changes, not a <details>: a page
 * can set `open` on a details element through the shadow root, and the toggle event that
 * follows is the browser's own, trusted.
 */
function Notes({ render }: { render: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="notes">
      <button type="button" class="notes-toggle" aria-expanded={open ? 'true' : 'false'} onClick={trusted(() => setOpen((was) => !was))}>
        Notes
      </button>
      {open && render()}
    </div>
  );
}

/** The dataset's kind where it adds to the type ("legislative proposal"), not where it repeats it. */
function kindNote(type: Reference['type'], doc: DocumentView | null | undefined): string {
  if (!doc || doc.kind === 'unknown') return '';
  const kind = doc.kind.replaceAll('-', ' ');
  return kind === TYPE_NAMES[type].toLowerCase() || kind === type.replaceAll('-', ' ') ? '' : ` · ${kind}`;
}

function oeilUrl(procedure: string): string {
  return `https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=${encodeURIComponent(procedure)}`;
}

function Status({ doc }: { doc: DocumentView }) {
  if (!doc.status) {
    return <p class="status"><span class="badge badge-none">No dated events</span></p>;
  }
  const { stage, since, asOfReportTitle, asOfReport, asOfDate } = doc.status;
  return (
    <p class="status">
      <span class={`badge stage-${stage}`} data-stage={stage}>{stageLabel(stage)}</span>
      {since && <span class="since"> since {formatDate(since)}</span>}
      {asOfReport && (
        <span class="as-of">
          {' '}· as of {asOfReportTitle ?? asOfReport}
          {asOfDate ? ` (${asOfReport}, ${formatDate(asOfDate)})` : ''}
        </span>
      )}
    </p>
  );
}

function Timeline({ doc }: { doc: DocumentView }) {
  if (doc.timeline.length === 0) return null;
  return (
    <details class="timeline" open={doc.timeline.length <= 4}>
      <summary>Timeline ({doc.timeline.length} {doc.timeline.length === 1 ? 'event' : 'events'})</summary>
      <ol>
        {doc.timeline.map((event) => (
          <li key={`${event.date}-${event.stage}-${event.label}`}>
            <time dateTime={event.date}>{formatDate(event.date)}</time>
            <span class="event-label">{event.label}</span>
            <span class="event-meta">
              {event.institution} · {stageLabel(event.stage)} · source: {event.source.reportTitle ?? event.source.report}, {event.source.section}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function RelatedLink({ id, relatedUrl, relatedLabel, onOpenRelated }: Pick<PopoverProps, 'relatedUrl' | 'relatedLabel' | 'onOpenRelated'> & { id: string }) {
  return (
    <a
      href={relatedUrl(id)}
      target="_blank"
      rel="noopener noreferrer"
      data-related={id}
      onClick={trusted((event) => {
        // A plain click reads on in place; a modified click opens EUR-Lex as links do.
        if (!onOpenRelated || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpenRelated(id);
      })}
    >
      {relatedLabel(id)}
    </a>
  );
}

function CopyButton({ onCopy }: { onCopy: () => Promise<boolean> }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      class="copy"
      onClick={trusted(() => void onCopy().then((ok) => setState(ok ? 'copied' : 'failed')))}
    >
      {state === 'copied' ? 'Citation copied' : state === 'failed' ? 'Copy failed' : 'Copy citation'}
    </button>
  );
}

export function Popover(props: PopoverProps) {
  const { reference, document: doc, relatedUrl, relatedLabel, onOpenRelated, onBack, backLabel, onCopyCitation, renderNotes, onRetryLookup } = props;
  const label = referenceLabel(reference);
  const related = { relatedUrl, relatedLabel, onOpenRelated };
  const url = doc?.url ?? reference.url;
  const celex = doc?.celex ?? reference.celex;
  return (
    <div class="popover" role="dialog" aria-label={`${label}: EU document`} data-euref-popover={reference.id}>
      {onBack && (
        <button type="button" class="back" onClick={trusted(onBack)}>
          ← Back{backLabel ? ` to ${backLabel}` : ''}
        </button>
      )}
      <p class="kind">
        {TYPE_NAMES[reference.type]}
        {kindNote(reference.type, doc)}
      </p>
      <p class="ref">{label}{celex && celex !== label ? <span class="celex"> · CELEX {celex}</span> : null}</p>
      {doc === undefined && !onRetryLookup && <p class="loading">Looking it up…</p>}
      {doc === undefined && onRetryLookup && (
        <p class="lookup-failed" role="status">
          Eurefs could not reach its dataset.{' '}
          {/* The page can click into an open shadow root too; only the reader's click asks again. */}
          <button type="button" class="retry" onClick={trusted(onRetryLookup)}>
            Try again
          </button>
        </p>
      )}
      {doc === null && (
        <div class="untracked">
          <p class="title">Not in the Eurefs dataset</p>
          <p>Its status is not tracked. {reference.type === 'procedure' ? 'Procedure' : 'Year'} {reference.year}, number {reference.number}.</p>
        </div>
      )}
      {doc && (
        <>
          {/* Documents the builder found but nobody has described yet carry their id as title. */}
          {doc.title !== doc.id ? <p class="title">{doc.title}</p> : <p class="muted">No title recorded yet.</p>}
          {doc.date && <p class="date">Dated {formatDate(doc.date)}</p>}
          <Status doc={doc} />
          <Timeline doc={doc} />
          {doc.becameAct && (
            <p class="related">Became <RelatedLink id={doc.becameAct} {...related} /></p>
          )}
          {doc.fromProposal && (
            <p class="related">Proposed as <RelatedLink id={doc.fromProposal} {...related} /></p>
          )}
        </>
      )}
      <p class="links">
        <a href={url} target="_blank" rel="noopener noreferrer" onClick={onlyTrustedNavigation}>
          {reference.type === 'procedure' ? 'Open in the Legislative Observatory' : 'Open in EUR-Lex'}
        </a>
        {doc?.procedure && (
          <a href={oeilUrl(doc.procedure)} target="_blank" rel="noopener noreferrer" onClick={onlyTrustedNavigation}>Legislative Observatory {doc.procedure}</a>
        )}
        {onCopyCitation && <CopyButton key={reference.id} onCopy={onCopyCitation} />}
      </p>
      {renderNotes && <Notes key={reference.id} render={renderNotes} />}
    </div>
  );
}
