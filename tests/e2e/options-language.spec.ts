/**
 * The staff's and researcher's options page in the reader's language: its sections, and an
 * import's problems, in German once the reader's setting says German.
 */
import { mkdirSync } from 'node:fs';
import { expect, openOptions, setReaderLanguage, test } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

test('the options page and an import\'s problems speak German when the reader chose German', async ({ ext }) => {
  const page = await openOptions(ext);
  await expect(page.getByRole('heading', { name: 'Import a dataset' })).toBeVisible();
  await setReaderLanguage(ext, 'de');
  await expect(page.getByRole('heading', { name: 'Datensatz importieren' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Importverlauf' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notizen, Leseverlauf und Exporte' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abrufen und prüfen' })).toBeVisible();
  // The browser speaks English and says its shortcuts in English; the options page says them in German.
  await expect(page.getByTestId('shortcuts')).toContainText('Zum nächsten Verweis auf ein EU-Dokument auf der Seite');
  await expect(page.getByTestId('shortcuts')).not.toContainText('Go to the next reference');

  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 2, version: 'x', reports: [], documents: [{ id: 'COM(2018) 640', title: '' }] })),
  });
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('es wurde nichts importiert und nichts geändert.');
  await expect(errors).toContainText('Dokument "COM(2018) 640"');
  await expect(errors).toContainText('fehlt');
  await page.screenshot({ path: `${ARTIFACTS}/options-de.png`, fullPage: true });
});
