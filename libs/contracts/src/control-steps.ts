import { z } from 'zod';
import { approvalConfigSchema } from './approval';
import { ENTITY_TYPES, jsonLogicSchema } from './definition';

import { DELAY_UNITS, JOIN_MODES, type ControlStepType } from './control-step-names';

export {
  CONTROL_STEP_TYPES,
  DELAY_UNITS,
  JOIN_MODES,
  MAX_CALL_DEPTH,
  RECORD_CHANGED_SIGNAL,
  WAIT_STEP_TYPES,
  delayMilliseconds,
  isControlStepType,
} from './control-step-names';
export type { ControlStepType, JoinMode } from './control-step-names';

const workflowKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/)
  .describe("The called workflow's key");

/** A record named by an earlier step's output, e.g. the opportunity a create step made. */
const recordFromStepSchema = z.strictObject({
  entity: z.enum(ENTITY_TYPES),
  idFrom: z
    .string()
    .regex(/^steps\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_]+)+$/)
    .describe('Path to the id, e.g. steps.renewal.recordId'),
});

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
  // Starts every outgoing path at once (a conditional one only when its condition holds); the
  // paths meet again at a `join` step.
  parallel: z.strictObject({
    wait: z.enum(JOIN_MODES).default('all').describe('all: every path reaches the join; any: the first does'),
  }),
  // Where the paths of a `parallel` step meet.
  join: z.strictObject({}),
  // Runs another published workflow (its current version) as a child run, on this record or on a
  // record an earlier step named, and by default waits for it.
  call_workflow: z.strictObject({
    workflow: workflowKey,
    record: recordFromStepSchema.optional(),
    wait: z.boolean().default(true),
  }),
  // Runs another published workflow once per related record (e.g. each contact of an account).
  for_each: z.strictObject({
    relation: z
      .string()
      .regex(/^[a-z][a-zA-Z]*$/)
      .describe('e.g. contacts, opportunities, cases'),
    workflow: workflowKey,
    where: jsonLogicSchema.optional().describe('Only related records for which this holds'),
    mode: z.enum(['sequential', 'parallel']).default('sequential'),
    max: z.number().int().min(1).max(200).default(50),
  }),
} satisfies Record<ControlStepType, z.ZodType>;

export type ParallelConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['parallel']>;
export type CallWorkflowConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['call_workflow']>;
export type ForEachConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['for_each']>;

export type DelayConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['delay']>;
export type WaitForConfig = z.infer<(typeof CONTROL_STEP_CONFIG_SCHEMAS)['wait_for']>;
