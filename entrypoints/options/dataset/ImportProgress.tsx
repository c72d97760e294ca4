import type { Phase } from '../../../storage/import/pipeline';
import { formatBytes } from '../../../components/format';

const PHASE_WORDS: Record<Phase, string> = {
  reading: 'Reading',
  parsing: 'Parsing',
  validating: 'Checking',
  comparing: 'Comparing with the current dataset',
  applying: 'Applying',
};

/** What the import is doing: how far, or, where that cannot be told, what it is waiting for. */
export function ImportProgress({ phase, share, what, received }: { phase: Phase; share: number; what: string; received: number | undefined }) {
  if (phase === 'applying') {
    // One transaction reports no progress of its own: say what is happening instead of a bar
    // stuck at 0%.
    return (
      <label>
        {PHASE_WORDS[phase]} <span class="id">{what}</span>… in one transaction: all of it or nothing
        <progress />
      </label>
    );
  }
  if (phase === 'reading' && received !== undefined && share === 0) {
    // From an address that has not said how large the file is, or not answered yet.
    return (
      <label>
        {PHASE_WORDS[phase]} <span class="id">{what}</span>… {received === 0 ? 'waiting for the server to answer' : `${formatBytes(received)} so far`}
        <progress />
      </label>
    );
  }
  return (
    <label>
      {PHASE_WORDS[phase]} <span class="id">{what}</span>… {Math.round(share * 100)}%
      <progress max={1} value={share} />
    </label>
  );
}
