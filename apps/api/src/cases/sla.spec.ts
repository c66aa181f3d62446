import { reprioritise, slaDueAt } from './sla';

// A Monday, 10:00 UTC.
const OPENED = new Date('2026-11-23T10:00:00Z');

describe(reprioritise.name, () => {
  it('moves the SLA for the new priority, counted from the opening time', () => {
    const supportCase = { priority: 'low' as const, createdAt: OPENED, slaDueAt: slaDueAt('low', OPENED) };
    reprioritise(supportCase, 'urgent');
    expect(supportCase).toEqual({
      priority: 'urgent',
      createdAt: OPENED,
      slaDueAt: new Date('2026-11-23T14:00:00Z'),
    });
    reprioritise(supportCase, 'normal');
    expect(supportCase.slaDueAt).toEqual(slaDueAt('normal', OPENED));
  });

  it('leaves the SLA alone when the priority does not change', () => {
    const moved = new Date('2026-12-01T09:00:00Z');
    const supportCase = { priority: 'high' as const, createdAt: OPENED, slaDueAt: moved };
    reprioritise(supportCase, 'high');
    expect(supportCase.slaDueAt).toBe(moved);
  });
});
