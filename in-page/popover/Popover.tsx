/**
 * What a reader sees on hover or focus: what the document is, where it stands and why we say so.
 * Everything from the dataset or the page is rendered as text by Preact, never as HTML. The words
 * are the reader's language's; the dataset's own text (titles, events, sources) stays in the
 * dataset's language, marked with `lang` where the two differ (docs/i18n.md).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Reference } from '../../references/types';
import type { DocumentView } from '../../messaging/to-background';
import { KIND_KEYS, TYPE_NAMES, TYPE_KEYS, referenceLabel, stageWords } from '../../components/labels';
import { useI18n } from '../../components/i18n-context';
import { SLOT, withSlots } from '../../components/slots';
import { DATASET_LANGUAGE, intlLocale } from '../../i18n/languages';
import { datasetLang } from '../../components/DatasetText';
import { onlyTrustedNavigation, trusted } from './trusted';
import { OutsideFact, ReportWords, type ReportPassage } from './evidence';

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
  /** opens the report page at the words an event's source quotes (the reader's click only) */
  onReadReport?: ((passage: ReportPassage) => void) | undefined;
}

/**
 * The Notes toggle. A button whose state only a trusted click changes, not a <details>: a page
 * can set `open` on a details element through the shadow root, and the toggle event that
 * follows is the browser's own, trusted.
 */
function Notes({ render }: { render: () => ComponentChildren }) {
  const words = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div class="notes">
      <button type="button" class="notes-toggle" aria-expanded={open ? 'true' : 'false'} onClick={trusted(() => setOpen((was) => !was))}>
        {words.t('popoverNotes')}
      </button>
      {open && render()}
    </div>
  );
}

/** The dataset's kind where it adds to the type ("legislative proposal"), not where it repeats it. */
function KindNote({ type, doc }: { type: Reference['type']; doc: DocumentView | null | undefined }) {
  const words = useI18n();
  if (!doc || doc.kind === 'unknown') return null;
  const kind = doc.kind.replaceAll('-', ' ');
  if (kind === TYPE_NAMES[type].toLowerCase() || kind === type.replaceAll('-', ' ')) return null;
  const key = Object.hasOwn(KIND_KEYS, doc.kind) ? KIND_KEYS[doc.kind] : undefined;
  return <> · {key ? words.t(key) : <span {...datasetLang(words)}>{kind}</span>}</>;
}

function oeilUrl(procedure: string): string {
  return `https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=${encodeURIComponent(procedure)}`;
}

function Status({ doc }: { doc: DocumentView }) {
  const words = useI18n();
  if (!doc.status) {
    return <p class="status"><span class="badge badge-none">{words.t('popoverNoDatedEvents')}</span></p>;
  }
  const { stage, since, asOfReportTitle, asOfReport, asOfDate } = doc.status;
  const report = <span {...(asOfReportTitle ? datasetLang(words) : {})}>{asOfReportTitle ?? asOfReport}</span>;
  return (
    <p class="status">
      <span class={`badge stage-${stage}`} data-stage={stage}>{stageWords(words, stage)}</span>
      {since && <span class="since"> {words.t('popoverSince', words.date(since))}</span>}
      {asOfReport && (
        <span class="as-of">
          {' · '}
          {asOfDate ? withSlots(words.t('popoverAsOfDated', SLOT, asOfReport, words.date(asOfDate)), report) : withSlots(words.t('popoverAsOf', SLOT), report)}
        </span>
      )}
    </p>
  );
}

