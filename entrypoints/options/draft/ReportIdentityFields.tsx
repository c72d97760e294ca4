/**
 * The dropped files as reports: what each was read as, which report it says it is, and its
 * number and date, filled in where the text, another file or the dataset gives them and asked
 * for where none does.
 */
import type { ReportFileIdentity } from '../../../messaging/draft-worker';
import { DRAFT_STRINGS as S } from './strings';

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
  return (
    <fieldset class="identity" disabled={disabled}>
      <legend>{S.identityLegend}</legend>
      <p class="muted">{S.identityHelp}</p>
      <table data-testid="draft-identity">
        <thead>
          <tr>
            <th scope="col">{S.fileColumn}</th>
            <th scope="col">{S.formatColumn}</th>
            <th scope="col">{S.ordinalColumn}</th>
            <th scope="col">{S.numberColumn}</th>
            <th scope="col">{S.dateColumn}</th>
            <th scope="col">{S.fromColumn}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file, i) => (
            <tr key={file.name}>
              <th scope="row" class="id">
                {file.name}
              </th>
              <td>{S.formatName[file.format] ?? file.format}</td>
              <td>{file.ordinal === null ? '—' : S.ordinal(file.ordinal)}</td>
              <td>
                <input
                  type="text"
                  aria-label={S.numberLabel(file.name)}
                  data-testid="draft-report-number"
                  value={given[i]?.reportId ?? ''}
                  placeholder={S.numberPlaceholder}
                  onInput={(event) => onChange(i, { reportId: (event.currentTarget as HTMLInputElement).value, date: given[i]?.date ?? '' })}
                />
              </td>
              <td>
                <input
                  type="text"
                  inputMode="numeric"
                  aria-label={S.dateLabel(file.name)}
                  data-testid="draft-report-date"
                  value={given[i]?.date ?? ''}
                  placeholder={S.datePlaceholder}
                  onInput={(event) => onChange(i, { reportId: given[i]?.reportId ?? '', date: (event.currentTarget as HTMLInputElement).value })}
                />
              </td>
              <td>{S.from[file.from]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
