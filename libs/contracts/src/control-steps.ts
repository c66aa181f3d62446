import { z } from 'zod';
import { approvalConfigSchema } from './approval';

/**
 * Step kinds the interpreter executes itself (durable timers, routing) instead of as activities.
 * Every other step `type` names an activity type from the registry.
 */
export const CONTROL_STEP_TYPES = ['branch', 'delay', 'end', 'approval'] as const;
export type ControlStepType = (typeof CONTROL_STEP_TYPES)[number];

/** Control kinds that wait durably: a cycle through one of them is a loop, not a runaway. */
export const WAIT_STEP_TYPES: ReadonlySet<string> = new Set<ControlStepType>(['delay', 'approval']);

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
} satisfies Record<ControlStepType, z.ZodType>;

export function isControlStepType(type: string): type is ControlStepType {
  return (CONTROL_STEP_TYPES as readonly string[]).includes(type);
}

export function delayMilliseconds(config: { amount: number; unit: (typeof DELAY_UNITS)[number] }): number {
  const unitMs = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 }[config.unit];
  return config.amount * unitMs;
}
