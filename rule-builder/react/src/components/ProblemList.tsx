import type { Problem, ProblemMap } from '../model/diagnostics';

export interface ProblemListProps {
  readonly problems: ProblemMap;
  /** Whether a validation is running; the list may be about an older graph meanwhile. */
  readonly checking: boolean;
  /** Unset when the list comes from nowhere yet (nothing validated). */
  readonly validated: boolean;
  readonly onShow: (problem: Problem) => void;
}

/** Every validation problem with its code; choosing one selects the node or arrow it is about. */
export function ProblemList({ problems, checking, validated, onShow }: ProblemListProps) {
  const { errorCount, warningCount } = problems;
  return (
    <section className="rb-problems" aria-label="Problems" data-testid="problem-list">
      <h3 className="rb-panel__heading">
        Problems
        <span className="rb-problems__counts" role="status" data-testid="problem-counts">
          {checking
            ? 'checking…'
            : !validated
              ? 'not checked yet'
              : errorCount + warningCount === 0
                ? 'none'
                : `${errorCount} ${errorCount === 1 ? 'error' : 'errors'}, ${warningCount} ${warningCount === 1 ? 'warning' : 'warnings'}`}
        </span>
      </h3>
      {problems.all.length > 0 && (
        <ul className="rb-problems__list">
          {problems.all.map((problem, index) => {
            const target = problem.nodeId ?? problem.edgeId;
            return (
              <li key={`${problem.code}-${target ?? ''}-${index}`}>
                <button
                  type="button"
                  className={`rb-problem rb-problem--${problem.severity}`}
                  onClick={() => onShow(problem)}
                  disabled={target === undefined}
                  data-testid="problem"
                  data-code={problem.code}
                  data-severity={problem.severity}
                  aria-label={`${problem.severity === 'error' ? 'Error' : 'Warning'} ${problem.code}${target ? ` on ${target}` : ''}: ${problem.message}`}
                >
                  <code className="rb-problem__code">{problem.code}</code>
                  {target && <span className="rb-problem__target">{target}</span>}
                  <span className="rb-problem__message">{problem.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
