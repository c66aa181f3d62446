import type { WorkflowDefinition } from '@baton/contracts';
import type { StepTypeInfo } from '@baton/rule-builder-react';
import type { BacktestSide, BacktestView } from '../../api/backtests';

export interface PickedPath {
  version: number;
  path: string[];
  count: number;
}

interface BacktestResultsProps {
  backtest: BacktestView;
  candidate: WorkflowDefinition | null;
  compared: WorkflowDefinition | null;
  stepTypes: readonly StepTypeInfo[];
  picked: PickedPath | null;
  onPick: (path: PickedPath) => void;
}

/** The tested version and the published one side by side: who would enter, and which way. */
export function BacktestResults({
  backtest,
  candidate,
  compared,
  stepTypes,
  picked,
  onPick,
}: BacktestResultsProps) {
  const { comparedWith, ...mine } = backtest.results;
  return (
    <div className="backtest-results" data-testid="backtest-results">
      <BacktestColumn
        heading={`v${mine.version} · tested`}
        side={mine}
        done={backtest.done}
        definition={candidate}
        stepTypes={stepTypes}
        picked={picked}
        onPick={onPick}
        testId="backtest-tested"
      />
      {comparedWith ? (
        <BacktestColumn
          heading={`v${comparedWith.version} · published`}
          side={comparedWith}
          done={backtest.done}
          definition={compared}
          stepTypes={stepTypes}
          picked={picked}
          onPick={onPick}
          testId="backtest-published"
        />
      ) : (
        <p className="observe__hint">No version is published to compare with.</p>
      )}
    </div>
  );
}

interface BacktestColumnProps {
  heading: string;
  side: BacktestSide;
  done: number;
  definition: WorkflowDefinition | null;
  stepTypes: readonly StepTypeInfo[];
  picked: PickedPath | null;
  onPick: (path: PickedPath) => void;
  testId: string;
}

function BacktestColumn({
  heading,
  side,
  done,
  definition,
  stepTypes,
  picked,
  onPick,
  testId,
}: BacktestColumnProps) {
  const titles = new Map(stepTypes.map((t) => [t.type, t.title]));
  const title = (id: string) => {
    const step = definition?.steps.find((s) => s.id === id);
    return step ? (step.title ?? titles.get(step.type) ?? step.type) : id;
  };
  return (
    <section className="backtest-column" data-testid={testId} data-version={side.version}>
      <h3 className="backtest-column__title">{heading}</h3>
      <p className="backtest-column__counts">
        <strong data-testid="backtest-entered">{side.entered}</strong> of {done} entered
        <span className="backtest-column__muted">
          {' '}
          · <span data-testid="backtest-not-entered">{side.notEntered}</span> did not
          {side.failed > 0 && ` · ${side.failed} would fail`}
        </span>
      </p>
      <ul className="backtest-paths">
        {side.byPath.map((entry) => {
          const active = picked?.version === side.version && picked.path.join(',') === entry.path.join(',');
          return (
            <li key={entry.path.join(',')}>
              <button
                type="button"
                className={`backtest-path${active ? ' backtest-path--picked' : ''}`}
                onClick={() => onPick({ version: side.version, path: entry.path, count: entry.count })}
                aria-pressed={active}
                data-testid="backtest-path"
                data-path={entry.path.join(',')}
              >
                <span className="backtest-path__count">{entry.count}</span>
                <span className="backtest-path__steps">
                  {entry.path.length === 0 ? 'No step' : entry.path.map(title).join(' → ')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
