import {
  addBusinessDaysIn,
  addBusinessMinutes,
  DEFAULT_BUSINESS_HOURS,
  type BusinessHours,
} from '@baton/domain';

/**
 * Step kinds the interpreter executes itself (durable timers, routing, waiting for people) instead
 * of as activities. Every other step `type` names an activity type from the registry.
 */
export const CONTROL_STEP_TYPES = [
  'branch',
  'delay',
  'end',
  'approval',
  'wait_for',
  'parallel',
  'join',
  'call_workflow',
  'for_each',
] as const;
export type ControlStepType = (typeof CONTROL_STEP_TYPES)[number];

/** Control kinds that wait durably: a cycle through one of them is a loop, not a runaway. */
export const WAIT_STEP_TYPES: ReadonlySet<string> = new Set<ControlStepType>([
  'delay',
  'approval',
  'wait_for',
]);

// Business units count only the workflow's business hours (its definition's `businessHours`).
export const DELAY_UNITS = [
  'seconds',
  'minutes',
  'hours',
  'days',
  'business_hours',
  'business_days',
] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

/** How a `parallel` step goes on: once every branch reached the join, or the first one (the rest are cancelled). */
export const JOIN_MODES = ['all', 'any'] as const;
export type JoinMode = (typeof JOIN_MODES)[number];

/** Sub-workflow calls nest at most this deep, so two workflows calling each other stop with a reason. */
export const MAX_CALL_DEPTH = 5;

/** Signal sent to a record's running runs whenever the record changes, so waits re-check at once. */
export const RECORD_CHANGED_SIGNAL = 'recordChanged';

export function isControlStepType(type: string): type is ControlStepType {
  return (CONTROL_STEP_TYPES as readonly string[]).includes(type);
}

/**
 * How long a wait of `amount` `unit` lasts when it starts at `from` (workflow time in workflow
 * code, so replays agree); business units skip closed hours and days.
 */
export function delayMilliseconds(
  config: { amount: number; unit: DelayUnit },
  from: number = Date.now(),
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): number {
  if (config.unit === 'business_hours') {
    return addBusinessMinutes(new Date(from), config.amount * 60, hours).getTime() - from;
  }
  if (config.unit === 'business_days') {
    return addBusinessDaysIn(new Date(from), config.amount, hours).getTime() - from;
  }
  const unitMs = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 }[config.unit];
  return config.amount * unitMs;
}
