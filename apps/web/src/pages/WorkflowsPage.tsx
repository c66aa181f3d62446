import { useMemo, useState } from 'react';
import { NewWorkflowForm } from '../components/NewWorkflowForm';
import { WorkflowsTable } from '../components/WorkflowsTable';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useNow } from '../hooks/useNow';
import { useWorkflows } from '../hooks/useWorkflows';
import { describeError } from '../lib/describeError';
import './WorkflowsPage.css';

const CLOCK_MS = 60_000;

export function WorkflowsPage() {
  useDocumentTitle('Workflows');
  const { workflows, definitions, error, reload } = useWorkflows();
  const [creating, setCreating] = useState(false);
  const now = useNow(CLOCK_MS);
  const takenKeys = useMemo(() => new Set(workflows?.map((w) => w.key) ?? []), [workflows]);

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Workflows</h1>
          <p className="page__subtitle">
            {workflows === null
              ? 'What Baton does when records change'
              : `${workflows.length} ${workflows.length === 1 ? 'workflow' : 'workflows'} · new runs use the live version`}
          </p>
        </div>
        {!creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
            data-testid="new-workflow"
          >
            New workflow
          </button>
        )}
      </div>

      {creating && <NewWorkflowForm takenKeys={takenKeys} onCancel={() => setCreating(false)} />}

      <section aria-label="Workflows" aria-busy={workflows === null && !error}>
        {workflows === null ? (
          error ? (
            <div
              className="workflows-state workflows-state--error"
              role="alert"
              data-testid="workflows-error"
            >
              <p className="workflows-state__title">Workflows could not be loaded</p>
              <p className="workflows-state__detail">{describeError(error)}</p>
              <button type="button" className="button" onClick={reload}>
                Try again
              </button>
            </div>
          ) : (
            <div className="workflows-state" data-testid="workflows-loading">
              <p className="workflows-state__detail" role="status">
                Loading workflows…
              </p>
            </div>
          )
        ) : workflows.length === 0 ? (
          <div className="workflows-state" data-testid="workflows-empty">
            <p className="workflows-state__title">No workflows yet</p>
            <p className="workflows-state__detail">
              Draw one: pick what starts it, then the steps that follow.
            </p>
          </div>
        ) : (
          <WorkflowsTable workflows={workflows} definitions={definitions} now={now} />
        )}
      </section>
    </main>
  );
}
