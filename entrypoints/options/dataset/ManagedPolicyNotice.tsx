import { policyLocksDataset, scheduleFromPolicy, type PolicyReading } from '../../../storage/managed-policy';

/** What an administrator's managed policy set for the dataset, and whether the reader may change it. */
export function ManagedPolicyNotice({ reading }: { reading: PolicyReading | null }) {
  if (!reading) return null;
  const schedule = scheduleFromPolicy(reading.policy);
  if (!schedule && reading.problems.length === 0) return null;
  return (
    <div class="policy" role="note" data-testid="managed-policy">
      {schedule && (
        <p>
          <strong>Set by your organisation:</strong> the dataset at <span class="id">{schedule.url}</span>, fetched when the browser
          starts and every {schedule.everyHours} hours ({schedule.mode}).{' '}
          {policyLocksDataset(reading.policy)
            ? 'Only your administrator can change or stop this.'
            : 'You may set another address below; yours then replaces it.'}
        </p>
      )}
      {reading.problems.length > 0 && (
        <ul class="problems warnings">
          {reading.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
