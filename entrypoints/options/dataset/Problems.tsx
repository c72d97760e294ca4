/** Errors and warnings of an import, as text (never markup: a title may hold "<script>"). */
import type { ImportProblem } from '../../../storage/import/problems';

export function Problems({ problems, count, kind }: { problems: ImportProblem[]; count: number; kind: 'error' | 'warning' }) {
  if (count === 0) return null;
  const noun = kind === 'error' ? (count === 1 ? 'error' : 'errors') : count === 1 ? 'warning' : 'warnings';
  return (
    <div class={`problems ${kind}s`} data-testid={`import-${kind}s`} {...(kind === 'error' ? { role: 'alert' } : {})}>
      <h3>
        {count} {noun}
        {kind === 'error' ? ': nothing was imported and nothing was changed.' : ': the import is possible, but look at these.'}
      </h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <span class="place">{problem.place}</span>
            {problem.subject && <span class="subject">{problem.subject}</span>}
            {problem.field && <span class="field">{problem.field}</span>}
            <span class="message">{problem.message}</span>
          </li>
        ))}
      </ul>
      {count > problems.length && <p class="muted">… and {count - problems.length} more.</p>}
    </div>
  );
}
