import type { Dashboard } from '../../api/dashboard';
import { ChartCard } from './ChartCard';
import { HorizontalBarChart } from './HorizontalBarChart';
import { describeOverdue } from './describeDashboard';
import { panelState, type PanelProps } from './panelState';

type Overdue = Dashboard['overdueTasks'];

// A bigger team than this is read from the Team page; the chart keeps the worst cases.
const MAX_ROWS = 10;

export function OverdueTasksPanel({ data, error, onRetry }: PanelProps<Overdue>) {
  const rows = (data?.people ?? [])
    .slice(0, MAX_ROWS)
    .map((p) => ({ key: p.assignee.id, label: p.assignee.name, value: p.count }));
  return (
    <ChartCard
      id="overdue"
      title="Overdue tasks by rep"
      summary={
        data && (
          <>
            <strong>{data.total}</strong> open {data.total === 1 ? 'task' : 'tasks'} past due
          </>
        )
      }
      state={panelState(data, error, (d) => d.people.length === 0, 'No open task is past its due time.')}
      onRetry={onRetry}
    >
      {data && (
        <HorizontalBarChart
          rows={rows}
          label={describeOverdue(data)}
          xTitle="Open tasks past due"
          yTitle="Assignee"
        />
      )}
    </ChartCard>
  );
}
