import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reenroll, ScheduleTrigger } from '@baton/contracts';
import { RECORD_ADAPTERS } from '../records/adapters';

export interface EligibleQuery {
  trigger: Pick<ScheduleTrigger, 'entity' | 'reenroll'>;
  workflowId: string;
  /** Keyset cursor: only ids after this one. */
  after: string | null;
  limit: number;
}

// The re-enrollment policy, pushed into SQL so a sweep never reads the records it would skip: with
// `once` the records already enrolled drop out, so the next tick continues with the rest instead of
// re-reading the same first batch forever. The start path checks the policy again all the same.
function reenrollFilter(reenroll: Reenroll | undefined): { sql: string; params: unknown[] } {
  const runs = 'select 1 from workflow_runs r where r.workflow_id = ? and r.record_id = t.id';
  switch (reenroll?.mode) {
    case undefined:
    case 'always':
      return { sql: '', params: [] };
    case 'once':
      return { sql: ` and not exists (${runs})`, params: [] };
    case 'after':
      return {
        sql: ` and not exists (${runs} and r.started_at > now() - make_interval(days => ?))`,
        params: [reenroll.days],
      };
  }
}

/** The SQL of one keyset page of candidate ids; exported for its unit spec. */
export function eligibleSql(
  table: string,
  archivedColumn: string | undefined,
  query: EligibleQuery,
): { sql: string; params: unknown[] } {
  const filter = reenrollFilter(query.trigger.reenroll);
  const params: unknown[] = [];
  let sql = `select t.id from "${table}" t where true`;
  if (archivedColumn !== undefined) sql += ` and t."${archivedColumn}" is null`;
  if (query.after !== null) {
    sql += ' and t.id > ?';
    params.push(query.after);
  }
  if (filter.sql !== '') {
    sql += filter.sql;
    params.push(query.workflowId, ...filter.params);
  }
  sql += ' order by t.id limit ?';
  params.push(query.limit);
  return { sql, params };
}

/** Ids of the next page of records a schedule tick looks at: live ones the policy does not exclude. */
export async function eligibleRecordIds(em: EntityManager, query: EligibleQuery): Promise<string[]> {
  const meta = em.getMetadata().get(RECORD_ADAPTERS[query.trigger.entity].entity.name);
  const archived = meta.properties['archivedAt']?.fieldNames[0];
  const { sql, params } = eligibleSql(meta.tableName, archived, query);
  const rows = await em.execute<Array<{ id: string }>>(sql, params);
  return rows.map((r) => r.id);
}
