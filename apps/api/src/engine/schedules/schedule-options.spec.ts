import type { ScheduleTrigger } from '@baton/contracts';
import { scheduleOptions, scheduleSpec } from './schedule-options';

const trigger = (extra: Partial<ScheduleTrigger>): ScheduleTrigger => ({
  id: 'stale_cases',
  kind: 'schedule',
  entity: 'case',
  condition: { '==': [{ var: 'case.status' }, 'open'] },
  ...extra,
});

describe(scheduleOptions.name, () => {
  it('names the schedule after workflow and trigger, and starts the sweep with both', () => {
    const options = scheduleOptions('wf-1', trigger({ cron: '0 8 * * *' }));
    expect(options.scheduleId).toBe('baton-schedule:wf-1:stale_cases');
    expect(options.action).toEqual({
      type: 'startWorkflow',
      workflowType: 'scheduledSweepWorkflow',
      taskQueue: 'baton-engine',
      workflowId: 'baton-sweep:wf-1:stale_cases',
      args: [{ workflowId: 'wf-1', triggerId: 'stale_cases' }],
    });
    expect(options.policies?.overlap).toBe('SKIP');
    expect(options.state?.paused).toBe(false);
  });
});

describe(scheduleSpec.name, () => {
  it('reads a cron in its time zone, UTC when none is given', () => {
    expect(scheduleSpec(trigger({ cron: '0 8 * * MON-FRI', timezone: 'Europe/Berlin' }))).toEqual({
      cronExpressions: ['0 8 * * MON-FRI'],
      timezone: 'Europe/Berlin',
    });
    expect(scheduleSpec(trigger({ cron: '*/5 * * * *' })).timezone).toBe('UTC');
  });

  it.each([
    [{ amount: 15, unit: 'minutes' as const }, 900_000],
    [{ amount: 2, unit: 'hours' as const }, 7_200_000],
    [{ amount: 1, unit: 'days' as const }, 86_400_000],
  ])('turns every %j into an interval of %i ms', (every, ms) => {
    expect(scheduleSpec(trigger({ every }))).toEqual({ intervals: [{ every: ms }] });
  });
});