function Timeline({ doc, onReadReport }: { doc: DocumentView; onReadReport: PopoverProps['onReadReport'] }) {
  const words = useI18n();
  if (doc.timeline.length === 0) return null;
  const lang = datasetLang(words);
  return (
    <details class="timeline" open={doc.timeline.length <= 4}>
      <summary>{words.plural('popoverTimeline', doc.timeline.length)}</summary>
      <ol>
        {doc.timeline.map((event) => (
          <li key={`${event.date}-${event.stage}-${event.label}`}>
            <time dateTime={event.date}>{words.date(event.date)}</time>
            <span class="event-label" {...lang}>{event.label}</span>
            <span class="event-meta">
              <span {...lang}>{event.institution}</span> · {stageWords(words, event.stage)} ·{' '}
              {withSlots(
                words.t('popoverEventSource', SLOT, SLOT),
                <span {...(event.source.reportTitle ? lang : {})}>{event.source.reportTitle ?? event.source.report}</span>,
                event.source.section,
              )}
            </span>
            {event.source.quote !== undefined && <ReportWords source={{ ...event.source, quote: event.source.quote }} onRead={onReadReport} />}
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
  const words = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      class="copy"
      onClick={trusted(() => void onCopy().then((ok) => setState(ok ? 'copied' : 'failed')))}
    >
      {words.t(state === 'copied' ? 'popoverCitationCopied' : state === 'failed' ? 'popoverCopyFailed' : 'popoverCopyCitation')}
    </button>
  );
}

/** Where the interface's language is not the dataset's, the popover says so, once, at its foot. */
function DatasetLanguageNote() {
  const words = useI18n();
  if (words.language === DATASET_LANGUAGE) return null;
  const name = new Intl.DisplayNames([intlLocale(words.language)], { type: 'language' }).of(DATASET_LANGUAGE) ?? DATASET_LANGUAGE;
  return <p class="dataset-language">{words.t('popoverDatasetLanguage', name)}</p>;
}

export function Popover(props: PopoverProps) {
  const words = useI18n();
  const { reference, document: doc, relatedUrl, relatedLabel, onOpenRelated, onBack, backLabel, onCopyCitation, renderNotes, onRetryLookup, onReadReport } = props;
  const label = referenceLabel(reference);
  const related = { relatedUrl, relatedLabel, onOpenRelated };
  // A procedure number answered with the document whose file it is (storage/dataset/lookup.ts):
  // what it links to and its CELEX are the procedure's, not that document's.
  const fileOf = doc && doc.id !== reference.id ? doc.id : undefined;
  const url = (fileOf ? undefined : doc?.url) ?? reference.url;
  const celex = (fileOf ? undefined : doc?.celex) ?? reference.celex;
  const outside = doc?.outside;
  const lang = datasetLang(words);
  return (
    <div class="popover" role="dialog" aria-label={words.t('popoverDialogLabel', label)} data-euref-popover={reference.id}>
      {onBack && (
        <button type="button" class="back" onClick={trusted(onBack)}>
          {backLabel ? words.t('popoverBackTo', backLabel) : words.t('popoverBack')}
        </button>
      )}
      <p class="kind">
        {words.t(TYPE_KEYS[reference.type])}
        {fileOf ? null : <KindNote type={reference.type} doc={doc} />}
      </p>
      <p class="ref">{label}{celex && celex !== label ? <span class="celex"> · {words.t('popoverCelex', celex)}</span> : null}</p>
      {doc === undefined && !onRetryLookup && <p class="loading">{words.t('popoverLookingUp')}</p>}
      {doc === undefined && onRetryLookup && (
        <p class="lookup-failed" role="status">
          {words.t('popoverUnreachable')}{' '}
          {/* The page can click into an open shadow root too; only the reader's click asks again. */}
          <button type="button" class="retry" onClick={trusted(onRetryLookup)}>
            {words.t('popoverTryAgain')}
          </button>
        </p>
      )}
      {doc === null && (
        <div class="untracked">
          <p class="title">{words.t('popoverUntrackedTitle')}</p>
          <p>
            {reference.type === 'procedure'
              ? words.t('popoverUntrackedProcedure', String(reference.year), reference.number)
              : words.t('popoverUntrackedDocument', String(reference.year), reference.number)}
          </p>
        </div>
      )}
      {doc && (
        <>
          {fileOf && (
            <p class="file-of">
              {withSlots(words.t('popoverFileOf', reference.id, SLOT), <RelatedLink id={fileOf} {...related} />)}
              {outside?.procedure && <OutsideFact fact={outside.procedure} field="procedure" />}
            </p>
          )}
          {/* Documents the builder found but nobody has described yet carry their id as title. */}
          {doc.title !== doc.id ? <p class="title" {...lang}>{doc.title}</p> : <p class="muted">{words.t('popoverNoTitle')}</p>}
          {outside?.title && <p class="fact">{words.t('popoverTitleFact')}<OutsideFact fact={outside.title} field="title" /></p>}
          {doc.date && (
            <p class="date">
              {words.t('popoverDated', words.date(doc.date))}
              {outside?.date && <OutsideFact fact={outside.date} field="date" />}
            </p>
          )}
          <Status doc={doc} />
          <Timeline doc={doc} onReadReport={onReadReport} />
          {doc.becameAct && (
            <p class="related">
              {withSlots(words.t('popoverBecame', SLOT), <RelatedLink id={doc.becameAct} {...related} />)}
              {outside?.becameAct && <OutsideFact fact={outside.becameAct} field="becameAct" />}
            </p>
          )}
          {doc.fromProposal && (
            <p class="related">
              {withSlots(words.t('popoverProposedAs', SLOT), <RelatedLink id={doc.fromProposal} {...related} />)}
              {outside?.fromProposal && <OutsideFact fact={outside.fromProposal} field="fromProposal" />}
            </p>
          )}
          {doc.procedure && !fileOf && (
            <p class="procedure">
              {withSlots(
                words.t('popoverProcedure', SLOT),
                <a href={oeilUrl(doc.procedure)} target="_blank" rel="noopener noreferrer" onClick={onlyTrustedNavigation}>
                  {doc.procedure}
                </a>,
              )}
              {outside?.procedure && <OutsideFact fact={outside.procedure} field="procedure" />}
            </p>
          )}
        </>
      )}
      <p class="links">
        <a href={url} target="_blank" rel="noopener noreferrer" onClick={onlyTrustedNavigation}>
          {words.t(reference.type === 'procedure' ? 'popoverOpenOeil' : 'popoverOpenEurLex')}
        </a>
        {onCopyCitation && <CopyButton key={reference.id} onCopy={onCopyCitation} />}
      </p>
      {renderNotes && <Notes key={reference.id} render={renderNotes} />}
      {doc && <DatasetLanguageNote />}
    </div>
  );
}
