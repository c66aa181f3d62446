import type { EntityManager } from '@mikro-orm/postgresql';
import type { RetentionCandidate } from '../privacy.dto';
import type { Sql } from '../sql';

export interface CandidateQuery {
  /** The moment inactivity is measured from (a scheduled tick's time, so a retry judges alike). */
  asOf: Date;
  months: number;
  /** Keyset cursor: only ids after this one. */
  afterId?: string | null;
}

// A lead is active while anyone works on it: the record changes, an activity is logged or edited,
// a note is written, a task is opened or done. Runs of workflows do not count: an automated
// reminder must not keep a forgotten lead forever. Converted leads live on as contacts and erased
// ones are done; neither is a candidate.
const INACTIVE = `l.erased_at is null and l.converted_at is null and l.status <> 'converted'
  and l.created_at < c.cutoff and l.updated_at < c.cutoff
  and not exists (select 1 from activities a where a.record_type = 'lead' and a.record_id = l.id and (a.occurred_at >= c.cutoff or a.updated_at >= c.cutoff))
  and not exists (select 1 from notes n where n.record_type = 'lead' and n.record_id = l.id and n.updated_at >= c.cutoff)
  and not exists (select 1 from tasks t where t.record_type = 'lead' and t.record_id = l.id and (t.created_at >= c.cutoff or t.completed_at >= c.cutoff))`;

const CUTOFF = `with c as (select ?::timestamptz - make_interval(months => ?) as cutoff)`;

/** The SQL of one page of inactive lead ids, in id order; exported for its unit spec. */
export function candidatesSql(query: CandidateQuery, limit: number): Sql {
  const params: unknown[] = [query.asOf.toISOString(), query.months];
  let sql = `${CUTOFF} select l.id from leads l, c where ${INACTIVE}`;
  if (query.afterId) {
    sql += ' and l.id > ?';
    params.push(query.afterId);
  }
  sql += ' order by l.id limit ?';
  params.push(limit);
  return { sql, params };
}

export async function candidateIds(
  em: EntityManager,
  query: CandidateQuery,
  limit: number,
): Promise<string[]> {
  const { sql, params } = candidatesSql(query, limit);
  const rows = await em.execute<Array<{ id: string }>>(sql, params);
  return rows.map((r) => r.id);
}

export async function countCandidates(em: EntityManager, query: CandidateQuery): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(
    `${CUTOFF} select count(*)::int as n from leads l, c where ${INACTIVE}`,
    [query.asOf.toISOString(), query.months],
  );
  return row?.n ?? 0;
}

/** The candidates with what an admin checks before erasing: name, creation and last activity. */
export async function describeCandidates(em: EntityManager, ids: string[]): Promise<RetentionCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<
    Array<{ id: string; name: string; created_at: Date; last_activity_at: Date }>
  >(
    `select l.id, l.name, l.created_at, greatest(l.updated_at,
        (select max(greatest(a.occurred_at, a.updated_at)) from activities a where a.record_type = 'lead' and a.record_id = l.id),
        (select max(n.updated_at) from notes n where n.record_type = 'lead' and n.record_id = l.id),
        (select max(greatest(t.created_at, t.completed_at)) from tasks t where t.record_type = 'lead' and t.record_id = l.id)
      ) as last_activity_at
      from leads l where l.id in (?) order by l.id`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    lastActivityAt: new Date(r.last_activity_at).toISOString(),
  }));
}
