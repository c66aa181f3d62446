import { inScope, type Scope } from './dashboard-scope';

// One grouped statement per chart; Postgres counts, the service only fills the gaps. Bindings are
// listed in the order the `?`s appear. Days are UTC days.

export interface Statement {
  sql: string;
  params: unknown[];
}

const SETTLED = `('resolved', 'closed')`;

export function leadFunnelSql(scope: Scope): Statement {
  const owner = inScope('l.owner_id', scope);
  return {
    sql: `select l.status, count(*)::int as count
            from leads l
           where l.archived_at is null and ${owner.sql}
           group by l.status`,
    params: owner.params,
  };
}

export interface OverdueRow {
  id: string;
  name: string;
  count: number;
  oldest_due_at: Date;
}

export function overdueTasksSql(scope: Scope, now: Date): Statement {
  const assignee = inScope('t.assignee_id', scope);
  return {
    sql: `select u.id, u.name, count(*)::int as count, min(t.due_at) as oldest_due_at
            from tasks t join users u on u.id = t.assignee_id
           where t.status = 'open' and t.due_at < ? and ${assignee.sql}
           group by u.id, u.name
           order by count desc, u.name, u.id`,
    params: [now, ...assignee.params],
  };
}

// The status a case had when its SLA ran out: the last status change recorded at or before then.
// Cases written without events (the demo seed) fall back to their status if they were last
// changed before the SLA ran out, and otherwise count as open then.
const STATUS_AT_SLA = `coalesce(
  (select e.payload->'changes'->'status'->>'to'
     from outbox_events e
    where e.aggregate_type = 'case' and e.aggregate_id = c.id
      and e.payload->'changes'->'status' is not null and e.occurred_at <= c.sla_due_at
    order by e.occurred_at desc limit 1),
  case when c.updated_at <= c.sla_due_at then c.status end,
  'open')`;

export interface DayCountRow {
  day: string;
  count: number;
}

/** Breaches by the day the SLA ran out: cases not resolved or closed by then, however late they were settled. */
export function slaBreachesSql(scope: Scope, from: Date, now: Date): Statement {
  const owner = inScope('c.owner_id', scope);
  return {
    sql: `select to_char(c.sla_due_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
            from cases c
           where c.archived_at is null and c.sla_due_at >= ? and c.sla_due_at <= ? and ${owner.sql}
             and ${STATUS_AT_SLA} not in ${SETTLED}
           group by 1`,
    params: [from, now, ...owner.params],
  };
}

/**
 * Escalate steps that handed a case to someone, by day, counted against the person it was taken
 * from (the escalation makes the manager the owner, so the current owner would hide it).
 */
export function escalationsSql(scope: Scope, from: Date, now: Date): Statement {
  const previousOwner = inScope(`(se.output->>'from')::uuid`, scope);
  return {
    sql: `select to_char(se.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
            from step_effects se join workflow_runs r on r.id = se.run_id
           where r.record_type = 'case' and se.output->>'escalatedTo' is not null
             and se.created_at >= ? and se.created_at <= ? and ${previousOwner.sql}
           group by 1`,
    params: [from, now, ...previousOwner.params],
  };
}

export function openBreachesSql(scope: Scope, now: Date): Statement {
  const owner = inScope('c.owner_id', scope);
  return {
    sql: `select count(*)::int as count
            from cases c
           where c.archived_at is null and c.sla_due_at < ? and c.status not in ${SETTLED} and ${owner.sql}`,
    params: [now, ...owner.params],
  };
}

export interface RunRow {
  workflow_id: string;
  name: string | null;
  runs: number;
  completed: number;
  failed: number;
  cancelled: number;
  running: number;
}

// The owner of the record a run is about; runs on records without an owner belong to nobody's team.
const RUN_RECORD_OWNER = `
  left join lateral (
    select owner_id from leads where r.record_type = 'lead' and id = r.record_id
    union all select owner_id from accounts where r.record_type = 'account' and id = r.record_id
    union all select owner_id from contacts where r.record_type = 'contact' and id = r.record_id
    union all select owner_id from opportunities where r.record_type = 'opportunity' and id = r.record_id
    union all select owner_id from quotes where r.record_type = 'quote' and id = r.record_id
    union all select owner_id from subscriptions where r.record_type = 'subscription' and id = r.record_id
    union all select owner_id from cases where r.record_type = 'case' and id = r.record_id
    limit 1
  ) o on true`;

export function workflowRunsSql(scope: Scope, since: Date): Statement {
  const owner = inScope('o.owner_id', scope);
  return {
    sql: `select r.workflow_id, w.name, count(*)::int as runs,
                 count(*) filter (where r.status = 'completed')::int as completed,
                 count(*) filter (where r.status = 'failed')::int as failed,
                 count(*) filter (where r.status = 'cancelled')::int as cancelled,
                 count(*) filter (where r.status = 'running')::int as running
            from workflow_runs r
            left join workflows w on w.id = r.workflow_id
            ${scope.userIds === null ? '' : RUN_RECORD_OWNER}
           where r.started_at >= ? and ${owner.sql}
           group by r.workflow_id, w.name
           order by runs desc, w.name, r.workflow_id`,
    params: [since, ...owner.params],
  };
}

export interface RenewalRow {
  week: number;
  status: string;
  count: number;
  amount: string;
}

export function renewalsSql(scope: Scope, today: string, last: string): Statement {
  const owner = inScope('s.owner_id', scope);
  return {
    sql: `select ((s.end_date - ?::date) / 7)::int as week, s.renewal_status as status,
                 count(*)::int as count, sum(s.amount)::text as amount
            from subscriptions s
           where s.archived_at is null and s.end_date between ?::date and ?::date and ${owner.sql}
           group by 1, 2`,
    params: [today, today, last, ...owner.params],
  };
}
