import { Client } from 'pg';

/** What the database holds for one lead of a fault's traffic. */
export interface LeadOutcome {
  id: string;
  handoffs: number;
  handoffsCompleted: number;
  notices: number;
  noticesCompleted: number;
  failedRuns: number;
  watches: number;
  tasks: number;
  notifications: number;
  /** When the last of its effects landed (ms since the epoch), once all have. */
  doneAt: number | null;
}

// The shipped lead handoff (owner, task, SLA watch as a child run) and the suite's notice workflow.
const OUTCOMES = `
  with runs as (
    select r.*, w.key from workflow_runs r join workflows w on w.id = r.workflow_id
     where r.record_id in (select id from leads where name like $1)
  )
  select l.id,
    (select count(*)::int from runs r where r.record_id = l.id and r.key = 'lead-handoff' and r.parent_run_id is null) as handoffs,
    (select count(*)::int from runs r where r.record_id = l.id and r.key = 'lead-handoff' and r.parent_run_id is null and r.status = 'completed') as "handoffsCompleted",
    (select count(*)::int from runs r where r.record_id = l.id and r.key = 'fault-notice') as notices,
    (select count(*)::int from runs r where r.record_id = l.id and r.key = 'fault-notice' and r.status = 'completed') as "noticesCompleted",
    (select count(*)::int from runs r where r.record_id = l.id and r.status = 'failed') as "failedRuns",
    (select count(*)::int from runs r where r.record_id = l.id and r.parent_run_id is not null) as watches,
    (select count(*)::int from tasks t where t.record_id = l.id) as tasks,
    (select count(*)::int from notifications n where n.record_id = l.id
       and n.run_id in (select id from runs r where r.key = 'fault-notice')) as notifications,
    (select (extract(epoch from greatest(
        (select max(finished_at) from runs r where r.record_id = l.id and r.parent_run_id is null),
        (select max(started_at) from runs r where r.record_id = l.id and r.parent_run_id is not null),
        (select max(created_at) from tasks t where t.record_id = l.id),
        (select max(created_at) from notifications n where n.record_id = l.id))) * 1000)::float8) as "doneAt"
  from leads l where l.name like $1`;

/** Every effect a lead should get, each at least once (duplicates are judged separately). */
export const finished = (o: LeadOutcome): boolean =>
  o.handoffsCompleted >= 1 &&
  o.noticesCompleted >= 1 &&
  o.watches >= 1 &&
  o.tasks >= 1 &&
  o.notifications >= 1;

/** Exactly once: one handoff run, one notice run, one SLA watch, one task, one notification. */
export const duplicated = (o: LeadOutcome): boolean =>
  o.handoffs > 1 || o.notices > 1 || o.watches > 1 || o.tasks > 1 || o.notifications > 1;

/**
 * A short-lived connection per query: PostgreSQL is stopped and started under the suite's feet,
 * and a long-lived client would die with it.
 */
export async function sql<T>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Holds every insert into workflow_runs until released. The dispatcher records the runs it started
 * in that table before it marks their events as handed over, so it stops right there: runs started
 * in Temporal, events still pending.
 */
export async function holdRunInserts(databaseUrl: string): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('begin');
  await client.query('lock table workflow_runs in share mode');
  return async () => {
    await client.query('rollback').catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}

export function leadOutcomes(databaseUrl: string, tag: string): Promise<LeadOutcome[]> {
  return sql<LeadOutcome>(databaseUrl, OUTCOMES, [`${tag} lead %`]);
}

/** Handoff runs of the traffic that have started and not completed: runs in flight. */
export async function inFlight(databaseUrl: string, tag: string): Promise<number> {
  return (await leadOutcomes(databaseUrl, tag)).filter((o) => o.handoffs > 0 && o.handoffsCompleted === 0)
    .length;
}

/** `lead.created` events of the traffic's leads not yet handed to Temporal. */
export async function pendingEvents(
  databaseUrl: string,
  tag: string,
): Promise<Array<{ id: string; attempts: number }>> {
  return sql(
    databaseUrl,
    `select e.id, e.attempts from outbox_events e join leads l on l.id = e.aggregate_id
      where l.name like $1 and e.dispatched_at is null`,
    [`${tag} lead %`],
  );
}

/**
 * Waits until every lead in the database has all its effects (or a failed run, which will never
 * finish) and the outbox has handed over all their events, or until the deadline.
 */
export async function settle(databaseUrl: string, tag: string, timeoutMs: number): Promise<LeadOutcome[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcomes = await leadOutcomes(databaseUrl, tag).catch(() => undefined);
    if (outcomes) {
      const over = outcomes.every((o) => finished(o) || o.failedRuns > 0);
      if ((over && (await pendingEvents(databaseUrl, tag)).length === 0) || Date.now() > deadline)
        return outcomes;
    } else if (Date.now() > deadline) {
      throw new Error('the database did not answer');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Why the traffic's failed runs failed, for a failure message. */
export function failedRuns(databaseUrl: string, tag: string): Promise<unknown[]> {
  return sql(
    databaseUrl,
    `select r.id, r.error from workflow_runs r join leads l on l.id = r.record_id
      where l.name like $1 and r.status = 'failed' limit 5`,
    [`${tag} lead %`],
  );
}
