/**
 * Step kinds the interpreter executes itself (durable timers, routing, waiting for people) instead
 * of as activities. Every other step `type` names an activity type from the registry.
 */
export const CONTROL_STEP_TYPES = ['branch', 'delay', 'end', 'approval', 'wait_for'] as const;
export type ControlStepType = (typeof CONTROL_STEP_TYPES)[number];

/** Control kinds that wait durably: a cycle through one of them is a loop, not a runaway. */
export const WAIT_STEP_TYPES: ReadonlySet<string> = new Set<ControlStepType>([
  'delay',
  'approval',
  'wait_for',
]);

export const DELAY_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

/** Signal sent to a record's running runs whenever the record changes, so waits re-check at once. */
export const RECORD_CHANGED_SIGNAL = 'recordChanged';

export function isControlStepType(type: string): type is ControlStepType {
  return (CONTROL_STEP_TYPES as readonly string[]).includes(type);
}

export function delayMilliseconds(config: { amount: number; unit: DelayUnit }): number {
  const unitMs = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 }[config.unit];
  return config.amount * unitMs;
}
