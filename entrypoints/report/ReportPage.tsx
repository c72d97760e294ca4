/**
 * A progress report as a reader reads it in Eurefs: its title and date, its headings and
 * paragraphs, footnote calls linked to the footnotes and back, and the passage a source quotes
 * highlighted, in view and focused. Report text is rendered by Preact as text, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ReportFile } from '../../evidence/report-file';
import { findQuote, type QuoteMatch } from '../../evidence/find-quote';
import { useI18n } from '../../components/i18n-context';
import { datasetLang } from '../../components/DatasetText';
import type { ReportAddress } from './address';
import { blockPieces, type Piece } from './pieces';
import { say, type Said } from '../../i18n/phrase';

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  /** what went wrong: a phrase, or the browser's own words */
  | { kind: 'failed'; message: Said }
  | { kind: 'loaded'; report: ReportFile };

export interface ReportPageProps {
  /** null: the address names no report this page can show */
  address: ReportAddress | null;
  state: ReportState;
  /** called once the report is on the page, with the element that holds its text */
  onShown?: (text: HTMLElement) => void;
}

const QUOTED_ID = 'quoted';

function Call({ number, first }: { number: number; first: boolean }) {
  const words = useI18n();
  return (
    <sup class="call">
      <a href={`#fn-${number}`} id={first ? `fnref-${number}` : undefined} aria-label={words.t('reportFootnoteCall', number)}>
        {number}
      </a>
    </sup>
  );
}

/** One block's text, its calls, and its part of the highlight; `firstMark` carries the id the page focuses. */
function Pieces({ pieces, firstCalls, firstMark }: { pieces: Piece[]; firstCalls: Set<Piece>; firstMark: Piece | undefined }) {
  return (
    <>
      {pieces.map((piece, i) =>
        piece.kind === 'call' ? (
          <Call key={i} number={piece.number} first={firstCalls.has(piece)} />
        ) : piece.marked ? (
          <mark key={i} {...(piece === firstMark ? { id: QUOTED_ID, tabIndex: -1 } : {})}>
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}

function Message({ children }: { children: ComponentChildren }) {
  const words = useI18n();
  return (
    <main class="report-message">
      <h1>{words.t('reportHeading')}</h1>
      <p>{children}</p>
    </main>
  );
}

export function ReportPage({ address, state, onShown }: ReportPageProps) {
  const words = useI18n();
  if (!address) return <Message>{words.t('reportNoAddress')}</Message>;
  if (state.kind === 'loading') return <Message>{words.t('reportLoading', address.report)}</Message>;
  if (state.kind === 'missing') return <Message>{words.t('reportMissing', address.report)}</Message>;
  if (state.kind === 'failed') return <Message>{words.t('reportFailed', address.report, say(words, state.message))}</Message>;
  return <LoadedReport address={address} report={state.report} onShown={onShown} />;
}

function LoadedReport({ address, report, onShown }: { address: ReportAddress; report: ReportFile; onShown?: ((text: HTMLElement) => void) | undefined }) {
  const words = useI18n();
  const lang = datasetLang(words);
  const match: QuoteMatch | null = useMemo(
    () => (address.quote ? findQuote(report, address.quote, address.footnote !== undefined ? { footnote: address.footnote } : {}) : null),
    [report, address],
  );
  const named = address.footnote;
  const hasNamedFootnote = named !== undefined && report.blocks.some((b) => b.kind === 'footnote' && b.number === named);
  const { pieces, firstCalls, firstMark } = useMemo(() => {
    const pieces = report.blocks.map((block, i) => blockPieces(block.text, block.calls, match?.block === i ? match : undefined));
    const seen = new Set<number>();
    const firstCalls = new Set<Piece>();
    for (const piece of pieces.flat()) {
      if (piece.kind !== 'call' || seen.has(piece.number)) continue;
      seen.add(piece.number);
      firstCalls.add(piece);
    }
    return { pieces, firstCalls, firstMark: pieces.flat().find((p) => p.kind === 'text' && p.marked) };
  }, [report, match]);
  const called = useMemo(() => new Set([...firstCalls].map((p) => (p.kind === 'call' ? p.number : 0))), [firstCalls]);
  const text = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${report.title} (${report.id}) · Eurefs`;
    // The quoted words, or else the footnote the source names: in view, and focused, so that a
    // screen reader reads them out first.
    const target = document.getElementById(QUOTED_ID) ?? (hasNamedFootnote ? document.getElementById(`fn-${named}`) : null);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
    if (text.current) onShown?.(text.current);
  }, []);

  const body = report.blocks.map((block, i) => ({ block, i })).filter(({ block }) => block.kind !== 'footnote');
  const footnotes = report.blocks.map((block, i) => ({ block, i })).filter(({ block }) => block.kind === 'footnote');
  return (
    <>
      <header class="report-header">
        <p class="eyebrow">{words.t('reportEyebrow')}</p>
        <h1 {...lang}>{report.title}</h1>
        <p class="report-id">
          {report.id} · {words.date(report.date)}
        </p>
        {address.quote && !match && (
          <p class="not-found" role="alert">
            {words.t('reportNotFound', address.quote)}
          </p>
        )}
        {match && (
          <p class="found" role="status">
            {words.t('reportFound')} <a href={`#${QUOTED_ID}`}>{words.t('reportGoToThem')}</a>
          </p>
        )}
        {named !== undefined && !hasNamedFootnote && <p class="not-found">{words.t('reportNoFootnote', named)}</p>}
      </header>
      <main>
        <div class="report-text" ref={text}>
          <article aria-label={words.t('reportTextLabel', report.id)} {...lang}>
            {body.map(({ block, i }) =>
              block.kind === 'heading' ? (
                <h2 key={i}>
                  <Pieces pieces={pieces[i]!} firstCalls={firstCalls} firstMark={firstMark} />
                </h2>
              ) : (
                <p key={i}>
                  <Pieces pieces={pieces[i]!} firstCalls={firstCalls} firstMark={firstMark} />
                </p>
              ),
            )}
          </article>
          {footnotes.length > 0 && (
            <section class="footnotes" aria-labelledby="footnotes-heading">
              <h2 id="footnotes-heading">{words.t('reportFootnotes')}</h2>
              <ol {...lang}>
                {footnotes.map(({ block, i }) => {
                  const isNamed = block.number === named;
                  return (
                    <li
                      key={i}
                      id={block.number !== undefined ? `fn-${block.number}` : undefined}
                      value={block.number}
                      class={isNamed ? 'named' : undefined}
                      tabIndex={-1}
                      aria-current={isNamed ? 'true' : undefined}
                    >
                      {isNamed && <strong class="named-label" lang={words.language}>{words.t('reportNamedFootnote')}</strong>}
                      <Pieces pieces={pieces[i]!} firstCalls={firstCalls} firstMark={firstMark} />
                      {block.number !== undefined && called.has(block.number) && (
                        <>
                          {' '}
                          <a href={`#fnref-${block.number}`} class="back-to-text" aria-label={words.t('reportBackToCall', block.number)}>
                            ↩
                          </a>
                        </>
                      )}
                    </li>
                  );
                })}
              </ol>
            </section>
          )}
        </div>
      </main>
    </>
  );
}
