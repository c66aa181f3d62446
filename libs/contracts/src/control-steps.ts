import { z } from 'zod';
import { approvalConfigSchema } from './approval';
import { jsonLogicSchema } from './definition';

import { DELAY_UNITS, type ControlStepType } from './control-step-names';

export {
  CONTROL_STEP_TYPES,
  DELAY_UNITS,
  RECORD_CHANGED_SIGNAL,
  WAIT_STEP_TYPES,
  delayMilliseconds,
  isControlStepType,
} from './control-step-names';
export type { ControlStepType } from './control-step-names';

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

export type DelayConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['delay']>;
export type WaitForConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['wait_for']>;
