import type { EntityManager } from '@mikro-orm/postgresql';
import { compileRule, truthy, type CompiledRule } from '@baton/rules';
import { SEGMENT_TABLES, fieldSelectList, fieldsOfRow } from './segment-columns';
import { compilePrefilter, compileSegmentRule } from './segment-sql';
import type { SegmentEntity } from './segment.entity';
import { param, queryRows, raw, sql, type SqlFragment } from './sql-fragment';

/** `sql`: the rule became a WHERE clause. `scan`: records are read in batches and evaluated. */
export type MatchStrategy = 'sql' | 'scan';

/** How one rule is matched against one entity's records at one instant. */
export interface SegmentPlan {
  readonly entity: SegmentEntity;
  readonly strategy: MatchStrategy;
  /** The whole rule (`sql`), or a filter every match passes (`scan`). */
  readonly where: SqlFragment;
  readonly rule: unknown;
  /** What date operators take as now, so one count or page sees one instant. */
  readonly now: Date;
}

const SCAN_BATCH = 500;

export function planSegment(entity: SegmentEntity, rule: unknown, now = new Date()): SegmentPlan {
  const compiled = compileSegmentRule(entity, rule);
  if (compiled !== null) return { entity, strategy: 'sql', where: compiled, rule, now };
  return { entity, strategy: 'scan', where: compilePrefilter(entity, rule) ?? raw('true'), rule, now };
}

/** Live (not archived) records the plan's WHERE keeps, after `afterId`, in id order: ids, or every field. */
function candidates(
  plan: SegmentPlan,
  afterId: string | undefined,
  limit: number | null,
  select: 'id' | 'fields' = 'id',
): SqlFragment {
  const { table } = SEGMENT_TABLES[plan.entity];
  const columns = raw(select === 'id' ? 'r.id' : `r.id as "__id", ${fieldSelectList(plan.entity)}`);
  const after = afterId === undefined ? raw('') : sql` and r.id > ${param(afterId)}::uuid`;
  const cap = limit === null ? raw('') : sql` limit ${param(limit)}`;
  return sql`select ${columns} from ${raw(table)} r where r.archived_at is null${after} and ${plan.where} order by r.id${cap}`;
}

/** How many records match right now. */
export async function countMatching(em: EntityManager, plan: SegmentPlan): Promise<number> {
  if (plan.strategy === 'sql') {
    const { table } = SEGMENT_TABLES[plan.entity];
    const [row] = await queryRows<{ n: number }>(
      em,
      sql`select count(*)::int as n from ${raw(table)} r where r.archived_at is null and ${plan.where}`,
    );
    return row?.n ?? 0;
  }
  let count = 0;
  for await (const batch of scan(em, plan, undefined)) count += batch.length;
  return count;
}

/** Ids of matching records after `afterId`, in id order, at most `limit`. */
export async function pageOfMatches(
  em: EntityManager,
  plan: SegmentPlan,
  page: { afterId?: string; limit: number },
): Promise<string[]> {
  if (plan.strategy === 'sql') {
    const rows = await queryRows<{ id: string }>(em, candidates(plan, page.afterId, page.limit));
    return rows.map((r) => r.id);
  }
  const ids: string[] = [];
  for await (const batch of scan(em, plan, page.afterId)) {
    ids.push(...batch);
    if (ids.length >= page.limit) break;
  }
  return ids.slice(0, page.limit);
}

/** The matching ids of one page for a stored or unsaved rule; see {@link pageOfMatches}. */
export function matchingIds(
  em: EntityManager,
  entity: SegmentEntity,
  rule: unknown,
  page: { afterId?: string; limit: number },
): Promise<string[]> {
  return pageOfMatches(em, planSegment(entity, rule), page);
}

/**
 * Matching ids batch by batch: each candidate row becomes exactly the data a workflow condition
 * sees for that record, and the rule evaluator decides.
 */
async function* scan(
  em: EntityManager,
  plan: SegmentPlan,
  afterId: string | undefined,
): AsyncGenerator<string[]> {
  const evaluate: CompiledRule = compileRule(plan.rule);
  let after = afterId;
  for (;;) {
    const rows = await queryRows<Record<string, unknown> & { __id: string }>(
      em,
      candidates(plan, after, SCAN_BATCH, 'fields'),
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.__id;
    const matches: string[] = [];
    for (const row of rows) {
      const data = { [plan.entity]: fieldsOfRow(plan.entity, row), steps: {}, trigger: {} };
      if (truthy(evaluate(data, { now: plan.now }))) matches.push(row.__id);
    }
    yield matches;
    if (rows.length < SCAN_BATCH) return;
  }
}
