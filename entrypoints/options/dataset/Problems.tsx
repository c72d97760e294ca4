/** Errors and warnings of an import, as text (never markup: a title may hold "<script>"). */
import { useI18n } from '../../../components/i18n-context';
import { say } from '../../../i18n/phrase';
import type { ImportProblem } from '../../../storage/import/problems';

export function Problems({ problems, count, kind }: { problems: ImportProblem[]; count: number; kind: 'error' | 'warning' }) {
  const words = useI18n();
  if (count === 0) return null;
  return (
    <div class={`problems ${kind}s`} data-testid={`import-${kind}s`} {...(kind === 'error' ? { role: 'alert' } : {})}>
      <h3>{kind === 'error' ? words.plural('importErrors', count) : words.plural('importWarnings', count)}</h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <span class="place">{say(words, problem.place)}</span>
            {problem.subject && <span class="subject">{say(words, problem.subject)}</span>}
            {problem.field && <span class="field">{problem.field}</span>}
            <span class="message">{say(words, problem.message)}</span>
          </li>
        ))}
      </ul>
      {count > problems.length && <p class="muted">{words.t('importMoreProblems', count - problems.length)}</p>}
    </div>
  );
}
