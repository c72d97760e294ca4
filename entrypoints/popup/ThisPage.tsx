/**
 * The list's first line: the document the page itself is, by its own address or metadata, with
 * what the dataset says of it; and, where the page's ELI metadata says whether it is in force,
 * that, as EUR-Lex's word and with its source (the page can say anything: it is never shown as
 * the dataset's status).
 */
import type { ThisPageRow } from '../../messaging/to-page';
import { TYPE_KEYS, stageWords } from '../../components/labels';
import { useI18n } from '../../components/i18n-context';
import { SLOT, withSlots } from '../../components/slots';
import { DatasetText } from '../../components/DatasetText';
import type { Translator } from '../../i18n/translate';

function datasetSays(words: Translator, page: ThisPageRow): string {
  if (page.tracked === null) return words.t('thisPageNotAsked');
  if (!page.tracked) return words.t('thisPageNotInDataset');
  return page.stage ? words.t('thisPageStatus', stageWords(words, page.stage)) : words.t('thisPageNoStatus');
}

export function ThisPage({ page }: { page: ThisPageRow }) {
  const words = useI18n();
  return (
    <section class="this-page" aria-label={words.t('thisPageLabel')}>
      <p>
        <span class="muted">{words.t('thisPagePrefix')}</span>
        <span class="label">{page.label}</span>
        {page.title !== undefined && page.title !== null ? <DatasetText class="detail">{page.title}</DatasetText> : <span class="detail">{words.t(TYPE_KEYS[page.type])}</span>}
      </p>
      <p class="detail" data-this-page="dataset">{datasetSays(words, page)}</p>
      {page.inForce !== undefined && (
        <p class="detail" data-this-page="eur-lex">
          {words.t(page.inForce ? 'thisPageInForce' : 'thisPageNotInForce')}
          {page.dateDocument ? `; ${words.t('thisPageDocumentOf', words.date(page.dateDocument))}` : ''} (
          {withSlots(words.t('thisPageEliSource', SLOT), <code>eli:in_force</code>)})
        </p>
      )}
    </section>
  );
}
