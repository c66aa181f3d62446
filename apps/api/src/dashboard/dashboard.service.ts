import { Injectable } from '@nestjs/common';
import { EntityManager, IsolationLevel } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import { RENEWAL_DAYS, RUN_DAYS, SLA_DAYS, type Dashboard } from './dashboard.dto';
import { scopeOf, type Scope } from './dashboard-scope';
import { addDays, leadFunnel, renewalWeeks, slaDays, utcDay, workflowRuns } from './dashboard-shape';
import {
  escalationsSql,
  leadFunnelSql,
  openBreachesSql,
  overdueTasksSql,
  renewalsSql,
  slaBreachesSql,
  workflowRunsSql,
  type DayCountRow,
  type OverdueRow,
  type RenewalRow,
  type RunRow,
  type Statement,
} from './dashboard.sql';

const DAY = 86_400_000;

/** The numbers behind the dashboard's charts, for the records the viewer's role covers. */
@Injectable()
export class DashboardService {
  constructor(private readonly em: EntityManager) {}

  async dashboard(viewer: User): Promise<Dashboard> {
    const now = new Date();
    const today = utcDay(now);
    const scope = await scopeOf(this.em, viewer);
    const slaFrom = new Date(`${addDays(today, 1 - SLA_DAYS)}T00:00:00Z`);
    const runsSince = new Date(now.getTime() - RUN_DAYS * DAY);

    // One snapshot, so the charts agree with each other (the open breaches with the daily ones).
    const read = await this.em.transactional(
      async (tx) => {
        const rows = <T extends object>({ sql, params }: Statement) => tx.execute<T[]>(sql, params, 'all');
        return {
          funnel: await rows<{ status: string; count: number }>(leadFunnelSql(scope)),
          overdue: await rows<OverdueRow>(overdueTasksSql(scope, now)),
          breaches: await rows<DayCountRow>(slaBreachesSql(scope, slaFrom, now)),
          escalations: await rows<DayCountRow>(escalationsSql(scope, slaFrom, now)),
          open: await rows<{ count: number }>(openBreachesSql(scope, now)),
          runs: await rows<RunRow>(workflowRunsSql(scope, runsSince)),
          renewals: await rows<RenewalRow>(renewalsSql(scope, today, addDays(today, RENEWAL_DAYS))),
        };
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
    const { funnel, overdue, breaches, escalations, runs, renewals } = read;
    const open = read.open[0];

    const slaSeries = slaDays(today, SLA_DAYS, breaches, escalations);
    return {
      generatedAt: now.toISOString(),
      scope: scopeView(scope),
      leadFunnel: leadFunnel(funnel),
      overdueTasks: {
        people: overdue.map((r) => ({
          assignee: { id: r.id, name: r.name },
          count: r.count,
          oldestDueAt: new Date(r.oldest_due_at).toISOString(),
        })),
        total: overdue.reduce((sum, r) => sum + r.count, 0),
      },
      slaBreaches: {
        days: slaSeries,
        totalBreaches: slaSeries.reduce((sum, d) => sum + d.breaches, 0),
        totalEscalations: slaSeries.reduce((sum, d) => sum + d.escalations, 0),
        openBreaches: open?.count ?? 0,
      },
      workflowRuns: { since: runsSince.toISOString(), workflows: workflowRuns(runs) },
      renewals: renewalWeeks(today, RENEWAL_DAYS, renewals),
    };
  }
}

function scopeView(scope: Scope): Dashboard['scope'] {
  return { kind: scope.kind, people: scope.userIds?.length ?? null };
}
