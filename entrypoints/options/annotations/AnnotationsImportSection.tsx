/** Import of an earlier export (Eurefs JSON or W3C Web Annotations), merged into what is here. */
import { useState } from 'preact/hooks';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { mergeImport, parseAnnotationsImport, type ImportSummary } from '../../../storage/annotations/import';
import { say } from '../../../i18n/phrase';
import { errorWords } from '../../../i18n/phrased-error';
import { useI18n } from '../../../components/i18n-context';

export function AnnotationsImportSection({ annotations, onImported }: { annotations: AnnotationsDb; onImported: () => void }) {
  const words = useI18n();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      // Parsed and validated before the one transaction opens.
      const parsed = parseAnnotationsImport(await file.text());
      setSummary(await mergeImport(annotations, parsed));
      onImported();
    } catch (e) {
      setError(say(words, errorWords(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="annotations-import-heading" data-testid="annotations-import">
      <h3 id="annotations-import-heading">{words.t('annotationsImport')}</h3>
      <p class="muted">{words.t('annotationsImportIntro')}</p>
      <label>{words.t('annotationsExportFile')} <input type="file" accept=".json,.jsonld,application/json,application/ld+json" disabled={busy} onChange={(e) => {
        const input = e.currentTarget;
        const file = input.files?.[0];
        // Cleared at once, so that choosing the same file again is a change and imports again.
        input.value = '';
        void read(file);
      }} /></label>
      {error && <p role="alert">{words.t('annotationsNotImported', error)}</p>}
      {summary && (
        <p role="status" data-testid="import-status">
          {words.t(
            'annotationsImported',
            summary.notesAdded,
            summary.notesUpdated,
            summary.notesUnchanged,
            summary.visitsAdded,
            summary.visitsUnchanged,
            summary.skipped ? words.t('annotationsSkipped', summary.skipped) : '',
          )}
        </p>
      )}
    </section>
  );
}
