/** Import of an earlier export (Eurefs JSON or W3C Web Annotations), merged into what is here. */
import { useState } from 'preact/hooks';
import type { AnnotationsDb } from '../../../storage/annotations/db';
import { mergeImport, parseAnnotationsImport, type ImportSummary } from '../../../storage/annotations/import';
import { errorText } from '../error-text';

export function AnnotationsImportSection({ annotations, onImported }: { annotations: AnnotationsDb; onImported: () => void }) {
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
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="annotations-import-heading" data-testid="annotations-import">
      <h3 id="annotations-import-heading">Import an earlier export</h3>
      <p class="muted">A Eurefs JSON export (notes and history) or W3C Web Annotations (notes). What is already here is kept; nothing is added twice.</p>
      <label>Export file <input type="file" accept=".json,.jsonld,application/json,application/ld+json" disabled={busy} onChange={(e) => {
        const input = e.currentTarget;
        const file = input.files?.[0];
        // Cleared at once, so that choosing the same file again is a change and imports again.
        input.value = '';
        void read(file);
      }} /></label>
      {error && <p role="alert">The file was not imported: {error}</p>}
      {summary && (
        <p role="status" data-testid="import-status">
          Imported: {summary.notesAdded} new notes, {summary.notesUpdated} updated, {summary.notesUnchanged} already here; {summary.visitsAdded} new page visits, {summary.visitsUnchanged} already here
          {summary.skipped ? `; ${summary.skipped} skipped (not about an EU document)` : ''}.
        </p>
      )}
    </section>
  );
}
