import { useMemo, useState } from 'react';
import type { WorkflowView } from '../api/workflows';
import { ImportWorkflowForm } from '../components/ImportWorkflowForm';
import { NewWorkflowForm } from '../components/NewWorkflowForm';
import { WorkflowsTable } from '../components/WorkflowsTable';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useNow } from '../hooks/useNow';
import { useWorkflowActions } from '../hooks/useWorkflowActions';
import { useWorkflows } from '../hooks/useWorkflows';
import { describeError } from '../lib/describeError';
import { workflowHref } from '../lib/routes';
import './WorkflowsPage.css';

const CLOCK_MS = 60_000;

type Opened = 'new' | 'import' | null;

export function WorkflowsPage() {
  useDocumentTitle('Workflows');
  const { workflows, error, reload } = useWorkflows();
  const [opened, setOpened] = useState<Opened>(null);
  const [imported, setImported] = useState<WorkflowView | null>(null);
  const now = useNow(CLOCK_MS);
  const takenKeys = useMemo(() => new Set(workflows?.map((w) => w.key) ?? []), [workflows]);
  const actions = useWorkflowActions(takenKeys, reload);

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
        {opened === null && (
          <div className="workflows-page__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setImported(null);
                setOpened('import');
              }}
              data-testid="import-workflow"
            >
              Import
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setOpened('new')}
              data-testid="new-workflow"
            >
              New workflow
            </button>
          </div>
        )}
      </div>

      {opened === 'new' && <NewWorkflowForm takenKeys={takenKeys} onCancel={() => setOpened(null)} />}
      {opened === 'import' && (
        <ImportWorkflowForm
          onCancel={() => setOpened(null)}
          onImported={(workflow) => {
            setImported(workflow);
            setOpened(null);
            reload();
          }}
        />
      )}
      {imported && (
        <p className="workflows-page__notice" role="status" data-testid="workflow-imported">
          Imported “{imported.name}” as draft v1. <a href={workflowHref(imported.id)}>Open it</a>
        </p>
      )}
      {actions.notice && (
        <p className="workflows-page__notice" role="status" data-testid="workflow-action-notice">
          {actions.notice}
        </p>
      )}
      {actions.error !== null && (
        <p className="workflows-page__error" role="alert" data-testid="workflow-action-error">
          That did not work: {describeError(actions.error)}
        </p>
      )}

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
          <WorkflowsTable
            workflows={workflows}
            now={now}
            busyId={actions.busyId}
            onDuplicate={actions.duplicate}
            onArchive={actions.archive}
          />
        )}
      </section>
    </main>
  );
}
