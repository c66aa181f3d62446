import { eligibleSql } from './eligible-records';

const page = { workflowId: 'wf-1', after: null, limit: 200 };

describe(eligibleSql.name, () => {
  it('reads live records in id order, from the cursor on', () => {
    const { sql, params } = eligibleSql('cases', 'archived_at', {
      ...page,
      after: 'c-9',
      trigger: { entity: 'case' },
    });
    expect(sql).toBe(
      'select t.id from "cases" t where true and t."archived_at" is null and t.id > ? order by t.id limit ?',
    );
    expect(params).toEqual(['c-9', 200]);
  });

  it('leaves out the records a "once" workflow already ran on', () => {
    const { sql, params } = eligibleSql('tasks', undefined, {
      ...page,
      trigger: { entity: 'task', reenroll: { mode: 'once' } },
    });
    expect(sql).toBe(
      'select t.id from "tasks" t where true and not exists (select 1 from workflow_runs r where r.workflow_id = ? and r.record_id = t.id) order by t.id limit ?',
    );
    expect(params).toEqual(['wf-1', 200]);
  });

  it('leaves out the records an "after N days" workflow ran on within those days', () => {
    const { sql, params } = eligibleSql('leads', 'archived_at', {
      ...page,
      trigger: { entity: 'lead', reenroll: { mode: 'after', days: 7 } },
    });
    expect(sql).toContain('and r.started_at > now() - make_interval(days => ?))');
    expect(params).toEqual(['wf-1', 7, 200]);
  });
});
