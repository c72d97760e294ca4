import type { Phase } from '../../../storage/import/pipeline';
import { formatBytes } from '../../../components/format';
import { useI18n } from '../../../components/i18n-context';
import type { MessageKey } from '../../../i18n/keys';
import { intlLocale } from '../../../i18n/languages';

const PHASE_WORDS: Readonly<Record<Phase, MessageKey>> = {
  reading: 'importPhaseReading',
  parsing: 'importPhaseParsing',
  validating: 'importPhaseChecking',
  comparing: 'importPhaseComparing',
  applying: 'importPhaseApplying',
};

/** What the import is doing: how far, or, where that cannot be told, what it is waiting for. */
export function ImportProgress({ phase, share, what, received }: { phase: Phase; share: number; what: string; received: number | undefined }) {
  const words = useI18n();
  const doing = words.t(PHASE_WORDS[phase]);
  if (phase === 'applying') {
    // One transaction reports no progress of its own: say what is happening instead of a bar
    // stuck at 0%.
    return (
      <label>
        {doing} <span class="id">{what}</span>… {words.t('importInOneTransaction')}
        <progress />
      </label>
    );
  }
  if (phase === 'reading' && received !== undefined && share === 0) {
    // From an address that has not said how large the file is, or not answered yet.
    return (
      <label>
        {doing} <span class="id">{what}</span>… {received === 0 ? words.t('importWaiting') : words.t('importReceived', formatBytes(received, words.language))}
        <progress />
      </label>
    );
  }
  return (
    <label>
      {doing} <span class="id">{what}</span>… {new Intl.NumberFormat(intlLocale(words.language), { style: 'percent' }).format(Math.round(share * 100) / 100)}
      <progress max={1} value={share} />
    </label>
  );
}
