import { useI18n } from '../../../components/i18n-context';
import { policyLocksDataset, scheduleFromPolicy, type PolicyReading } from '../../../storage/managed-policy';
import { withElements } from '../with-elements';
import { modeWords } from './mode-words';
import { say } from '../../../i18n/phrase';

/** What an administrator's managed policy set for the dataset, and whether the reader may change it. */
export function ManagedPolicyNotice({ reading }: { reading: PolicyReading | null }) {
  const words = useI18n();
  if (!reading) return null;
  const schedule = scheduleFromPolicy(reading.policy);
  if (!schedule && reading.problems.length === 0) return null;
  return (
    <div class="policy" role="note" data-testid="managed-policy">
      {schedule && (
        <p>
          {withElements([<strong>{words.t('importPolicySetBy')}</strong>, <span class="id">{schedule.url}</span>], (setBy, address) =>
            words.t('importPolicySet', setBy!, address!, schedule.everyHours, modeWords(words, schedule.mode)),
          )}{' '}
          {policyLocksDataset(reading.policy) ? words.t('importPolicyLocked') : words.t('importPolicyOpen')}
        </p>
      )}
      {reading.problems.length > 0 && (
        <ul class="problems warnings">
          {reading.problems.map((problem) => say(words, problem)).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
