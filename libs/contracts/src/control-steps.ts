import { z } from 'zod';
import { approvalConfigSchema } from './approval';
import { jsonLogicSchema } from './definition';

/**
 * Step kinds the interpreter executes itself (durable timers, routing) instead of as activities.
 * Every other step `type` names an activity type from the registry.
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

export const CONTROL_STEP_CONFIG_SCHEMAS = {
  // Routes by its outgoing transitions' conditions; the unconditional one is the default.
  branch: z.strictObject({}),
  delay: z.strictObject({
    amount: z.number().int().min(1).max(100_000),
    unit: z.enum(DELAY_UNITS),
  }),
  // Ends the run's path explicitly, e.g. as a branch's default.
  end: z.strictObject({}),
  // Waits for people to decide (a Temporal Update per decision), climbing to managers on timeout.
  approval: approvalConfigSchema,
  // Waits until a condition on the record holds (re-checked whenever the record changes), or
  // until a deadline: a date field of the record (re-armed when it changes) or a fixed time.
  wait_for: z
    .strictObject({
      until: jsonLogicSchema,
      deadlineField: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9]*$/)
        .optional(),
      timeout: z
        .strictObject({ amount: z.number().int().min(1).max(100_000), unit: z.enum(DELAY_UNITS) })
        .optional(),
    })
    .refine((c) => c.deadlineField !== undefined || c.timeout !== undefined, {
      message:
        'give a deadlineField, a timeout, or both (the timeout applies when the field holds no date after the wait began)',
    }),
} satisfies Record<ControlStepType, z.ZodType>;

export function isControlStepType(type: string): type is ControlStepType {
  return (CONTROL_STEP_TYPES as readonly string[]).includes(type);
}

export function delayMilliseconds(config: { amount: number; unit: (typeof DELAY_UNITS)[number] }): number {
  const unitMs = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 }[config.unit];
  return config.amount * unitMs;
}

/** Signal sent to a record's running runs whenever the record changes, so waits re-check at once. */
export const RECORD_CHANGED_SIGNAL = 'recordChanged';
