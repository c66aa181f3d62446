import type { ScheduleOptions, ScheduleSpec } from '@temporalio/client';
import {
  ENGINE_TASK_QUEUE,
  WORKFLOW_TYPES,
  scheduleIdOf,
  type ScheduleInterval,
  type ScheduledSweepInput,
  type ScheduleTrigger,
} from '@baton/contracts';

const UNIT_MS: Record<ScheduleInterval['unit'], number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** Shown on the schedule in Temporal's UI: it is derived from a definition, not edited there. */
export const MANAGED_NOTE =
  'Managed by Baton from the published workflow version; changes made here are undone';

/** When a schedule trigger ticks, as Temporal reads it. Intervals count from the epoch, so no time zone. */
export function scheduleSpec(trigger: ScheduleTrigger): ScheduleSpec {
  if (trigger.every) return { intervals: [{ every: trigger.every.amount * UNIT_MS[trigger.every.unit] }] };
  return { cronExpressions: [trigger.cron!], timezone: trigger.timezone ?? 'UTC' };
}

/** The Temporal Schedule behind one schedule trigger of one workflow. */
export function scheduleOptions(workflowId: string, trigger: ScheduleTrigger): ScheduleOptions {
  const args: [ScheduledSweepInput] = [{ workflowId, triggerId: trigger.id }];
  return {
    scheduleId: scheduleIdOf(workflowId, trigger.id),
    spec: scheduleSpec(trigger),
    action: {
      type: 'startWorkflow',
      workflowType: WORKFLOW_TYPES.scheduledSweep,
      taskQueue: ENGINE_TASK_QUEUE,
      // Temporal appends each tick's time, so every tick is its own workflow (and its runs' event ids).
      workflowId: `baton-sweep:${workflowId}:${trigger.id}`,
      args,
    },
    policies: {
      // A tick still sweeping when the next one is due makes that one pointless: skip it.
      overlap: 'SKIP',
      // After an outage the missed ticks collapse into one (the others overlap it and are skipped).
      catchupWindow: '1 day',
    },
    state: { paused: false, note: MANAGED_NOTE },
  };
}
