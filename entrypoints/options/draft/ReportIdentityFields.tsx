/**
 * The dropped files as reports: what each was read as, which report it says it is, and its
 * number and date, filled in where the text, another file or the dataset gives them and asked
 * for where none does.
 */
import type { ReportFileIdentity } from '../../../messaging/draft-worker';
import { useI18n } from '../../../components/i18n-context';
import type { MessageKey } from '../../../i18n/keys';

const FORMAT_KEYS: Readonly<Record<ReportFileIdentity['format'], MessageKey>> = {
  pdf: 'draftFormatPdf',
  word: 'draftFormatWord',
  markdown: 'draftFormatMarkdown',
  html: 'draftFormatHtml',
};

const FROM_KEYS: Readonly<Record<ReportFileIdentity['from'], MessageKey>> = {
  text: 'draftFromText',
  'other-report': 'draftFromOtherReport',
  dataset: 'draftFromDataset',
  nowhere: 'draftFromNowhere',
};

export interface GivenIdentity {
  reportId: string;
  date: string;
}

export function ReportIdentityFields({
  files,
  given,
  onChange,
  disabled,
}: {
  files: readonly ReportFileIdentity[];
  given: readonly GivenIdentity[];
  onChange: (index: number, next: GivenIdentity) => void;
  disabled: boolean;
}) {
  const words = useI18n();
  return (
    <fieldset class="identity" disabled={disabled}>
      <legend>{words.t('draftIdentityLegend')}</legend>
      <p class="muted">{words.t('draftIdentityHelp')}</p>
      <table data-testid="draft-identity">
        <thead>
          <tr>
            <th scope="col">{words.t('draftFileColumn')}</th>
            <th scope="col">{words.t('draftFormatColumn')}</th>
            <th scope="col">{words.t('draftOrdinalColumn')}</th>
            <th scope="col">{words.t('draftNumberColumn')}</th>
            <th scope="col">{words.t('draftDateColumn')}</th>
            <th scope="col">{words.t('draftFromColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file, i) => (
            <tr key={file.name}>
              <th scope="row" class="id">
                {file.name}
              </th>
              <td>{words.t(FORMAT_KEYS[file.format])}</td>
              <td>{file.ordinal === null ? '—' : words.t('draftOrdinal', file.ordinal)}</td>
              <td>
                <input
                  type="text"
                  aria-label={words.t('draftNumberLabel', file.name)}
                  data-testid="draft-report-number"
                  value={given[i]?.reportId ?? ''}
                  placeholder={words.t('draftNumberPlaceholder')}
                  onInput={(event) => onChange(i, { reportId: (event.currentTarget as HTMLInputElement).value, date: given[i]?.date ?? '' })}
                />
              </td>
              <td>
                <input
                  type="text"
                  inputMode="numeric"
                  aria-label={words.t('draftDateLabel', file.name)}
                  data-testid="draft-report-date"
                  value={given[i]?.date ?? ''}
                  placeholder={words.t('draftDatePlaceholder')}
                  onInput={(event) => onChange(i, { reportId: given[i]?.reportId ?? '', date: (event.currentTarget as HTMLInputElement).value })}
                />
              </td>
              <td>{words.t(FROM_KEYS[file.from])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
