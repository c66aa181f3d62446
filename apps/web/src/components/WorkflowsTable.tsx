import type { WorkflowDefinition } from '@baton/contracts';
import type { WorkflowView } from '../api/workflows';
import { formatShortDate } from '../lib/describeLead';
import { pendingDraft, triggerSummary } from '../lib/describeWorkflow';
import { workflowHref } from '../lib/routes';
import './WorkflowsTable.css';

interface WorkflowsTableProps {
  workflows: readonly WorkflowView[];
  definitions: ReadonlyMap<string, WorkflowDefinition>;
  now: Date;
}

export function WorkflowsTable({ workflows, definitions, now }: WorkflowsTableProps) {
  return (
    <div className="workflows-table__frame">
      <table className="workflows-table" data-testid="workflows-table">
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Trigger</th>
            <th scope="col">Live version</th>
            <th scope="col">Draft</th>
          </tr>
        </thead>
        <tbody>
          {workflows.map((workflow) => {
            const active = workflow.activeVersion;
            const draft = pendingDraft(workflow);
            return (
              <tr
                key={workflow.id}
                data-testid="workflow-row"
                data-workflow-id={workflow.id}
                data-key={workflow.key}
              >
                <td>
                  <a className="workflows-table__name" href={workflowHref(workflow.id)}>
                    {workflow.name}
                  </a>
                  <code className="workflows-table__key">{workflow.key}</code>
                </td>
                <td className="workflows-table__trigger">
                  {triggerSummary(workflow, definitions.get(workflow.id))}
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
