import type { StepTypeInfo } from '@baton/rule-builder-react';
import type { WorkflowView } from '../../api/workflows';
import { workflowHref, workflowPanelHref, type WorkflowPanel } from '../../lib/routes';
import { BacktestPanel } from './BacktestPanel';
import { RunsPanel } from './RunsPanel';
import { TestPanel } from './TestPanel';
import './observe.css';

const TABS: ReadonlyArray<{ tab: WorkflowPanel['tab']; label: string }> = [
  { tab: 'test', label: 'Test on a record' },
  { tab: 'runs', label: 'Runs' },
  { tab: 'backtest', label: 'Backtest' },
];

interface WorkflowObserveProps {
  workflow: WorkflowView;
  stepTypes: readonly StepTypeInfo[];
  dirty: boolean;
  panel: WorkflowPanel;
}

/** Test and observe a workflow: dry-run it on a record, follow its runs, backtest it. */
export function WorkflowObserve({ workflow, stepTypes, dirty, panel }: WorkflowObserveProps) {
  return (
    <section className="workflow-observe" aria-label="Test and observe" data-testid="workflow-observe">
      <nav className="workflow-observe__tabs" aria-label="Test and observe">
        {TABS.map(({ tab, label }) => (
          <a
            key={tab}
            className={`workflow-observe__tab${panel.tab === tab ? ' workflow-observe__tab--active' : ''}`}
            href={workflowPanelHref(workflow.id, tab)}
            aria-current={panel.tab === tab ? 'page' : undefined}
            data-testid={`observe-tab-${tab}`}
          >
            {label}
          </a>
        ))}
      </nav>
      {panel.tab === 'test' && <TestPanel workflow={workflow} stepTypes={stepTypes} dirty={dirty} />}
      {panel.tab === 'runs' && <RunsPanel workflow={workflow} stepTypes={stepTypes} runId={panel.item} />}
      {panel.tab === 'backtest' && (
        <BacktestPanel workflow={workflow} stepTypes={stepTypes} dirty={dirty} backtestId={panel.item} />
      )}
    </section>
  );
}

/** The header's way in and out: to the observe views, or back to the editor. */
export function ObserveLink({
  workflowId,
  panel,
}: {
  workflowId: string | null;
  panel: WorkflowPanel | null;
}) {
  if (workflowId === null) {
    return (
      <button type="button" className="button" disabled title="Save the workflow to test it">
        Test &amp; runs
      </button>
    );
  }
  return (
    <a
      className="button observe-link"
      href={panel ? workflowHref(workflowId) : workflowPanelHref(workflowId, 'test')}
      data-testid="workflow-observe-toggle"
    >
      {panel ? 'Back to editing' : 'Test & runs'}
    </a>
  );
}
