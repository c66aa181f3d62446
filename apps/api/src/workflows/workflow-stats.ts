import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunStatus } from '@baton/contracts';
import type { Workflow } from './workflow.entity';
import { workflowView } from './workflow.view';
import type { WorkflowVersion } from './workflow-version.entity';

/** How a workflow has been running lately, for the workflow list. */
export interface WorkflowStats {
  /** Runs started in the last {@link STATS_DAYS} days, and how many of those failed. */
  runs7d: number;
  failures7d: number;
  lastRun: { status: RunStatus; startedAt: string } | null;
}

export const STATS_DAYS = 7;

export interface WorkflowExtras {
  stats: WorkflowStats;
  owner: { id: string; name: string } | null;
}

interface Row {
  workflow_id: string;
  runs: number;
  failures: number;
  last_status: RunStatus | null;
  last_started_at: Date | string | null;
  owner_id: string | null;
  owner_name: string | null;
}

/**
 * Run counts, last run and owner of every workflow in one query. Both lateral subqueries walk the
 * `(workflow_id, started_at desc)` index, so the cost follows recent runs, not all runs ever.
 */
export async function workflowStats(
  em: EntityManager,
  now = new Date(),
): Promise<Map<string, WorkflowExtras>> {
  const since = new Date(now.getTime() - STATS_DAYS * 86_400_000);
  const rows = await em.execute<Row[]>(
    `select w.id as workflow_id, recent.runs, recent.failures,
            last.status as last_status, last.started_at as last_started_at,
            u.id as owner_id, u.name as owner_name
       from workflows w
       left join users u on u.id = w.owner_id
       cross join lateral (
         select count(*)::int as runs, (count(*) filter (where r.status = 'failed'))::int as failures
           from workflow_runs r where r.workflow_id = w.id and r.started_at >= ?
       ) recent
       left join lateral (
         select r.status, r.started_at from workflow_runs r
          where r.workflow_id = w.id order by r.started_at desc limit 1
       ) last on true`,
    [since],
  );
  return new Map(
    rows.map((row) => [
      row.workflow_id,
      {
        stats: {
          runs7d: row.runs,
          failures7d: row.failures,
          lastRun:
            row.last_status === null || row.last_started_at === null
              ? null
              : { status: row.last_status, startedAt: new Date(row.last_started_at).toISOString() },
        },
        owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
      },
    ]),
  );
}

/**
 * A workflow as the list shows it: its view, how it has been running, its owner, and the triggers
 * of the version a row describes (the live one, else the latest), so the list needs no more requests.
 */
export function workflowListItem(
  workflow: Workflow,
  versions: WorkflowVersion[],
  extras: WorkflowExtras | undefined,
) {
  const view = workflowView(workflow, versions);
  const shown =
    versions.find((v) => v.id === workflow.activeVersionId) ??
    versions.reduce<WorkflowVersion | undefined>(
      (a, b) => (a === undefined || b.version > a.version ? b : a),
      undefined,
    );
  return {
    ...view,
    triggers: shown?.definition.triggers ?? [],
    stats: extras?.stats ?? { runs7d: 0, failures7d: 0, lastRun: null },
    owner: extras?.owner ?? null,
  };
}
