import type { Dashboard } from '../../api/dashboard';
import { ChartCard } from './ChartCard';
import { RateBarChart, type RateBar } from './RateBarChart';
import { describeRuns } from './describeDashboard';
import { panelState, type PanelProps } from './panelState';

type Runs = Dashboard['workflowRuns'];

// More bars than this no longer fit a half-width card; the busiest workflows are shown.
const MAX_BARS = 8;

export function WorkflowRunsPanel({ data, error, onRetry }: PanelProps<Runs>) {
  const shown = (data?.workflows ?? []).slice(0, MAX_BARS);
  const runs = shown.reduce((sum, w) => sum + w.runs, 0);
  const failed = shown.reduce((sum, w) => sum + w.failed, 0);
  const bars: RateBar[] = shown.map((w) => ({
    key: w.workflow.id,
    label: w.workflow.name,
    note: `${w.runs} ${w.runs === 1 ? 'run' : 'runs'}`,
    rate: w.failureRate,
    segments: [
      { key: 'completed', value: w.completed, tone: 'success' },
      { key: 'failed', value: w.failed, tone: 'danger' },
      { key: 'cancelled', value: w.cancelled, tone: 'muted' },
      { key: 'running', value: w.running, tone: 'accent-soft' },
    ],
  }));
  return (
    <ChartCard
      id="runs"
      title="Workflow runs, last 7 days"
      summary={
        data && (
          <>
            <strong>{runs}</strong> {runs === 1 ? 'run' : 'runs'}, {failed} failed
          </>
        )
      }
      legend={[
        { label: 'Completed', tone: 'success' },
        { label: 'Failed', tone: 'danger' },
        { label: 'Cancelled', tone: 'muted' },
        { label: 'Running', tone: 'accent-soft' },
        { label: 'Failure rate', tone: 'danger', line: true },
      ]}
      state={panelState(data, error, (d) => d.workflows.length === 0, 'No workflow ran in the last 7 days.')}
      onRetry={onRetry}
    >
      {data && (
        <RateBarChart
          bars={bars}
          label={describeRuns(shown)}
          xTitle="Workflow"
          yTitle="Runs"
          rateTitle="Failure rate"
        />
      )}
    </ChartCard>
  );
}
