import type { WorkflowStats } from '../api/workflows';
import { formatAgo } from '../lib/ago';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const TONES: Record<NonNullable<WorkflowStats['lastRun']>['status'], BadgeTone> = {
  running: 'accent',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

/** When the workflow last ran and how that run is doing. */
export function LastRunCell({ stats, now }: { stats: WorkflowStats | undefined; now: Date }) {
  const last = stats?.lastRun;
  if (!last) {
    return (
      <td className="workflows-table__muted" data-testid="workflow-last-run">
        Never run
      </td>
    );
  }
  return (
    <td data-testid="workflow-last-run" data-status={last.status}>
      <span className="workflows-table__when">{formatAgo(new Date(last.startedAt), now)}</span>{' '}
      <StatusBadge tone={TONES[last.status]} label={last.status} />
    </td>
  );
}

/** Runs started in the last 7 days, and how many failed. */
export function RecentRunsCell({ stats }: { stats: WorkflowStats | undefined }) {
  const runs = stats?.runs7d ?? 0;
  const failures = stats?.failures7d ?? 0;
  return (
    <td data-testid="workflow-runs" data-runs={runs} data-failures={failures}>
      <span className="workflows-table__count">
        {runs} {runs === 1 ? 'run' : 'runs'}
      </span>
      {failures > 0 && <span className="workflows-table__failures"> · {failures} failed</span>}
    </td>
  );
}
