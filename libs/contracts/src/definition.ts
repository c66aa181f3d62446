import { z } from 'zod';

// Ids are short, stable and human-readable so a definition diffs cleanly in git.
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'ids start with a letter and use letters, digits, _ and -');

export const ENTITY_TYPES = [
  'lead',
  'account',
  'contact',
  'opportunity',
  'quote',
  'subscription',
  'case',
  'task',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * `manual`: never fires by itself; a person starts it on a chosen record ("run on this record").
 * `date`: fires when the record's date `field`, moved by `offset`, comes (e.g. 60 days before
 * `subscription.endDate`); a changed date re-arms it, a record that no longer qualifies is skipped.
 */
export const RECORD_EVENTS = ['created', 'updated', 'manual', 'date'] as const;

export const dateOffsetSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(['hours', 'days']),
  direction: z.enum(['before', 'after']),
});
export type DateOffset = z.infer<typeof dateOffsetSchema>;

/** `once`: a record enters at most once; `after`: again only `days` after its last run started. */
export const reenrollSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('always') }),
  z.strictObject({ mode: z.literal('once') }),
  z.strictObject({ mode: z.literal('after'), days: z.number().int().min(1).max(3650) }),
]);
export type Reenroll = z.infer<typeof reenrollSchema>;
export type RecordEvent = (typeof RECORD_EVENTS)[number];

/** A JSON Logic rule. Its structure is checked by the rule validator, not here. */
export const jsonLogicSchema: z.ZodType<unknown> = z.unknown();

export const recordTriggerSchema = z.strictObject({
  id,
  kind: z.literal('record'),
  entity: z.enum(ENTITY_TYPES),
  event: z.enum(RECORD_EVENTS),
  /** With `updated`: fire only when this field changed, optionally from and/or to given values. */
  field: z.string().min(1).max(64).optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  /** With `date`: when, relative to the date in `field`. Defaults to the date itself. */
  offset: dateOffsetSchema.optional(),
  /** Whether a record that already went through this workflow may enter again. Default `always`. */
  reenroll: reenrollSchema.optional(),
  condition: jsonLogicSchema.optional(),
});

export const triggerSchema = z.discriminatedUnion('kind', [recordTriggerSchema]);

export const retryPolicySchema = z.strictObject({
  maximumAttempts: z.number().int().min(1).max(100).default(5),
  initialIntervalSeconds: z.number().min(0.1).max(3600).default(1),
  backoffCoefficient: z.number().min(1).max(10).default(2),
});

export const stepSchema = z.strictObject({
  id,
  type: z.string().min(1).max(64),
  title: z.string().max(200).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  retry: retryPolicySchema.optional(),
  timeoutSeconds: z.number().int().min(1).max(86_400).optional(),
  onError: id.optional(),
});

export const transitionSchema = z.strictObject({
  id,
  from: id,
  to: id,
  condition: jsonLogicSchema.optional(),
  label: z.string().max(100).optional(),
});

export const DEFINITION_SCHEMA_VERSION = 1;

/** Canvas position of a trigger or step; kept in the definition so graph ↔ definition is lossless. */
export const positionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const workflowDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(DEFINITION_SCHEMA_VERSION),
  key: id,
  name: z.string().min(1).max(200),
  triggers: z.array(triggerSchema).min(1).max(20),
  steps: z.array(stepSchema).max(500),
  transitions: z.array(transitionSchema).max(2000),
  layout: z.record(z.string(), positionSchema).optional(),
});

export type Trigger = z.infer<typeof triggerSchema>;
export type RecordTrigger = z.infer<typeof recordTriggerSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type Position = z.infer<typeof positionSchema>;
