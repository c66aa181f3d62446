import { addDays, failureRate, leadFunnel, renewalWeeks, slaDays } from './dashboard-shape';

describe('dashboard shapes', () => {
  it('lists every funnel stage in the order a lead moves on, with zeros for empty ones', () => {
    expect(
      leadFunnel([
        { status: 'unqualified', count: 2 },
        { status: 'new', count: 5 },
      ]),
    ).toEqual({
      stages: [
        { status: 'new', count: 5 },
        { status: 'working', count: 0 },
        { status: 'qualified', count: 0 },
        { status: 'converted', count: 0 },
        { status: 'unqualified', count: 2 },
      ],
      total: 7,
    });
  });

  it('ends the SLA series today and fills days without breaches or escalations with zeros', () => {
    const days = slaDays(
      '2026-03-02',
      3,
      [{ day: '2026-02-28', count: 4 }],
      [{ day: '2026-03-02', count: 1 }],
    );
    expect(days).toEqual([
      { day: '2026-02-28', breaches: 4, escalations: 0 },
      { day: '2026-03-01', breaches: 0, escalations: 0 },
      { day: '2026-03-02', breaches: 0, escalations: 1 },
    ]);
  });

  it('counts the failure rate over runs that ended, and has none while all are running', () => {
    expect(failureRate({ completed: 3, failed: 1, cancelled: 0 })).toBe(0.25);
    expect(failureRate({ completed: 0, failed: 2, cancelled: 2 })).toBe(0.5);
    expect(failureRate({ completed: 0, failed: 0, cancelled: 0 })).toBeNull();
  });

  it('buckets 90 days into 13 seven-day weeks, the last one ending on day 90, with exact sums', () => {
    const renewals = renewalWeeks('2026-01-01', 90, [
      { week: 0, status: 'at_risk', count: 1, amount: '0.10' },
      { week: 0, status: 'active', count: 2, amount: '1000.20' },
      { week: 12, status: 'renewed', count: 1, amount: '5.00' },
    ]);
    expect(renewals.from).toBe('2026-01-01');
    expect(renewals.to).toBe(addDays('2026-01-01', 90));
    expect(renewals.weeks).toHaveLength(13);
    expect(renewals.weeks[0]).toEqual({
      start: '2026-01-01',
      end: '2026-01-07',
      count: 3,
      amount: '1000.30',
      byStatus: [
        { status: 'active', count: 2, amount: '1000.20' },
        { status: 'at_risk', count: 1, amount: '0.10' },
      ],
    });
    expect(renewals.weeks[1]).toMatchObject({ start: '2026-01-08', count: 0, amount: '0.00', byStatus: [] });
    expect(renewals.weeks[12]).toMatchObject({ start: '2026-03-26', end: '2026-04-01', count: 1 });
  });
});
