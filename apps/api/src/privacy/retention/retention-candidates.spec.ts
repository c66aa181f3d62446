import { candidatesSql } from './retention-candidates';

describe(candidatesSql.name, () => {
  const asOf = new Date('2026-11-26T02:30:00Z');

  it('measures inactivity from the given moment and pages by id', () => {
    const { sql, params } = candidatesSql({ asOf, months: 24, afterId: 'l-7' }, 20);
    expect(sql).toMatch(/^with c as \(select \?::timestamptz - make_interval\(months => \?\) as cutoff\)/);
    expect(sql).toContain('l.erased_at is null and l.converted_at is null');
    expect(sql).toMatch(/and l\.id > \? order by l\.id limit \?$/);
    expect(params).toEqual(['2026-11-26T02:30:00.000Z', 24, 'l-7', 20]);
  });

  it('counts activities, notes and tasks as activity, but not workflow runs', () => {
    const { sql } = candidatesSql({ asOf, months: 6 }, 5);
    for (const table of ['activities', 'notes', 'tasks']) expect(sql).toContain(`from ${table} `);
    expect(sql).not.toContain('workflow_runs');
  });
});
