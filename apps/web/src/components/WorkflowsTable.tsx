import type { WorkflowView } from '../api/workflows';
import { formatShortDate } from '../lib/describeLead';
import { pendingDraft, triggerSummary } from '../lib/describeWorkflow';
import { workflowHref } from '../lib/routes';
import { LastRunCell, RecentRunsCell } from './WorkflowRunCells';
import './WorkflowsTable.css';

interface WorkflowsTableProps {
  workflows: readonly WorkflowView[];
  now: Date;
  /** The workflow an action is under way for: its buttons wait. */
  busyId: string | null;
  onDuplicate: (workflow: WorkflowView) => void;
  onArchive: (workflow: WorkflowView, archived: boolean) => void;
}

export function WorkflowsTable({ workflows, now, busyId, onDuplicate, onArchive }: WorkflowsTableProps) {
  return (
    <div className="data-table__frame workflows-table__frame">
      <table className="data-table workflows-table" data-testid="workflows-table">
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Trigger</th>
            <th scope="col">Live version</th>
            <th scope="col">Draft</th>
            <th scope="col">Last run</th>
            <th scope="col">Last 7 days</th>
            <th scope="col">Owner</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {workflows.map((workflow) => {
            const active = workflow.activeVersion;
            const draft = pendingDraft(workflow);
            const busy = busyId === workflow.id;
            return (
              <tr
                key={workflow.id}
                className={workflow.archived ? 'workflows-table__row--archived' : undefined}
                data-testid="workflow-row"
                data-workflow-id={workflow.id}
                data-key={workflow.key}
                data-archived={workflow.archived}
              >
                <td>
                  <a className="workflows-table__name" href={workflowHref(workflow.id)}>
                    {workflow.name}
                  </a>
                  <code className="workflows-table__key">{workflow.key}</code>
                  {workflow.archived && <span className="workflows-table__archived"> · archived</span>}
                </td>
                <td className="workflows-table__trigger" data-testid="workflow-trigger">
                  {triggerSummary(workflow)}
                </td>
                <td>
                  {active ? (
                    <span className="version-badge version-badge--live" data-testid="workflow-live">
                      v{active.version}
                      {active.publishedAt && (
                        <span className="version-badge__date">
                          · {formatShortDate(new Date(active.publishedAt), now)}
                        </span>
                      )}
                    </span>
                  ) : (
                    <span className="workflows-table__muted" data-testid="workflow-live">
                      Not published
                    </span>
                  )}
                </td>
                <td>
                  {draft ? (
                    <span className="version-badge version-badge--draft" data-testid="workflow-draft">
                      Draft v{draft.version}
                    </span>
                  ) : (
                    <span className="workflows-table__muted" data-testid="workflow-draft">
                      Up to date
                    </span>
                  )}
                </td>
                <LastRunCell stats={workflow.stats} now={now} />
                <RecentRunsCell stats={workflow.stats} />
                <td data-testid="workflow-owner">
                  {workflow.owner?.name ?? <span className="workflows-table__muted">—</span>}
                </td>
                <td className="workflows-table__actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy}
                    onClick={() => onDuplicate(workflow)}
                    aria-label={`Duplicate ${workflow.name}`}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy}
                    onClick={() => onArchive(workflow, !workflow.archived)}
                    aria-label={`${workflow.archived ? 'Restore' : 'Archive'} ${workflow.name}`}
                  >
                    {workflow.archived ? 'Restore' : 'Archive'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
