import { fetchDashboard, type Dashboard } from '../api/dashboard';
import type { User } from '../api/types';
import { LeadFunnelPanel } from '../components/charts/LeadFunnelPanel';
import { OverdueTasksPanel } from '../components/charts/OverdueTasksPanel';
import { RenewalsPanel } from '../components/charts/RenewalsPanel';
import { SlaBreachesPanel } from '../components/charts/SlaBreachesPanel';
import { WorkflowRunsPanel } from '../components/charts/WorkflowRunsPanel';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { formatFullDate } from '../lib/due';
import './MyTasksPage.css';
import './DashboardPage.css';

// Counts move slowly; a minute keeps a dashboard left open on a screen current enough.
const POLL_MS = 60_000;

function describeScope(user: User, scope: Dashboard['scope'] | undefined): string {
  switch (scope?.kind) {
    case undefined:
      return user.role === 'sales_rep' ? 'Your records' : "Your team's records";
    case 'own':
      return 'Your own leads, tasks, cases, runs and subscriptions';
    case 'team': {
      const others = (scope.people ?? 1) - 1;
      return others > 0
        ? `You and the ${others} ${others === 1 ? 'person' : 'people'} who report to you`
        : 'Your own records: nobody reports to you yet';
    }
    case 'everyone':
      return "Everyone's records";
  }
}

export function DashboardPage({ user, revision }: { user: User; revision: number }) {
  useDocumentTitle('Dashboard');
  const remote = useRemote('dashboard', fetchDashboard, { refresh: revision, pollMs: POLL_MS });
  const { data, error, reload } = remote;
  // A failed refresh keeps the last numbers; only a first load that failed shows the error.
  const part = <K extends keyof Dashboard>(key: K) => ({
    data: data ? data[key] : null,
    error: data ? null : error,
    onRetry: reload,
  });

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Dashboard</h1>
          <p className="page__subtitle" data-testid="dashboard-scope">
            {describeScope(user, data?.scope)}
          </p>
        </div>
        {data && (
          <p className="page__notice page__updated" title={formatFullDate(new Date(data.generatedAt))}>
            Updated {new Date(data.generatedAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}
          </p>
        )}
      </div>
      <div className="dashboard">
        <LeadFunnelPanel {...part('leadFunnel')} />
        <OverdueTasksPanel {...part('overdueTasks')} />
        <SlaBreachesPanel {...part('slaBreaches')} />
        <WorkflowRunsPanel {...part('workflowRuns')} />
        <RenewalsPanel {...part('renewals')} />
      </div>
    </main>
  );
}
